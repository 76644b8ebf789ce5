package dev.drydock.core.iam;

import dev.drydock.core.iam.policy.DecisionType;
import dev.drydock.core.iam.policy.MatchedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authorization decision Drydock made for a request, as AWS's policy evaluation logic would
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 *
 * @param time when it was decided
 * @param requestId the request's id ({@code x-amzn-RequestId})
 * @param service the service's signing name, e.g. {@code ecs}
 * @param operation the API operation, e.g. {@code RunTask}
 * @param principalArn who asked, e.g. {@code arn:aws:sts::123456789012:assumed-role/orders-task/7f3a...}
 * @param action the IAM action, e.g. {@code ecs:RunTask} or {@code iam:PassRole}
 * @param resource the resource ARN the action was evaluated on, or {@code *}
 * @param decision allowed, explicitDeny or implicitDeny
 * @param matchedStatements the statements that matched (the deciding one first when there is one)
 * @param deniedBy for a denial, which policy type denied (e.g. "identity-based policy"); empty when allowed
 * @param message the AccessDenied message the caller got; empty when allowed
 * @param context the request context keys the policies were evaluated with
 */
public record AuthorizationDecision(
        Instant time,
        String requestId,
        String service,
        String operation,
        String principalArn,
        String action,
        String resource,
        DecisionType decision,
        List<MatchedStatement> matchedStatements,
        Optional<String> deniedBy,
        Optional<String> message,
        Map<String, List<String>> context) {

    public AuthorizationDecision {
        matchedStatements = List.copyOf(matchedStatements);
        context = Map.copyOf(context);
    }

    /** Whether the request was allowed. */
    public boolean allowed() {
        return decision == DecisionType.ALLOWED;
    }

    /** The statement that decided, when one did: the explicit deny, or the allow. */
    public Optional<MatchedStatement> decidingStatement() {
        return matchedStatements.isEmpty() ? Optional.empty() : Optional.of(matchedStatements.get(0));
    }

    /** One line: {@code ALLOWED ecs:RunTask on arn:... by arn:... (statement AllowRun of orders-task-policy)}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(decision.simulatorValue())
                .append(' ')
                .append(action)
                .append(" on ")
                .append(resource)
                .append(" by ")
                .append(principalArn);
        decidingStatement()
                .ifPresent(s -> b.append(" (statement ")
                        .append(s.sid() == null ? "#" + s.statementIndex() : s.sid())
                        .append(" of ")
                        .append(s.policyId())
                        .append(')'));
        deniedBy.ifPresent(d -> b.append(" [").append(d).append(']'));
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
