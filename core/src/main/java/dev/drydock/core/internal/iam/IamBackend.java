package dev.drydock.core.internal.iam;

import dev.drydock.core.iam.policy.MalformedPolicyDocumentException;
import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.iam.policy.PolicySet;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.internal.auth.SigningCredential;
import dev.drydock.core.internal.protocol.AwsException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * IAM for one account: users, roles, managed and inline policies, permissions boundaries, access keys and role
 * sessions. Every method is atomic under one lock; policy documents are parsed (and so validated) when stored.
 *
 * <p>AWS managed policies available to attach: {@link AwsManagedPolicies}.
 */
public final class IamBackend implements IamAccess {
    static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    static final Pattern PATH = Pattern.compile("(/|/[\\u0021-\\u007E]{0,510}/)");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String accountId;
    private final Clock clock;
    private final Object lock = new Object();
    final Map<String, UserRecord> users = new LinkedHashMap<>();
    final Map<String, RoleRecord> roles = new LinkedHashMap<>();
    final Map<String, ManagedPolicyRecord> managedPolicies = new LinkedHashMap<>();
    private final Map<String, SigningCredential> keys = new ConcurrentHashMap<>();
    private final Principal testPrincipal;
    private final SigningCredential testCredential;

    /**
     * @param accountId the 12-digit account
     * @param clock stamps creation dates and session expirations
     */
    public IamBackend(String accountId, Clock clock) {
        this.accountId = accountId;
        this.clock = clock;
        for (ManagedPolicyRecord p : AwsManagedPolicies.all(clock.instant())) {
            managedPolicies.put(p.arn, p);
        }
        UserRecord user = new UserRecord("drydock-test", "/", "arn:aws:iam::" + accountId + ":user/drydock-test",
                "AIDA" + random(17), clock.instant());
        user.attached.add(AwsManagedPolicies.ADMINISTRATOR_ACCESS);
        users.put(user.name, user);
        managedPolicies.get(AwsManagedPolicies.ADMINISTRATOR_ACCESS).attachmentCount++;
        this.testPrincipal = user.principal(accountId);
        this.testCredential = SigningCredential.longTerm("AKIA" + random(16), secret(), testPrincipal);
        keys.put(testCredential.accessKeyId(), testCredential);
    }

    @Override
    public String accountId() {
        return accountId;
    }

    /** The clock of this account. */
    public Clock clock() {
        return clock;
    }

    /** Runs {@code action} atomically with every other change to this account's IAM state. */
    public <T> T locked(java.util.function.Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    @Override
    public Optional<SigningCredential> credential(String accessKeyId) {
        return Optional.ofNullable(keys.get(accessKeyId));
    }

    @Override
    public Principal testPrincipal() {
        return testPrincipal;
    }

    @Override
    public SigningCredential testCredential() {
        return testCredential;
    }

    @Override
    public PolicySet policies(Principal principal) {
        synchronized (lock) {
            PolicySet.Builder b = PolicySet.builder();
            switch (principal.type()) {
                case USER: {
                    UserRecord u = users.get(principal.name());
                    if (u != null) {
                        u.inline.forEach((name, doc) -> b.identityPolicy(new NamedPolicy(name, PolicySourceType.USER,
                                doc)));
                        addManaged(b, u.attached);
                        if (u.boundary != null) {
                            boundary(b, u.boundary);
                        }
                    }
                    break;
                }
                case ASSUMED_ROLE: {
                    RoleRecord r = roleByArn(principal.roleArn());
                    if (r != null) {
                        r.inline.forEach((name, doc) -> b.identityPolicy(new NamedPolicy(name, PolicySourceType.ROLE,
                                doc)));
                        addManaged(b, r.attached);
                        if (r.boundary != null) {
                            boundary(b, r.boundary);
                        }
                    }
                    principal.sessionPolicies().forEach(b::sessionPolicy);
                    b.roleArn(principal.roleArn());
                    break;
                }
                default:
                    break;
            }
            return b.build();
        }
    }

    private void addManaged(PolicySet.Builder b, Set<String> arns) {
        for (String arn : arns) {
            ManagedPolicyRecord p = managedPolicies.get(arn);
            if (p != null) {
                b.identityPolicy(new NamedPolicy(p.name, p.awsManaged ? PolicySourceType.AWS_MANAGED
                        : PolicySourceType.USER_MANAGED, p.defaultDocument()));
            }
        }
    }

    private void boundary(PolicySet.Builder b, String arn) {
        ManagedPolicyRecord p = managedPolicies.get(arn);
        if (p != null) {
            b.permissionsBoundary(new NamedPolicy(p.name, p.awsManaged ? PolicySourceType.AWS_MANAGED
                    : PolicySourceType.USER_MANAGED, p.defaultDocument()));
        }
    }

    @Override
    public Optional<NamedPolicy> trustPolicy(String roleArn) {
        synchronized (lock) {
            RoleRecord r = roleByArn(roleArn);
            return r == null ? Optional.empty()
                    : Optional.of(new NamedPolicy(r.name, PolicySourceType.RESOURCE, r.trustPolicy));
        }
    }

    @Override
    public Optional<String> roleArn(String nameOrArn) {
        synchronized (lock) {
            RoleRecord r = nameOrArn.startsWith("arn:") ? roleByArn(nameOrArn) : roles.get(nameOrArn);
            return Optional.ofNullable(r).map(x -> x.arn);
        }
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

    @Override
    public SessionCredentials issueSession(String roleArn, String sessionName, Duration duration,
            List<NamedPolicy> sessionPolicies, Map<String, String> sessionTags) {
        synchronized (lock) {
            RoleRecord r = roleByArn(roleArn);
            if (r == null) {
                throw noSuchEntity("The role with name " + roleNameOf(roleArn) + " cannot be found.");
            }
            Map<String, String> tags = new LinkedHashMap<>(r.tags);
            tags.putAll(sessionTags);
            Principal principal = new Principal(Principal.Type.ASSUMED_ROLE,
                    "arn:aws:sts::" + accountId + ":assumed-role/" + r.name + "/" + sessionName, accountId,
                    r.id + ":" + sessionName, r.name, r.arn, sessionName, tags, sessionPolicies);
            Instant expiration = clock.instant().plus(duration);
            SigningCredential credential = new SigningCredential("ASIA" + random(16), secret(), sessionToken(),
                    expiration, principal);
            keys.put(credential.accessKeyId(), credential);
            return new SessionCredentials(credential.accessKeyId(), credential.secretAccessKey(),
                    credential.sessionToken(), expiration, principal);
        }
    }

    @Override
    public Map<String, String> resourceTags(String arn) {
        synchronized (lock) {
            RoleRecord r = roleByArn(arn);
            if (r != null) {
                return Map.copyOf(r.tags);
            }
            for (UserRecord u : users.values()) {
                if (u.arn.equals(arn)) {
                    return Map.copyOf(u.tags);
                }
            }
            ManagedPolicyRecord p = managedPolicies.get(arn);
            return p == null ? Map.of() : Map.copyOf(p.tags);
        }
    }

    @Override
    public String createRole(RoleSpec spec) {
        synchronized (lock) {
            validateName("roleName", spec.name());
            String path = spec.path() == null ? "/" : spec.path();
            validatePath(path);
            if (roles.containsKey(spec.name())) {
                throw AwsException.client("EntityAlreadyExists", "Role with name " + spec.name()
                        + " already exists.").withStatus(409);
            }
            PolicyDocument trust = parse(spec.trustPolicy(), PolicyKind.TRUST);
            Map<String, PolicyDocument> inline = new LinkedHashMap<>();
            spec.inlinePolicies().forEach((name, json) -> {
                validateName("policyName", name);
                inline.put(name, parse(json, PolicyKind.IDENTITY));
            });
            for (String arn : spec.managedPolicyArns()) {
                attachable(arn);
            }
            if (spec.permissionsBoundaryArn() != null) {
                attachable(spec.permissionsBoundaryArn());
            }
            int maxSession = spec.maxSessionDurationSeconds() == 0 ? 3600 : spec.maxSessionDurationSeconds();
            if (maxSession < 3600 || maxSession > 43200) {
                throw validation("1 validation error detected: Value '" + maxSession + "' at 'maxSessionDuration' "
                        + "failed to satisfy constraint: Member must have value less than or equal to 43200");
            }
            RoleRecord r = new RoleRecord(spec.name(), path, "arn:aws:iam::" + accountId + ":role"
                    + path + spec.name(), "AROA" + random(17), clock.instant(), spec.trustPolicy(), trust);
            r.inline.putAll(inline);
            r.inlineJson.putAll(spec.inlinePolicies());
            for (String arn : spec.managedPolicyArns()) {
                if (r.attached.add(arn)) {
                    managedPolicies.get(arn).attachmentCount++;
                }
            }
            if (spec.permissionsBoundaryArn() != null) {
                r.boundary = spec.permissionsBoundaryArn();
                managedPolicies.get(r.boundary).permissionsBoundaryUsageCount++;
            }
            r.tags.putAll(spec.tags());
            r.maxSessionDuration = maxSession;
            roles.put(r.name, r);
            return r.arn;
        }
    }

    /** The managed policy an ARN names, or NoSuchEntity as AttachRolePolicy answers. Caller holds the lock. */
    ManagedPolicyRecord attachable(String arn) {
        ManagedPolicyRecord p = managedPolicies.get(arn);
        if (p == null) {
            throw noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        return p;
    }

    /** Parses a policy document, answering MalformedPolicyDocument with IAM's reason. */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        try {
            return PolicyDocument.parse(json, kind);
        } catch (MalformedPolicyDocumentException e) {
            throw AwsException.client("MalformedPolicyDocument", e.getMessage());
        }
    }

    static void validateName(String member, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw validation("1 validation error detected: Value '" + name + "' at '" + member + "' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
    }

    static void validatePath(String path) {
        if (!PATH.matcher(path).matches()) {
            throw validation("The specified value for path is invalid. It must begin and end with / and contain "
                    + "only alphanumeric characters and/or / characters.");
        }
    }

    static AwsException noSuchEntity(String message) {
        return AwsException.client("NoSuchEntity", message).withStatus(404);
    }

    static AwsException validation(String message) {
        return AwsException.client("ValidationError", message);
    }

    private static String roleNameOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    static String random(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String secret() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String sessionToken() {
        byte[] bytes = new byte[180];
        RANDOM.nextBytes(bytes);
        return "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(bytes);
    }

    /** An IAM user. Guarded by the backend's lock. */
    static final class UserRecord {
        final String name;
        final String path;
        final String arn;
        final String id;
        final Instant createDate;
        final Map<String, PolicyDocument> inline = new LinkedHashMap<>();
        final Map<String, String> inlineJson = new LinkedHashMap<>();
        final Set<String> attached = new LinkedHashSet<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        String boundary;

        UserRecord(String name, String path, String arn, String id, Instant createDate) {
            this.name = name;
            this.path = path;
            this.arn = arn;
            this.id = id;
            this.createDate = createDate;
        }

        Principal principal(String accountId) {
            return new Principal(Principal.Type.USER, arn, accountId, id, name, null, null, tags, List.of());
        }
    }

    /** An IAM role. Guarded by the backend's lock. */
    static final class RoleRecord {
        final String name;
        final String path;
        final String arn;
        final String id;
        final Instant createDate;
        String trustPolicyJson;
        PolicyDocument trustPolicy;
        final Map<String, PolicyDocument> inline = new LinkedHashMap<>();
        final Map<String, String> inlineJson = new LinkedHashMap<>();
        final Set<String> attached = new LinkedHashSet<>();
        final Map<String, String> tags = new LinkedHashMap<>();
        String boundary;
        String description;
        int maxSessionDuration = 3600;

        RoleRecord(String name, String path, String arn, String id, Instant createDate, String trustPolicyJson,
                PolicyDocument trustPolicy) {
            this.name = name;
            this.path = path;
            this.arn = arn;
            this.id = id;
            this.createDate = createDate;
            this.trustPolicyJson = trustPolicyJson;
            this.trustPolicy = trustPolicy;
        }
    }

    /** A managed policy with its versions. Guarded by the backend's lock. */
    static final class ManagedPolicyRecord {
        final String name;
        final String path;
        final String arn;
        final String id;
        final boolean awsManaged;
        final Instant createDate;
        Instant updateDate;
        String description;
        String defaultVersionId = "v1";
        int nextVersion = 2;
        int attachmentCount;
        int permissionsBoundaryUsageCount;
        final Map<String, PolicyVersionRecord> versions = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();

        ManagedPolicyRecord(String name, String path, String arn, String id, boolean awsManaged, Instant createDate,
                String json, PolicyDocument document) {
            this.name = name;
            this.path = path;
            this.arn = arn;
            this.id = id;
            this.awsManaged = awsManaged;
            this.createDate = createDate;
            this.updateDate = createDate;
            versions.put("v1", new PolicyVersionRecord("v1", json, document, createDate));
        }

        PolicyDocument defaultDocument() {
            return versions.get(defaultVersionId).document;
        }

        String defaultJson() {
            return versions.get(defaultVersionId).json;
        }

        List<PolicyVersionRecord> versionList() {
            return new ArrayList<>(versions.values());
        }
    }

    /**
     * One version of a managed policy.
     *
     * @param versionId {@code v1}, {@code v2} ...
     * @param json the document as given
     * @param document the parsed document
     * @param createDate when the version was created
     */
    record PolicyVersionRecord(String versionId, String json, PolicyDocument document, Instant createDate) {
    }
}
