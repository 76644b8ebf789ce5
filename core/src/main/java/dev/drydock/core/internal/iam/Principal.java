package dev.drydock.core.internal.iam;

import dev.drydock.core.iam.policy.NamedPolicy;
import java.util.List;
import java.util.Map;

/**
 * An authenticated IAM principal: an IAM user, an assumed-role session, or the account root.
 *
 * @param type what kind of principal
 * @param arn the principal ARN as AWS reports it (GetCallerIdentity's Arn, AccessDenied messages):
 *     {@code arn:aws:iam::123456789012:user/drydock-test},
 *     {@code arn:aws:sts::123456789012:assumed-role/orders-task/1a2b3c}, {@code arn:aws:iam::123456789012:root}
 * @param accountId the 12-digit account
 * @param userId GetCallerIdentity's UserId: {@code AIDA...} for a user, {@code AROA...:<session>} for a role
 *     session, the account id for root
 * @param name the user name, or the role name for a session; {@code null} for root
 * @param roleArn for an assumed-role session, the role's ARN ({@code arn:aws:iam::<account>:role/<path><name>}); else
 *     {@code null}
 * @param sessionName for an assumed-role session, its name; else {@code null}
 * @param tags principal tags ({@code aws:PrincipalTag/<key>}): the user's or role's tags, overlaid with session tags
 * @param sessionPolicies policies passed when the session was created (AssumeRole's Policy/PolicyArns); empty if none
 */
public record Principal(
        Type type,
        String arn,
        String accountId,
        String userId,
        String name,
        String roleArn,
        String sessionName,
        Map<String, String> tags,
        List<NamedPolicy> sessionPolicies) {

    /** The kinds of principal ({@code aws:PrincipalType}). */
    public enum Type {
        /** The account root user ({@code aws:PrincipalType} = Account). */
        ROOT("Account"),
        /** An IAM user ({@code User}). */
        USER("User"),
        /** A role session ({@code AssumedRole}). */
        ASSUMED_ROLE("AssumedRole");

        private final String conditionValue;

        Type(String conditionValue) {
            this.conditionValue = conditionValue;
        }

        /** The value of {@code aws:PrincipalType}. */
        public String conditionValue() {
            return conditionValue;
        }
    }

    public Principal {
        tags = Map.copyOf(tags);
        sessionPolicies = List.copyOf(sessionPolicies);
    }

    /** The ARN policies match {@code aws:PrincipalArn} against: the role ARN for a session, else {@link #arn()}. */
    public String principalArnForConditions() {
        return roleArn != null ? roleArn : arn;
    }
}
