package dev.drydock.core.internal.iam;

import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.core.iam.policy.AuthorizationRequest;
import dev.drydock.core.iam.policy.Decision;
import dev.drydock.core.iam.policy.DecisionType;
import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyEvaluator;
import dev.drydock.core.iam.policy.PolicySet;
import dev.drydock.core.internal.service.Authorizer;
import dev.drydock.core.internal.service.Call;
import dev.drydock.core.spi.AwsException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Authorizes every API call as AWS does: builds the request context (the action, the resource ARN, the operation's
 * condition keys and the global ones: aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:userid,
 * aws:username, aws:PrincipalTag/*, aws:RequestedRegion, aws:CurrentTime, aws:EpochTime, aws:SourceIp,
 * aws:SecureTransport, aws:ResourceAccount, aws:ResourceTag/*), evaluates the principal's identity-based policies,
 * permissions boundary, session policies and any resource-based policy, records the decision in the
 * {@link DecisionLog}, and answers AccessDenied with AWS's message when it is not allowed. The account root is not
 * evaluated (as in AWS, it may do everything).
 */
public final class PolicyAuthorizer implements Authorizer {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private final IamAccess iam;
    private final DecisionLog log;
    private final String region;
    private final Clock clock;
    private final List<Function<String, Map<String, String>>> resourceTagSources;

    public PolicyAuthorizer(IamAccess iam, DecisionLog log, String region, Clock clock) {
        this(iam, log, region, clock, new CopyOnWriteArrayList<>());
        resourceTagSources.add(iam::resourceTags);
    }

    private PolicyAuthorizer(
            IamAccess iam,
            DecisionLog log,
            String region,
            Clock clock,
            List<Function<String, Map<String, String>>> resourceTagSources) {
        this.iam = iam;
        this.log = log;
        this.region = region;
        this.clock = clock;
        this.resourceTagSources = resourceTagSources;
    }

    /**
     * The same evaluation (same policies, same resource tag sources), without recording decisions: for administrator
     * calls, which stand for a test's own setup rather than a request of the code under test.
     */
    public PolicyAuthorizer unrecorded() {
        return new PolicyAuthorizer(iam, null, region, clock, resourceTagSources);
    }

    /** Adds where {@code aws:ResourceTag/*} values come from for a service's resources (by ARN). */
    public void addResourceTags(Function<String, Map<String, String>> source) {
        resourceTagSources.add(source);
    }

    @Override
    public void authorize(Call context, String action, String resource, Map<String, List<String>> keys) {
        authorize(context, action, resource, keys, null, null);
    }

    @Override
    public void authorize(
            Call context,
            String action,
            String resource,
            Map<String, List<String>> keys,
            NamedPolicy resourcePolicy,
            String resourceOwnerAccount) {
        Principal p = AuthenticatedCaller.principalOf(context.caller());
        Map<String, List<String>> ctx = new LinkedHashMap<>(keys);
        Instant now = clock.instant();
        ctx.put("aws:PrincipalArn", List.of(p.principalArnForConditions()));
        ctx.put("aws:PrincipalAccount", List.of(p.accountId()));
        ctx.put("aws:PrincipalType", List.of(p.type().conditionValue()));
        ctx.put("aws:userid", List.of(p.userId()));
        if (p.type() == Principal.Type.USER) {
            ctx.put("aws:username", List.of(p.name()));
        }
        p.tags().forEach((k, v) -> ctx.put("aws:PrincipalTag/" + k, List.of(v)));
        ctx.put("aws:RequestedRegion", List.of(region));
        ctx.put("aws:CurrentTime", List.of(DateTimeFormatter.ISO_INSTANT.format(now)));
        ctx.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
        ctx.put("aws:SourceIp", List.of(context.sourceIp()));
        ctx.put("aws:SecureTransport", List.of(Boolean.toString(context.secureTransport())));
        String resourceAccount = accountOf(resource).orElse(iam.accountId());
        ctx.put("aws:ResourceAccount", List.of(resourceAccount));
        if (!"*".equals(resource)) {
            for (Function<String, Map<String, String>> source : resourceTagSources) {
                source.apply(resource).forEach((k, v) -> ctx.putIfAbsent("aws:ResourceTag/" + k, List.of(v)));
            }
        }

        if (p.type() == Principal.Type.ROOT) {
            record(new AuthorizationDecision(
                    now,
                    context.requestId(),
                    context.service().signingName(),
                    context.operation(),
                    p.arn(),
                    action,
                    resource,
                    DecisionType.ALLOWED,
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    ctx));
            return;
        }
        PolicySet policies = iam.policies(p);
        if (resourcePolicy != null) {
            PolicySet.Builder withResource = PolicySet.builder()
                    .identityPolicies(policies.identityPolicies())
                    .permissionsBoundary(policies.permissionsBoundary())
                    .roleArn(policies.roleArn())
                    .resourcePolicy(
                            resourcePolicy, resourceOwnerAccount == null ? resourceAccount : resourceOwnerAccount);
            policies.sessionPolicies().forEach(withResource::sessionPolicy);
            policies = withResource.build();
        }
        AuthorizationRequest request = AuthorizationRequest.builder()
                .principal(p.arn())
                .principalAccount(p.accountId())
                .action(action)
                .resource(resource)
                .resourceAccount(resourceAccount)
                .context(ctx)
                .build();
        Decision decision = PolicyEvaluator.evaluate(request, policies);
        String message = decision.isAllowed()
                ? null
                : decision.accessDeniedMessage(
                        p.arn(), action, resource, context.service().accessDeniedNamesStarResource());
        record(new AuthorizationDecision(
                now,
                context.requestId(),
                context.service().signingName(),
                context.operation(),
                p.arn(),
                action,
                resource,
                decision.type(),
                decision.decidingStatement()
                        .map(d -> prepend(d, decision.matchedStatements()))
                        .orElse(decision.matchedStatements()),
                decision.deniedBy().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' ')),
                Optional.ofNullable(message),
                ctx));
        if (!decision.isAllowed()) {
            throw context.service().accessDenied(message);
        }
    }

    @Override
    public boolean allows(
            Call context,
            String action,
            String resource,
            Map<String, List<String>> keys,
            NamedPolicy resourcePolicy,
            String resourceOwnerAccount) {
        try {
            (log == null ? this : unrecorded())
                    .authorize(context, action, resource, keys, resourcePolicy, resourceOwnerAccount);
            return true;
        } catch (AwsException e) {
            return false;
        }
    }

    private void record(AuthorizationDecision decision) {
        if (log != null) {
            log.record(decision);
        }
    }

    private static <T> List<T> prepend(T first, List<T> all) {
        ArrayList<T> list = new ArrayList<>();
        list.add(first);
        for (T t : all) {
            if (!t.equals(first)) {
                list.add(t);
            }
        }
        return list;
    }

    private static Optional<String> accountOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && ACCOUNT_ID.matcher(parts[4]).matches() ? Optional.of(parts[4]) : Optional.empty();
    }
}
