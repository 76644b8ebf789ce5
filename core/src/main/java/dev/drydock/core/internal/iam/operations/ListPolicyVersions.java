package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/** ListPolicyVersions: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicyVersions.html. */
public final class ListPolicyVersions extends IamOperation
        implements Operation<ListPolicyVersionsRequest, ListPolicyVersionsResponse> {
    public ListPolicyVersions(IamBackend iam) {
        super(iam);
    }

    @Override
    public ListPolicyVersionsResponse call(ListPolicyVersionsRequest request, CallContext context) {
        authorize(context, "iam:ListPolicyVersions", request.policyArn(), "policy " + request.policyArn());
        Page<PolicyVersion> page = IamErrors.PAGINATOR.page(
                iam.listPolicyVersions(request.policyArn()),
                PolicyVersion::versionId,
                false,
                request.maxItems(),
                request.marker());
        return ListPolicyVersionsResponse.builder()
                .versions(page.items())
                .isTruncated(page.truncated())
                .marker(page.nextToken())
                .build();
    }
}
