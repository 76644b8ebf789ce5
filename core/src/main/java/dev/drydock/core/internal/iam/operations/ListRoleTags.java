package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.Tag;

/** ListRoleTags: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoleTags.html. */
public final class ListRoleTags extends IamOperation implements Operation<ListRoleTagsRequest, ListRoleTagsResponse> {
    public ListRoleTags(IamBackend iam) {
        super(iam);
    }

    @Override
    public ListRoleTagsResponse call(ListRoleTagsRequest request, CallContext context) {
        authorize(context, "iam:ListRoleTags", iam.roleArnFor(request.roleName()), "role " + request.roleName());
        Pages.Page<Tag> page =
                Pages.page(iam.listRoleTags(request.roleName()), Tag::key, false, request.marker(), request.maxItems());
        return ListRoleTagsResponse.builder()
                .tags(page.items())
                .isTruncated(page.truncated())
                .marker(page.marker())
                .build();
    }
}
