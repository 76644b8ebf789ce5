package dev.drydock.core.iam.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value of a {@code Principal} or {@code NotPrincipal} element ("AWS JSON policy elements: Principal"):
 * either the bare wildcard {@code "*"} or an object mapping principal types ({@code AWS}, {@code Service},
 * {@code Federated}, {@code CanonicalUser}) to one or more values. {@code {"AWS": "*"}} is equivalent to
 * {@code "*"}. Wildcards never match part of a principal; an account id or {@code arn:aws:iam::ID:root} names the
 * whole account. Immutable.
 */
public final class PrincipalElement {

    /** How a request principal matched a principal element; ordered from weakest to strongest grant. */
    enum Match {
        NONE,
        /** Matched through its account ({@code "123456789012"} or {@code arn:aws:iam::123456789012:root}). */
        ACCOUNT,
        /** Matched through the role of an assumed-role session or the IAM user behind a federated user. */
        PARENT,
        /** Matched through {@code "*"}. */
        WILDCARD,
        /** Matched the principal's own ARN (or service / federated / canonical-user name). */
        DIRECT
    }

    private final boolean wildcard;
    private final Map<String, List<String>> values;

    PrincipalElement(boolean wildcard, Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.values = Collections.unmodifiableMap(copy);
        this.wildcard = wildcard || copy.getOrDefault("AWS", List.of()).contains("*");
    }

    /** @return true for {@code "*"} or an {@code "AWS"} list containing {@code "*"}. */
    public boolean isWildcard() {
        return wildcard;
    }

    /** @return principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}) to values. */
    public Map<String, List<String>> values() {
        return values;
    }

    /**
     * @param type {@code AWS}, {@code Service}, {@code Federated} or {@code CanonicalUser}
     * @return the values listed under {@code type}, or an empty list
     */
    public List<String> values(String type) {
        return values.getOrDefault(type, List.of());
    }

    Match match(PrincipalIdentity id) {
        Match best = wildcard ? Match.WILDCARD : Match.NONE;
        for (String v : values("AWS")) {
            Match m = matchAws(v, id);
            if (m.compareTo(best) > 0) {
                best = m;
            }
        }
        if (id.kind == PrincipalIdentity.Kind.SERVICE || id.kind == PrincipalIdentity.Kind.OTHER) {
            for (String v : values("Service")) {
                if (v.equalsIgnoreCase(id.arn)) {
                    return Match.DIRECT;
                }
            }
        }
        for (String v : values("Federated")) {
            if (v.equals(id.arn)) {
                return Match.DIRECT;
            }
        }
        for (String v : values("CanonicalUser")) {
            if (v.equals(id.arn)) {
                return Match.DIRECT;
            }
        }
        return best;
    }

    private static Match matchAws(String v, PrincipalIdentity id) {
        if (v.equals("*")) {
            return Match.WILDCARD;
        }
        if (v.equals(id.arn)) {
            return Match.DIRECT;
        }
        if (id.parentArn != null && v.equals(id.parentArn)) {
            return Match.PARENT;
        }
        if (id.account != null && isAccount(v, id.account)) {
            return id.kind == PrincipalIdentity.Kind.ROOT ? Match.DIRECT : Match.ACCOUNT;
        }
        return Match.NONE;
    }

    private static boolean isAccount(String v, String account) {
        if (v.equals(account)) {
            return true;
        }
        if (v.startsWith("arn:") && v.endsWith(":root")) {
            String[] p = v.split(":", 6);
            return p.length == 6 && p[2].equals("iam") && p[4].equals(account) && p[5].equals("root");
        }
        return false;
    }

    /**
     * NotPrincipal exemption: the principal escapes a {@code NotPrincipal} statement only when every link of its
     * identity chain is listed – the account, the role (for assumed-role sessions) or IAM user (for federated
     * users), and the principal's own ARN. This follows the NotPrincipal page's warning that AWS may evaluate the
     * account first, then the role, then the session.
     */
    boolean exempts(PrincipalIdentity id) {
        if (wildcard) {
            return true;
        }
        if (id.kind == PrincipalIdentity.Kind.SERVICE || id.kind == PrincipalIdentity.Kind.OTHER) {
            for (String v : values("Service")) {
                if (v.toLowerCase(Locale.ROOT).equals(id.arn.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return values("AWS").contains(id.arn)
                    || values("Federated").contains(id.arn)
                    || values("CanonicalUser").contains(id.arn);
        }
        List<String> aws = values("AWS");
        boolean accountListed = id.account != null && aws.stream().anyMatch(v -> isAccount(v, id.account));
        if (!accountListed) {
            return false;
        }
        if (id.kind == PrincipalIdentity.Kind.ROOT) {
            return true;
        }
        if (id.parentArn != null && !aws.contains(id.parentArn)) {
            return false;
        }
        return aws.contains(id.arn);
    }

    @Override
    public String toString() {
        return wildcard && values.isEmpty() ? "\"*\"" : values.toString();
    }
}
