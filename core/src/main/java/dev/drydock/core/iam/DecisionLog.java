package dev.drydock.core.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every authorization decision a Drydock instance made, oldest first: which principal asked to do what on which
 * resource, whether IAM allowed it, and which statement decided. Tests read it to verify what a task role may and may
 * not do (the JUnit extension injects it and offers AssertJ assertions on it). Thread-safe; keeps the last
 * {@value #CAPACITY} decisions.
 */
public final class DecisionLog {
    /** How many decisions are kept. */
    public static final int CAPACITY = 100_000;

    private final List<AuthorizationDecision> decisions = new ArrayList<>();

    /** Records a decision. */
    public synchronized void record(AuthorizationDecision decision) {
        if (decisions.size() >= CAPACITY) {
            decisions.remove(0);
        }
        decisions.add(decision);
    }

    /** A snapshot of all decisions, oldest first. */
    public synchronized List<AuthorizationDecision> decisions() {
        return List.copyOf(decisions);
    }

    /** The decisions that match {@code filter}, oldest first. */
    public synchronized List<AuthorizationDecision> decisions(Predicate<AuthorizationDecision> filter) {
        List<AuthorizationDecision> result = new ArrayList<>();
        for (AuthorizationDecision d : decisions) {
            if (filter.test(d)) {
                result.add(d);
            }
        }
        return result;
    }

    /** The decisions for one principal (its ARN, or for a role session also the role's name), oldest first. */
    public List<AuthorizationDecision> decisionsFor(String principal) {
        return decisions(d ->
                d.principalArn().equals(principal) || d.principalArn().contains(":assumed-role/" + principal + "/"));
    }

    /** Forgets every decision recorded so far. */
    public synchronized void clear() {
        decisions.clear();
    }

    /** The last {@code n} decisions, one per line, for a failing test's output. */
    public synchronized String describeLast(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, decisions.size() - n); i < decisions.size(); i++) {
            b.append(decisions.get(i).describe()).append('\n');
        }
        return b.toString();
    }

    /**
     * A short account for a failing test's output: how many decisions there were, the last denials, and the latest
     * decisions with consecutive repeats (a waiter's polls) folded into one line.
     */
    public synchronized String summary(int lines) {
        if (decisions.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        appendDenied(b, lines);
        appendFolded(b, "latest", decisions, lines);
        return b.toString();
    }

    /**
     * A short account for a failing test's output that the test principal's own calls (mostly a test's polling) cannot
     * push out: how many decisions there were, the last denials, the last decisions of every other principal (task
     * roles, execution roles, {@code @ActingAs} sessions; consecutive repeats folded), and the test principal's allowed
     * calls counted by action in one line.
     *
     * @param lines at most this many denials and as many other decisions
     * @param testPrincipalArn the ARN of the principal whose allowed calls are counted rather than listed
     */
    public synchronized String summary(int lines, String testPrincipalArn) {
        if (decisions.isEmpty()) {
            return "";
        }
        List<AuthorizationDecision> others = new ArrayList<>();
        Map<String, Integer> own = new LinkedHashMap<>();
        for (AuthorizationDecision d : decisions) {
            if (d.allowed() && d.principalArn().equals(testPrincipalArn)) {
                own.merge(d.action(), 1, Integer::sum);
            } else if (d.allowed()) {
                others.add(d);
            }
        }
        StringBuilder b = new StringBuilder();
        appendDenied(b, lines);
        if (!others.isEmpty()) {
            appendFolded(b, "allowed for roles and sessions", others, lines);
        }
        if (!own.isEmpty()) {
            b.append("allowed for the test principal ").append(testPrincipalArn).append(": ");
            List<String> byAction = own.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> e.getValue() + " x " + e.getKey())
                    .toList();
            b.append(String.join(", ", byAction)).append('\n');
        }
        return b.toString();
    }

    /** The count of decisions and the last {@code lines} denials. */
    private void appendDenied(StringBuilder b, int lines) {
        List<AuthorizationDecision> denied =
                decisions.stream().filter(d -> !d.allowed()).toList();
        b.append(decisions.size()).append(" decisions, ").append(denied.size()).append(" denied\n");
        if (!denied.isEmpty()) {
            b.append("denied (last ").append(Math.min(lines, denied.size())).append("):\n");
            for (int i = Math.max(0, denied.size() - lines); i < denied.size(); i++) {
                b.append("  ").append(denied.get(i).describe()).append('\n');
            }
        }
    }

    /** The latest {@code lines} of {@code from}, consecutive repeats folded into one line with their count. */
    private static void appendFolded(StringBuilder b, String title, List<AuthorizationDecision> from, int lines) {
        List<String> folded = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = from.size() - 1; i >= 0 && folded.size() <= lines; i--) {
            String line = from.get(i).describe();
            if (!folded.isEmpty() && folded.get(folded.size() - 1).equals(line)) {
                counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
            } else {
                folded.add(line);
                counts.add(1);
            }
        }
        int shown = Math.min(lines, folded.size());
        b.append(title).append(":\n");
        for (int i = shown - 1; i >= 0; i--) {
            b.append("  ")
                    .append(folded.get(i))
                    .append(counts.get(i) > 1 ? "  (x" + counts.get(i) + ")" : "")
                    .append('\n');
        }
    }

    /** How many decisions are recorded. */
    public synchronized int size() {
        return decisions.size();
    }
}
