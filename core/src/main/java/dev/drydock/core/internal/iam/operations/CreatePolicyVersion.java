package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;

/**
 * CreatePolicyVersion: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html. SetAsDefault;
 * at most five versions (LimitExceeded).
 */
public final class CreatePolicyVersion extends IamOperation
        implements Operation<CreatePolicyVersionRequest, CreatePolicyVersionResponse> {
    public CreatePolicyVersion(IamBackend iam) {
        super(iam);
    }

    @Override
    public CreatePolicyVersionResponse call(CreatePolicyVersionRequest request, CallContext context) {
        authorize(context, "iam:CreatePolicyVersion", request.policyArn(), "policy " + request.policyArn());
        return CreatePolicyVersionResponse.builder()
                .policyVersion(iam.createPolicyVersion(
                        request.policyArn(), request.policyDocument(), Boolean.TRUE.equals(request.setAsDefault())))
                .build();
    }
}
