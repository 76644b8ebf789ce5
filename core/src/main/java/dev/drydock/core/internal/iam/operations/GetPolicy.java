package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;

/** GetPolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicy.html. */
public final class GetPolicy extends IamOperation implements Operation<GetPolicyRequest, GetPolicyResponse> {
    public GetPolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public GetPolicyResponse call(GetPolicyRequest request, CallContext context) {
        authorize(context, "iam:GetPolicy", request.policyArn(), "policy " + request.policyArn());
        return GetPolicyResponse.builder()
                .policy(iam.getPolicy(request.policyArn()))
                .build();
    }
}
