package dev.drydock.ecs.internal.support;

import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.Iam;

/**
 * Whose account settings a call without {@code principalArn} reads or changes: "If this field is omitted, the
 * setting is changed only for the authenticated user"
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAccountSetting.html). An IAM user is itself; a
 * role session ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}) is its role, with the role's path; a
 * federated user is the root user, whose settings federated users assume; the root user is
 * {@code arn:aws:iam::<account>:root}.
 */
public final class AccountPrincipals {
    private final Iam iam;

    public AccountPrincipals(Iam iam) {
        this.iam = iam;
    }

    /** {@code principalArn} when the request gives one, else the caller's ({@link #of(Caller)}). */
    public String of(String principalArn, Caller caller) {
        return principalArn != null ? principalArn : of(caller);
    }

    /** The principal ARN a caller's account settings are kept under. */
    public String of(Caller caller) {
        String arn = caller.arn();
        String sts = "arn:aws:sts::" + caller.accountId() + ":";
        String root = "arn:aws:iam::" + caller.accountId() + ":root";
        if (arn.startsWith(sts + "assumed-role/")) {
            String rest = arn.substring((sts + "assumed-role/").length());
            String role = rest.substring(0, rest.indexOf('/'));
            return iam.roleArn(role).orElse("arn:aws:iam::" + caller.accountId() + ":role/" + role);
        }
        if (arn.startsWith(sts + "federated-user/")) {
            return root;
        }
        return arn;
    }
}
