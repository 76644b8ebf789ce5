package dev.drydock.core.iam.policy;

/**
 * The identity chain of the principal making a request, derived from its ARN (IAM User Guide, "IAM identifiers"
 * and "AWS JSON policy elements: Principal"): the account, the principal's own ARN, and for sessions the ARN of
 * the role (assumed-role session) or IAM user (federated-user session) the session came from.
 */
final class PrincipalIdentity {

    enum Kind {
        ROOT("Account"),
        USER("User"),
        ROLE("AssumedRole"),
        ASSUMED_ROLE("AssumedRole"),
        FEDERATED_USER("FederatedUser"),
        SERVICE(null),
        ANONYMOUS("Anonymous"),
        OTHER(null);

        final String principalType;

        Kind(String principalType) {
            this.principalType = principalType;
        }

        boolean isSession() {
            return this == ASSUMED_ROLE || this == FEDERATED_USER;
        }
    }

    final String arn;
    final Kind kind;
    final String partition;
    final String account;
    /** For an assumed-role session: the role ARN; for a federated user: the IAM user ARN; else null. */
    final String parentArn;
    /** The value of aws:PrincipalArn. */
    final String principalArnKey;
    /** IAM user friendly name (aws:username), or null. */
    final String userName;

    private PrincipalIdentity(
            String arn,
            Kind kind,
            String partition,
            String account,
            String parentArn,
            String principalArnKey,
            String userName) {
        this.arn = arn;
        this.kind = kind;
        this.partition = partition;
        this.account = account;
        this.parentArn = parentArn;
        this.principalArnKey = principalArnKey;
        this.userName = userName;
    }

    static PrincipalIdentity of(String principal, String explicitAccount, String explicitRoleArn) {
        if (principal.equals("*") || principal.equalsIgnoreCase("anonymous")) {
            return new PrincipalIdentity(principal, Kind.ANONYMOUS, "aws", explicitAccount, null, null, null);
        }
        if (!principal.startsWith("arn:")) {
            return new PrincipalIdentity(principal, Kind.SERVICE, "aws", explicitAccount, null, null, null);
        }
        String[] p = principal.split(":", 6);
        if (p.length < 6) {
            return new PrincipalIdentity(principal, Kind.OTHER, "aws", explicitAccount, null, principal, null);
        }
        String partition = p[1];
        String service = p[2];
        String account = explicitAccount != null ? explicitAccount : p[4];
        String res = p[5];
        if (service.equals("iam")) {
            if (res.equals("root")) {
                return new PrincipalIdentity(principal, Kind.ROOT, partition, account, null, principal, null);
            }
            if (res.startsWith("user/")) {
                String name = res.substring(res.lastIndexOf('/') + 1);
                return new PrincipalIdentity(principal, Kind.USER, partition, account, null, principal, name);
            }
            if (res.startsWith("role/")) {
                return new PrincipalIdentity(principal, Kind.ROLE, partition, account, null, principal, null);
            }
        } else if (service.equals("sts")) {
            if (res.startsWith("assumed-role/")) {
                String rest = res.substring("assumed-role/".length());
                int slash = rest.indexOf('/');
                String roleName = slash >= 0 ? rest.substring(0, slash) : rest;
                String roleArn = explicitRoleArn != null
                        ? explicitRoleArn
                        : "arn:" + partition + ":iam::" + p[4] + ":role/" + roleName;
                return new PrincipalIdentity(principal, Kind.ASSUMED_ROLE, partition, account, roleArn, roleArn, null);
            }
            if (res.startsWith("federated-user/")) {
                String name = res.substring("federated-user/".length());
                String userArn = "arn:" + partition + ":iam::" + p[4] + ":user/" + name;
                return new PrincipalIdentity(
                        principal, Kind.FEDERATED_USER, partition, account, userArn, principal, null);
            }
        }
        return new PrincipalIdentity(principal, Kind.OTHER, partition, account, null, principal, null);
    }

    String rootArn() {
        return account == null ? null : "arn:" + partition + ":iam::" + account + ":root";
    }
}
