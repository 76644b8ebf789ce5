package dev.drydock.core.iam;

import java.util.ArrayList;
import java.util.List;
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
        List<AuthorizationDecision> denied = new ArrayList<>();
        for (AuthorizationDecision d : decisions) {
            if (!d.allowed()) {
                denied.add(d);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(decisions.size()).append(" decisions, ").append(denied.size()).append(" denied\n");
        if (!denied.isEmpty()) {
            b.append("denied (last ").append(Math.min(lines, denied.size())).append("):\n");
            for (int i = Math.max(0, denied.size() - lines); i < denied.size(); i++) {
                b.append("  ").append(denied.get(i).describe()).append('\n');
            }
        }
        List<String> folded = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = decisions.size() - 1; i >= 0 && folded.size() <= lines; i--) {
            String line = decisions.get(i).describe();
            if (!folded.isEmpty() && folded.get(folded.size() - 1).equals(line)) {
                counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
            } else {
                folded.add(line);
                counts.add(1);
            }
        }
        int shown = Math.min(lines, folded.size());
        b.append("latest:\n");
        for (int i = shown - 1; i >= 0; i--) {
            b.append("  ")
                    .append(folded.get(i))
                    .append(counts.get(i) > 1 ? "  (x" + counts.get(i) + ")" : "")
                    .append('\n');
        }
        return b.toString();
    }

    /** How many decisions are recorded. */
    public synchronized int size() {
        return decisions.size();
    }
}
