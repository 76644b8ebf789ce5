package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;

/** SetDefaultPolicyVersion: https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetDefaultPolicyVersion.html. */
public final class SetDefaultPolicyVersion extends IamOperation
        implements Operation<SetDefaultPolicyVersionRequest, SetDefaultPolicyVersionResponse> {
    public SetDefaultPolicyVersion(IamBackend iam) {
        super(iam);
    }

    @Override
    public SetDefaultPolicyVersionResponse call(SetDefaultPolicyVersionRequest request, CallContext context) {
        authorize(context, "iam:SetDefaultPolicyVersion", request.policyArn(), "policy " + request.policyArn());
        iam.setDefaultPolicyVersion(request.policyArn(), request.versionId());
        return SetDefaultPolicyVersionResponse.builder().build();
    }
}
