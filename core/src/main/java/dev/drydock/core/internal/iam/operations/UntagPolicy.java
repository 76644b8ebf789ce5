package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyResponse;

/** UntagPolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagPolicy.html. */
public final class UntagPolicy extends IamOperation implements Operation<UntagPolicyRequest, UntagPolicyResponse> {
    public UntagPolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public UntagPolicyResponse call(UntagPolicyRequest request, CallContext context) {
        authorize(
                context,
                "iam:UntagPolicy",
                request.policyArn(),
                "policy " + request.policyArn(),
                TagConditions.tagKeys(request.tagKeys()));
        iam.untagPolicy(request.policyArn(), request.tagKeys());
        return UntagPolicyResponse.builder().build();
    }
}
