package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;

/**
 * GetPolicyVersion: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicyVersion.html (the Document
 * URL-encoded, as IAM returns it).
 */
public final class GetPolicyVersion extends IamOperation
        implements Operation<GetPolicyVersionRequest, GetPolicyVersionResponse> {
    public GetPolicyVersion(IamBackend iam) {
        super(iam);
    }

    @Override
    public GetPolicyVersionResponse call(GetPolicyVersionRequest request, CallContext context) {
        authorize(context, "iam:GetPolicyVersion", request.policyArn(), "policy " + request.policyArn());
        return GetPolicyVersionResponse.builder()
                .policyVersion(iam.getPolicyVersion(request.policyArn(), request.versionId()))
                .build();
    }
}
