package dev.drydock.core.internal.sts.operations;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.internal.iam.AuthenticatedCaller;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.Principal;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.backend.SessionCredentials;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * STS AssumeRole: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html.
 *
 * <p>Validates as STS does (RoleArn: "X is invalid"; RoleSessionName 2-64 characters of {@code [\w+=,.@-]};
 * DurationSeconds 900-43,200, at most the role's MaxSessionDuration, at most one hour when a role session assumes a
 * role; Policy up to 2,048 characters, valid as a session policy; at most 10 PolicyArns; session tags; transitive tag
 * keys among the tags; SourceIdentity). Then authorizes {@code sts:AssumeRole} on the role with its trust policy as
 * the resource-based policy (and {@code sts:TagSession} when tags are passed, {@code sts:SetSourceIdentity} when a
 * source identity is), with {@code sts:RoleSessionName}, {@code sts:ExternalId}, {@code sts:SourceIdentity},
 * {@code sts:TransitiveTagKeys}, {@code aws:RequestTag/*} and {@code aws:TagKeys}.
 *
 * <p>A role's trust policy must itself allow the caller, in the same account too: an identity-based policy alone
 * does not let anyone assume a role. The policy engine's same-account rule lets an identity-based Allow suffice
 * for every resource-based policy, so this operation first checks that an Allow statement of the trust policy applies
 * to the caller; when none does (or the role does not exist) it answers AccessDenied itself, "User: ... is not
 * authorized to perform: sts:AssumeRole on resource: ... because no role trust policy allows the sts:AssumeRole
 * action", without a DecisionLog entry. Once the engine applies that rule to {@link PolicyKind#TRUST} policies, this
 * check can go.
 */
public final class AssumeRole implements Operation<AssumeRoleRequest, AssumeRoleResponse> {
    /** STS's check of RoleArn (LocalStack's STS provider, matching the "X is invalid" answers it recorded). */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:[^:]+:[^:]+:[^:]*:[^:]*:[^:]+");

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");

    private final IamBackend iam;

    public AssumeRole(IamBackend iam) {
        this.iam = iam;
    }

    @Override
    public AssumeRoleResponse call(AssumeRoleRequest request, CallContext context) {
        String roleArn = request.roleArn();
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw IamErrors.validation(roleArn + " is invalid");
        }
        String sessionName = request.roleSessionName();
        lengthAndPattern(sessionName, "roleSessionName", 2, 64, SESSION_NAME, "[\\w+=,.@-]*");
        int seconds = request.durationSeconds() == null ? 3600 : request.durationSeconds();
        if (seconds < 900) {
            throw IamErrors.constraint(seconds, "durationSeconds", "have value greater than or equal to 900");
        }
        if (seconds > 43200) {
            throw IamErrors.constraint(seconds, "durationSeconds", "have value less than or equal to 43200");
        }
        List<NamedPolicy> sessionPolicies = sessionPolicies(request);
        Map<String, String> tags = tags(request.tags());
        List<String> transitive = request.hasTransitiveTagKeys() ? request.transitiveTagKeys() : List.of();
        for (String key : transitive) {
            if (tags.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(key))) {
                throw AwsException.client(
                        "InvalidParameterValue",
                        "The specified transitive tag key must be " + "included in the requested tags.");
            }
        }
        if (request.sourceIdentity() != null) {
            lengthAndPattern(request.sourceIdentity(), "sourceIdentity", 2, 64, SESSION_NAME, "[\\w+=,.@-]*");
        }
        if (request.externalId() != null) {
            lengthAndPattern(request.externalId(), "externalId", 2, 1224, EXTERNAL_ID, "[\\w+=,.@:\\/-]*");
        }

        Principal caller = AuthenticatedCaller.principalOf(context.caller());
        if (caller.type() == Principal.Type.ROOT) {
            throw context.accessDenied("Roles may not be assumed by root accounts.");
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("sts:RoleSessionName", List.of(sessionName));
        if (request.externalId() != null) {
            keys.put("sts:ExternalId", List.of(request.externalId()));
        }
        if (request.sourceIdentity() != null) {
            keys.put("sts:SourceIdentity", List.of(request.sourceIdentity()));
        }
        keys.putAll(TagConditions.request(tags));
        if (!transitive.isEmpty()) {
            keys.put("sts:TransitiveTagKeys", List.copyOf(transitive));
        }
        Optional<NamedPolicy> trust = iam.trustPolicy(roleArn);
        authorizeOnRole(context, "sts:AssumeRole", roleArn, keys, trust);
        if (!tags.isEmpty()) {
            authorizeOnRole(context, "sts:TagSession", roleArn, keys, trust);
        }
        if (request.sourceIdentity() != null) {
            authorizeOnRole(context, "sts:SetSourceIdentity", roleArn, keys, trust);
        }
        if (caller.type() == Principal.Type.ASSUMED_ROLE && seconds > 3600) {
            throw IamErrors.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                    + "assumed by role chaining.");
        }
        if (seconds > iam.roleMaxSessionDuration(roleArn).orElse(3600)) {
            throw IamErrors.validation(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this " + "role.");
        }
        SessionCredentials session =
                iam.issueSession(roleArn, sessionName, Duration.ofSeconds(seconds), sessionPolicies, tags);
        AssumeRoleResponse.Builder response = AssumeRoleResponse.builder()
                .credentials(Credentials.builder()
                        .accessKeyId(session.accessKeyId())
                        .secretAccessKey(session.secretAccessKey())
                        .sessionToken(session.sessionToken())
                        .expiration(session.expiration())
                        .build())
                .assumedRoleUser(AssumedRoleUser.builder()
                        .assumedRoleId(session.principal().userId())
                        .arn(session.principal().arn())
                        .build())
                .sourceIdentity(request.sourceIdentity());
        if (request.policy() != null || request.hasPolicyArns() || !tags.isEmpty()) {
            response.packedPolicySize(packedPolicySize(request, tags));
        }
        return response.build();
    }

    /** Policy (inline) and PolicyArns (managed) as session policies. */
    private List<NamedPolicy> sessionPolicies(AssumeRoleRequest request) {
        List<NamedPolicy> policies = new ArrayList<>();
        if (request.policy() != null) {
            if (request.policy().length() > 2048) {
                throw IamErrors.constraint(request.policy(), "policy", "have length less than or equal to 2048");
            }
            policies.add(new NamedPolicy(
                    "session policy", PolicySourceType.NONE, IamBackend.parse(request.policy(), PolicyKind.SESSION)));
        }
        if (request.hasPolicyArns()) {
            if (request.policyArns().size() > 10) {
                throw IamErrors.validation("1 validation error detected: Value at 'policyArns' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 10");
            }
            for (PolicyDescriptorType d : request.policyArns()) {
                if (d.arn() == null || d.arn().length() < 20) {
                    throw IamErrors.constraint(
                            d.arn(), "policyArns.member.arn", "have length greater than or equal to 20");
                }
                policies.add(iam.sessionPolicy(d.arn()));
            }
        }
        return policies;
    }

    /** Session tags; a key given twice (ignoring case) is InvalidParameterValue (LocalStack STS snapshot). */
    private static Map<String, String> tags(List<Tag> tags) {
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Tag t : tags) {
            keys.add(t.key());
            values.add(t.value());
        }
        return IamErrors.tags(keys, values, "InvalidParameterValue");
    }

    /**
     * Authorizes {@code action} on the role with its trust policy as the resource-based policy: the trust policy must
     * allow the caller (or its account, and then an identity-based policy must too), as AWS evaluates role assumption.
     * A role that does not exist gets the same AccessDenied as one whose trust policy does not allow the caller.
     */
    private void authorizeOnRole(
            CallContext context,
            String action,
            String roleArn,
            Map<String, List<String>> keys,
            Optional<NamedPolicy> trust) {
        if (trust.isEmpty()) {
            throw context.accessDenied("User: " + context.caller().arn() + " is not authorized to perform: "
                    + action + " on resource: " + roleArn + " because no role trust policy allows the " + action
                    + " action");
        }
        context.authorize(action, roleArn, keys, trust.get(), iam.accountId());
    }

    /**
     * How much of STS's packed space the session policies and tags take, in percent. An estimate: STS compresses
     * them in a way it does not document; this counts their characters (policy white space aside) against 4,096, so a
     * largest allowed Policy (2,048 characters) comes to 50% (PackedPolicyTooLarge above 100).
     */
    private static int packedPolicySize(AssumeRoleRequest request, Map<String, String> tags) {
        int chars = request.policy() == null
                ? 0
                : request.policy().replaceAll("\\s+", "").length();
        if (request.hasPolicyArns()) {
            for (PolicyDescriptorType d : request.policyArns()) {
                chars += d.arn().length();
            }
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            chars += t.getKey().length() + t.getValue().length();
        }
        int percent = Math.max(1, (int) Math.ceil(chars * 100.0 / 4096));
        if (percent > 100) {
            throw AwsException.client(
                    "PackedPolicyTooLarge",
                    "Packed policy consumes " + percent + "% of allotted space, please use smaller policy.");
        }
        return percent;
    }

    private static void lengthAndPattern(
            String value, String member, int min, int max, Pattern pattern, String patternText) {
        if (value.length() < min) {
            throw IamErrors.constraint(value, member, "have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw IamErrors.constraint(value, member, "have length less than or equal to " + max);
        }
        if (!pattern.matcher(value).matches()) {
            throw IamErrors.constraint(value, member, "satisfy regular expression pattern: " + patternText);
        }
    }
}
