package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.secretsmanager.internal.support.ResourcePolicies;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ValidationErrorsEntry;

/**
 * ValidateResourcePolicy, as
 * <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ValidateResourcePolicy.html">the Secrets
 * Manager API reference</a> describes it: the policy's grammar and whether it would be public. A malformed policy is
 * MalformedPolicyDocumentException; a public one fails the {@code BLOCK_PUBLIC_POLICY} check.
 * {@code secretsmanager:ValidateResourcePolicy} on the secret, or {@code *} without one.
 */
public final class ValidateResourcePolicy
        implements Operation<ValidateResourcePolicyRequest, ValidateResourcePolicyResponse> {
    private final SecretAccess access;

    public ValidateResourcePolicy(SecretAccess access) {
        this.access = access;
    }

    @Override
    public ValidateResourcePolicyResponse call(ValidateResourcePolicyRequest r, CallContext c) {
        String arn;
        if (r.secretId() != null) {
            access.authorize(c, "secretsmanager:ValidateResourcePolicy", r.secretId(), Map.of());
            arn = access.backend().secret(r.secretId(), true).arn();
        } else {
            access.authorizeAccount(c, "secretsmanager:ValidateResourcePolicy");
            arn = "policy";
        }
        var policy = ResourcePolicies.parse(arn, r.resourcePolicy());
        if (ResourcePolicies.isPublic(policy)) {
            AwsException e = ResourcePolicies.publicPolicy();
            return ValidateResourcePolicyResponse.builder()
                    .policyValidationPassed(false)
                    .validationErrors(ValidationErrorsEntry.builder()
                            .checkName("BLOCK_PUBLIC_POLICY")
                            .errorMessage(e.getMessage())
                            .build())
                    .build();
        }
        return ValidateResourcePolicyResponse.builder()
                .policyValidationPassed(true)
                .build();
    }
}
