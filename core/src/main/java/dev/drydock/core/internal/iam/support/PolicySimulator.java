package dev.drydock.core.internal.iam.support;

import dev.drydock.core.iam.policy.AuthorizationRequest;
import dev.drydock.core.iam.policy.Decision;
import dev.drydock.core.iam.policy.Effect;
import dev.drydock.core.iam.policy.MatchedStatement;
import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyEvaluator;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.iam.policy.PolicySet;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.iam.policy.PolicyType;
import dev.drydock.core.iam.policy.SourcePosition;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.OrganizationsDecisionDetail;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryDecisionDetail;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * The IAM policy simulator (SimulatePrincipalPolicy, SimulateCustomPolicy) over Drydock's policy engine: each action
 * on each resource is evaluated as a request by the caller, and answered as AWS's simulator answers it.
 *
 * <p>What AWS's simulator reports, and Drydock with it (from responses of the real API: LocalStack's AWS-recorded
 * snapshot {@code test_simulate_principle_policy}, and simulator output quoted in public write-ups):
 * <ul>
 *   <li>{@code SourcePolicyId}: a managed policy's name; {@code role_<role>_<policy>} / {@code user_<user>_<policy>}
 *       for an inline policy; {@code PolicyInputList.N}, {@code PermissionsBoundaryPolicyInputList.1},
 *       {@code ResourcePolicy} for policies given in the request;</li>
 *   <li>{@code SourcePolicyType}: {@code IAM Policy}, {@code Permissions Boundary Policy} or {@code Resource Policy}
 *       (not the lower-case values the SDK model lists);</li>
 *   <li>positions: 1-based lines and columns as a streaming JSON parser reports them after a token. The end is just
 *       past the statement's closing brace; the start is just past the token before the statement's first member:
 *       past the opening brace of a statement that is the only one ({@code "Statement": {...}}), past the {@code [}
 *       for the first statement of a list, past the previous statement's closing brace for the others. (For
 *       {@code {"Version": "2012-10-17", "Statement": {"Sid": "", ...}}} AWS reports 1:41 to 1:113.)</li>
 * </ul>
 */
public final class PolicySimulator {
    private final String accountId;
    private final List<NamedPolicy> identity;
    private final NamedPolicy boundary;
    private final NamedPolicy resourcePolicy;
    private final Map<String, String> sources = new LinkedHashMap<>();

    public PolicySimulator(
            String accountId, List<NamedPolicy> identity, NamedPolicy boundary, NamedPolicy resourcePolicy) {
        this.accountId = accountId;
        this.identity = List.copyOf(identity);
        this.boundary = boundary;
        this.resourcePolicy = resourcePolicy;
        for (NamedPolicy p : identity) {
            sources.putIfAbsent(p.id(), p.document().json());
        }
        if (boundary != null) {
            sources.putIfAbsent(boundary.id(), boundary.document().json());
        }
        if (resourcePolicy != null) {
            sources.putIfAbsent(resourcePolicy.id(), resourcePolicy.document().json());
        }
    }

    /** Policies given in a request: {@code PolicyInputList.1} ... (identity-based). */
    public static List<NamedPolicy> inputPolicies(List<String> documents, String listName, PolicyKind kind) {
        List<NamedPolicy> list = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            list.add(new NamedPolicy(
                    listName + "." + (i + 1), PolicySourceType.NONE, IamBackend.parse(documents.get(i), kind)));
        }
        return list;
    }

    /** The single permissions boundary a request may give (PermissionsBoundaryPolicyInputList). */
    public static NamedPolicy inputBoundary(List<String> documents) {
        if (documents.size() > 1) {
            throw IamErrors.invalidInput("The list of Permissions Boundary policies cannot exceed 1 items.");
        }
        return documents.isEmpty()
                ? null
                : inputPolicies(documents, "PermissionsBoundaryPolicyInputList", PolicyKind.PERMISSIONS_BOUNDARY)
                        .get(0);
    }

    /** The resource policy a request may give. */
    public static NamedPolicy inputResourcePolicy(String document) {
        return document == null
                ? null
                : new NamedPolicy(
                        "ResourcePolicy", PolicySourceType.RESOURCE, IamBackend.parse(document, PolicyKind.RESOURCE));
    }

    /**
     * The simulated caller: {@code CallerArn}, which must be an IAM user; with a resource policy and no CallerArn, the
     * policy source when it is a user (AWS: "Invalid caller - Caller must be an IAM user in this context.").
     */
    public static String caller(String callerArn, String sourceArn, boolean resourcePolicy, String fallback) {
        String caller = callerArn != null ? callerArn : resourcePolicy ? sourceArn : null;
        if (caller != null && !caller.matches("arn:[^:]+:iam::\\d{12}:user/.+")) {
            throw IamErrors.invalidInput("Invalid caller - Caller must be an IAM user in this context.");
        }
        if (caller == null) {
            caller = sourceArn != null ? sourceArn : fallback;
        }
        return caller;
    }

    /** ContextEntries as request context keys. */
    public static Map<String, List<String>> context(List<ContextEntry> entries) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (ContextEntry e : entries) {
            if (e.contextKeyName() == null) {
                throw IamErrors.constraint(null, "contextEntries.member.contextKeyName", "not be null");
            }
            context.put(e.contextKeyName(), List.copyOf(e.contextKeyValues()));
        }
        return context;
    }

    /** ResourceOwner: a 12-digit account or an ARN naming one ({@code arn:aws:iam::<account>:root}). */
    public static String resourceOwner(String owner) {
        if (owner == null) {
            return null;
        }
        if (owner.matches("\\d{12}")) {
            return owner;
        }
        String[] parts = owner.split(":", 6);
        if (parts.length == 6 && parts[4].matches("\\d{12}")) {
            return parts[4];
        }
        throw IamErrors.invalidInput("Invalid ResourceOwner: " + owner + ".");
    }

    /**
     * Evaluates every action on every resource ({@code *} when none are given), in that order.
     *
     * @param resources the ResourceArns, or empty
     */
    public List<EvaluationResult> simulate(
            String callerArn,
            List<String> actions,
            List<String> resources,
            Map<String, List<String>> context,
            String resourceOwner) {
        boolean perResource = !resources.isEmpty();
        List<String> targets = perResource ? resources : List.of("*");
        List<EvaluationResult> results = new ArrayList<>();
        for (String action : actions) {
            if (action.indexOf(':') <= 0) {
                throw IamErrors.invalidInput(
                        "Invalid action name: " + action + ". Action names must be of the form " + "service:Action.");
            }
            for (String resource : targets) {
                Decision d = evaluate(callerArn, action, resource, context, resourceOwner);
                List<Statement> matched = statements(d.matchedStatements());
                EvaluationResult.Builder r = EvaluationResult.builder()
                        .evalActionName(action)
                        .evalResourceName(resource)
                        .evalDecision(d.type().simulatorValue())
                        .matchedStatements(matched)
                        .missingContextValues(d.missingContextValues())
                        .organizationsDecisionDetail(OrganizationsDecisionDetail.builder()
                                .allowedByOrganizations(true)
                                .build())
                        .evalDecisionDetailsWithStrings(Map.of());
                if (boundary != null) {
                    r.permissionsBoundaryDecisionDetail(PermissionsBoundaryDecisionDetail.builder()
                            .allowedByPermissionsBoundary(boundaryAllows(d))
                            .build());
                }
                if (perResource) {
                    r.resourceSpecificResults(ResourceSpecificResult.builder()
                            .evalResourceName(resource)
                            .evalResourceDecision(d.type().simulatorValue())
                            .matchedStatements(matched)
                            .missingContextValues(d.missingContextValues())
                            .build());
                }
                results.add(r.build());
            }
        }
        return results;
    }

    private Decision evaluate(
            String callerArn, String action, String resource, Map<String, List<String>> context, String resourceOwner) {
        PolicySet.Builder policies =
                PolicySet.builder().identityPolicies(identity).permissionsBoundary(boundary);
        if (resourcePolicy != null) {
            policies.resourcePolicy(resourcePolicy, resourceOwner != null ? resourceOwner : accountId);
        }
        AuthorizationRequest.Builder request = AuthorizationRequest.builder()
                .principal(callerArn)
                .action(action)
                .resource(resource)
                .context(context);
        if (resourceOwner != null) {
            request.resourceAccount(resourceOwner);
        }
        return PolicyEvaluator.evaluate(request.build(), policies.build());
    }

    private static boolean boundaryAllows(Decision d) {
        boolean allow = false;
        for (MatchedStatement m : d.matchedStatements()) {
            if (m.policyType() == PolicyType.PERMISSIONS_BOUNDARY) {
                if (m.effect() == Effect.DENY) {
                    return false;
                }
                allow = true;
            }
        }
        return allow;
    }

    private List<Statement> statements(List<MatchedStatement> matched) {
        List<Statement> list = new ArrayList<>();
        for (MatchedStatement m : matched) {
            Statement.Builder s =
                    Statement.builder().sourcePolicyId(m.policyId()).sourcePolicyType(typeName(m));
            String json = sources.get(m.policyId());
            if (json != null && m.position() != null) {
                Position[] span = span(json, m.position());
                s.startPosition(span[0]).endPosition(span[1]);
            }
            list.add(s.build());
        }
        return list;
    }

    private static String typeName(MatchedStatement m) {
        switch (m.policyType()) {
            case PERMISSIONS_BOUNDARY:
                return "Permissions Boundary Policy";
            case RESOURCE_BASED:
                return "Resource Policy";
            case SESSION:
                return "Session Policy";
            default:
                return "IAM Policy";
        }
    }

    /** A statement's span as AWS's simulator reports it; see the class comment. */
    static Position[] span(String json, SourcePosition p) {
        int[] lineStarts = lineStarts(json);
        int open = offset(lineStarts, p.startLine(), p.startColumn());
        int prev = open - 1;
        while (prev >= 0 && Character.isWhitespace(json.charAt(prev))) {
            prev--;
        }
        int start;
        if (prev >= 0 && json.charAt(prev) == '[') {
            start = prev + 1;
        } else if (prev >= 0 && json.charAt(prev) == ',') {
            int close = prev - 1;
            while (close >= 0 && Character.isWhitespace(json.charAt(close))) {
                close--;
            }
            start = close + 1;
        } else {
            start = open + 1;
        }
        return new Position[] {
            position(lineStarts, start),
            Position.builder().line(p.endLine()).column(p.endColumn() + 1).build()
        };
    }

    private static int[] lineStarts(String json) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < json.length(); i++) {
            if (json.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int offset(int[] lineStarts, int line, int column) {
        int l = Math.max(1, Math.min(line, lineStarts.length));
        return lineStarts[l - 1] + column - 1;
    }

    private static Position position(int[] lineStarts, int offset) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
            line++;
        }
        return Position.builder()
                .line(line + 1)
                .column(offset - lineStarts[line] + 1)
                .build();
    }
}
