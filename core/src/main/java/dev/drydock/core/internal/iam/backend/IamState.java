package dev.drydock.core.internal.iam.backend;

import static dev.drydock.core.internal.iam.IamErrors.constraint;
import static dev.drydock.core.internal.iam.IamErrors.noSuchRole;
import static dev.drydock.core.internal.iam.IamErrors.policyNotAttachable;
import static dev.drydock.core.internal.iam.IamErrors.policyNotFound;

import dev.drydock.core.internal.iam.IamErrors;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The IAM state of one account, guarded by one lock: users, roles and managed policies, and the lookups every part of
 * the backend shares. Methods that say so expect the caller to hold {@link #lock}.
 */
final class IamState {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    final String accountId;
    final Clock clock;
    /** The one lock every change to this account's IAM state holds. */
    final Object lock = new Object();
    /** By lower-case name. */
    final Map<String, UserRecord> users = new LinkedHashMap<>();
    /** By lower-case name. */
    final Map<String, RoleRecord> roles = new LinkedHashMap<>();
    /** By ARN. */
    final Map<String, ManagedPolicyRecord> managedPolicies = new LinkedHashMap<>();

    IamState(String accountId, Clock clock) {
        this.accountId = accountId;
        this.clock = clock;
    }

    /** Now, to the second, as IAM's dates are. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The key of a name: names are unique and looked up ignoring case. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Random upper-case letters and digits, as IAM's ids and keys have. */
    static String random(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Random bytes, base64. */
    static String randomBase64(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** The role with that ARN (path included), or {@code null}. Caller holds the lock. */
    RoleRecord roleByArn(String arn) {
        if (arn == null) {
            return null;
        }
        for (RoleRecord r : roles.values()) {
            if (r.arn.equals(arn)) {
                return r;
            }
        }
        return null;
    }

    /** The role by name, or NoSuchEntity. Caller holds the lock. */
    RoleRecord existingRole(String name) {
        RoleRecord r = roles.get(key(name));
        if (r == null) {
            throw noSuchRole(name);
        }
        return r;
    }

    /** The managed policy with this ARN, or NoSuchEntity. Caller holds the lock. */
    ManagedPolicyRecord existingPolicy(String arn) {
        IamErrors.policyArn("policyArn", arn);
        ManagedPolicyRecord p = managedPolicies.get(arn);
        if (p == null) {
            throw policyNotFound(arn);
        }
        return p;
    }

    /** A version of a policy, or NoSuchEntity (ValidationError for a malformed id). */
    static PolicyVersionRecord existingVersion(ManagedPolicyRecord p, String versionId) {
        if (!versionId.matches("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?")) {
            throw constraint(
                    versionId, "versionId", "satisfy regular expression pattern: " + "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
        }
        PolicyVersionRecord v = p.versions.get(versionId);
        if (v == null) {
            throw IamErrors.noSuchEntity(
                    "Policy " + p.arn + " version " + versionId + " does not exist or is not attachable.");
        }
        return v;
    }

    /** The managed policy an ARN names, or NoSuchEntity as AttachRolePolicy answers. Caller holds the lock. */
    ManagedPolicyRecord attachable(String arn) {
        ManagedPolicyRecord p = managedPolicies.get(arn);
        if (p == null) {
            throw policyNotAttachable(arn);
        }
        return p;
    }

    /**
     * The managed policy a permissions boundary ARN names: InvalidInput "ARN X is not valid." for something that is
     * not a policy ARN, NoSuchEntity "Scope ARN: X does not exist or is not attachable." for an unknown one (the
     * latter as quoted in openshift/rosa's output of CreateRole with a missing boundary). Caller holds the lock.
     */
    ManagedPolicyRecord boundaryPolicy(String arn) {
        if (!arn.matches("arn:[^:]+:iam::(\\d{12}|aws):policy/.+")) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
        ManagedPolicyRecord p = managedPolicies.get(arn);
        if (p == null) {
            throw IamErrors.noSuchEntity("Scope ARN: " + arn + " does not exist or is not attachable.");
        }
        return p;
    }
}
