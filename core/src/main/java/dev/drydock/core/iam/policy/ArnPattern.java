package dev.drydock.core.iam.policy;

import java.util.Arrays;

/**
 * Matches an ARN pattern against an ARN the way IAM does for the {@code Resource}/{@code NotResource} elements
 * and the {@code ArnEquals}/{@code ArnLike} operators ("IAM JSON policy elements: Resource" and "Condition
 * operators", ARN section): the pattern and the value are each cut into the six colon-delimited ARN components
 * ({@code arn:partition:service:region:account:resource}, the last one keeping any further colons), and each
 * component is matched separately and case-sensitively, so a wildcard never spans a component boundary except
 * inside the final resource component, where {@code *} spans {@code /} and {@code :} alike
 * ({@code task-definition/*} matches {@code task-definition/web:3}).
 *
 * <p>A pattern that is just {@code *} matches everything. A pattern with fewer than six components (for example
 * {@code arn:aws:ecs:*}) is matched as a single wildcard string over the whole value; this is Drydock's choice,
 * IAM does not document it. A value with fewer than six components never matches a six-component pattern.
 */
final class ArnPattern {

    private final Glob whole;
    private final Glob[] segments;

    private ArnPattern(Glob whole, Glob[] segments) {
        this.whole = whole;
        this.segments = segments;
    }

    static ArnPattern of(Glob glob) {
        if (glob.isMatchAll()) {
            return new ArnPattern(glob, null);
        }
        char[] c = glob.chars();
        boolean[] w = glob.wildMask();
        Glob[] segs = new Glob[6];
        int seg = 0;
        int start = 0;
        for (int i = 0; i < c.length && seg < 5; i++) {
            if (c[i] == ':' && !w[i]) {
                segs[seg++] = Glob.of(Arrays.copyOfRange(c, start, i), Arrays.copyOfRange(w, start, i), false);
                start = i + 1;
            }
        }
        if (seg < 5) {
            return new ArnPattern(glob, null);
        }
        segs[5] = Glob.of(Arrays.copyOfRange(c, start, c.length), Arrays.copyOfRange(w, start, c.length), false);
        return new ArnPattern(glob, segs);
    }

    boolean isMatchAll() {
        return whole.isMatchAll();
    }

    boolean matches(String value) {
        if (segments == null) {
            return whole.matches(value);
        }
        int start = 0;
        for (int seg = 0; seg < 5; seg++) {
            int colon = value.indexOf(':', start);
            if (colon < 0) {
                return false;
            }
            if (!segments[seg].matches(value, start, colon)) {
                return false;
            }
            start = colon + 1;
        }
        return segments[5].matches(value, start, value.length());
    }

    @Override
    public String toString() {
        return whole.toString();
    }
}
