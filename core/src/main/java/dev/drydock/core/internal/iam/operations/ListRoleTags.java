package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
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
        Page<Tag> page = IamErrors.PAGINATOR.page(
                iam.listRoleTags(request.roleName()), Tag::key, false, request.maxItems(), request.marker());
        return ListRoleTagsResponse.builder()
                .tags(page.items())
                .isTruncated(page.truncated())
                .marker(page.nextToken())
                .build();
    }
}
