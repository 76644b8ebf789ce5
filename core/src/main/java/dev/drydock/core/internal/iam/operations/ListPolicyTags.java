package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.Tag;

/** ListPolicyTags: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicyTags.html. */
public final class ListPolicyTags extends IamOperation
        implements Operation<ListPolicyTagsRequest, ListPolicyTagsResponse> {
    public ListPolicyTags(IamBackend iam) {
        super(iam);
    }

    @Override
    public ListPolicyTagsResponse call(ListPolicyTagsRequest request, CallContext context) {
        authorize(context, "iam:ListPolicyTags", request.policyArn(), "policy " + request.policyArn());
        Pages.Page<Tag> page = Pages.page(
                iam.listPolicyTags(request.policyArn()), Tag::key, false, request.marker(), request.maxItems());
        return ListPolicyTagsResponse.builder()
                .tags(page.items())
                .isTruncated(page.truncated())
                .marker(page.marker())
                .build();
    }
}
