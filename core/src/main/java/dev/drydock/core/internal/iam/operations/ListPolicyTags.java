package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
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
        Page<Tag> page = IamErrors.PAGINATOR.page(
                iam.listPolicyTags(request.policyArn()), Tag::key, false, request.maxItems(), request.marker());
        return ListPolicyTagsResponse.builder()
                .tags(page.items())
                .isTruncated(page.truncated())
                .marker(page.nextToken())
                .build();
    }
}
