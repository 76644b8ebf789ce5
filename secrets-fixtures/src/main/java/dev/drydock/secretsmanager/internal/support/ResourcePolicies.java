package dev.drydock.secretsmanager.internal.support;

import dev.drydock.core.iam.policy.Effect;
import dev.drydock.core.iam.policy.MalformedPolicyDocumentException;
import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.iam.policy.Statement;
import dev.drydock.core.spi.AwsException;
import dev.drydock.secretsmanager.internal.SecretsErrors;

/**
 * Secrets' resource policies ("Resource-based policies",
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html): IAM policy
 * grammar with a Principal, actions of Secrets Manager only, and with {@code BlockPublicPolicy} no statement that
 * allows every principal without a condition.
 */
public final class ResourcePolicies {
    private ResourcePolicies() {}

    /**
     * Parses and checks a secret's resource policy.
     *
     * @param secretArn the secret's ARN, the policy's id in the decision log
     * @throws AwsException MalformedPolicyDocumentException naming what is wrong
     */
    public static NamedPolicy parse(String secretArn, String json) {
        PolicyDocument doc;
        try {
            doc = PolicyDocument.parse(json, PolicyKind.RESOURCE);
        } catch (MalformedPolicyDocumentException e) {
            throw SecretsErrors.malformedPolicy(
                    "This resource policy contains a syntax error: " + e.getMessage() + " (" + e.detail() + ").");
        }
        for (Statement s : doc.statements()) {
            for (String action : s.actions().isEmpty() ? s.notActions() : s.actions()) {
                if (!action.equals("*") && !action.regionMatches(true, 0, "secretsmanager:", 0, 15)) {
                    throw SecretsErrors.malformedPolicy("This resource policy contains an unsupported action: " + action
                            + ". A secret's resource policy may grant only secretsmanager: actions.");
                }
            }
        }
        return new NamedPolicy(secretArn, PolicySourceType.RESOURCE, doc);
    }

    /**
     * Whether a policy allows broad access: an Allow for every principal ({@code "*"}) without a condition.
     */
    public static boolean isPublic(NamedPolicy policy) {
        for (Statement s : policy.document().statements()) {
            if (s.effect() == Effect.ALLOW
                    && s.principal() != null
                    && s.principal().isWildcard()
                    && s.conditions().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** PutResourcePolicy's error when {@code BlockPublicPolicy} refuses a public policy. */
    public static AwsException publicPolicy() {
        return AwsException.client(
                "PublicPolicyException",
                "The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to "
                        + "the secret.");
    }
}
