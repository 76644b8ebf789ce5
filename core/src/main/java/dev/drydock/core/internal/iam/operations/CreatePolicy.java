package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;

/**
 * CreatePolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html. A customer managed
 * policy {@code arn:aws:iam::<account>:policy<path><name>}, id {@code ANPA...}, default version v1.
 */
public final class CreatePolicy extends IamOperation implements Operation<CreatePolicyRequest, CreatePolicyResponse> {
    public CreatePolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public CreatePolicyResponse call(CreatePolicyRequest request, CallContext context) {
        if (request.path() != null) {
            IamErrors.path(request.path());
        }
        Map<String, String> tags = tags(request.tags());
        authorize(
                context,
                "iam:CreatePolicy",
                iam.policyArnFor(request.path(), request.policyName()),
                "policy " + request.policyName(),
                requestTagKeys(tags));
        return CreatePolicyResponse.builder()
                .policy(iam.createPolicy(
                        request.policyName(), request.path(), request.policyDocument(), request.description(), tags))
                .build();
    }
}
