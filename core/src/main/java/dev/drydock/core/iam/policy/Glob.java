package dev.drydock.core.iam.policy;

import java.util.Arrays;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (including {@code :} and {@code /}),
 * {@code ?} matches exactly one character; every other character matches itself. Characters that came from the
 * {@code ${*}}, {@code ${?}} escapes or from substituted policy variables are literal even when they are
 * {@code *} or {@code ?}, which is why the pattern carries a wildcard mask instead of being a plain string.
 *
 * <p>No regular expressions: common shapes (exact, prefix, "*") take a fast path, the rest uses a linear-time
 * greedy matcher with single-star backtracking.
 */
final class Glob {

    private static final int EXACT = 0;
    private static final int ANY = 1;
    private static final int PREFIX = 2;
    private static final int GENERAL = 3;

    static final Glob MATCH_ALL = new Glob(new char[] {'*'}, new boolean[] {true}, false);

    private final char[] chars;
    private final boolean[] wild;
    private final boolean ignoreCase;
    private final int shape;
    private final String literal; // for EXACT and PREFIX

    private Glob(char[] chars, boolean[] wild, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        char[] c = chars.clone();
        if (ignoreCase) {
            for (int i = 0; i < c.length; i++) {
                if (!wild[i]) {
                    c[i] = Character.toLowerCase(c[i]);
                }
            }
        }
        this.chars = c;
        this.wild = wild.clone();
        int wildcards = 0;
        int firstWild = -1;
        boolean anyQuestion = false;
        for (int i = 0; i < c.length; i++) {
            if (wild[i]) {
                wildcards++;
                if (firstWild < 0) {
                    firstWild = i;
                }
                if (c[i] == '?') {
                    anyQuestion = true;
                }
            }
        }
        if (wildcards == 0) {
            shape = EXACT;
            literal = new String(c);
        } else if (c.length == 1 && c[0] == '*') {
            shape = ANY;
            literal = null;
        } else if (wildcards == 1 && !anyQuestion && firstWild == c.length - 1) {
            shape = PREFIX;
            literal = new String(c, 0, c.length - 1);
        } else {
            shape = GENERAL;
            literal = null;
        }
    }

    /**
     * Compiles a pattern in which every {@code *} and {@code ?} is a wildcard.
     */
    static Glob compile(String pattern, boolean ignoreCase) {
        char[] c = pattern.toCharArray();
        boolean[] w = new boolean[c.length];
        for (int i = 0; i < c.length; i++) {
            w[i] = c[i] == '*' || c[i] == '?';
        }
        return new Glob(c, w, ignoreCase);
    }

    /** Compiles a pattern with an explicit wildcard mask ({@code wild[i]} true = wildcard). */
    static Glob of(char[] chars, boolean[] wild, boolean ignoreCase) {
        return new Glob(chars, wild, ignoreCase);
    }

    /** Compiles a pattern that has no wildcards at all (exact match). */
    static Glob literal(String text, boolean ignoreCase) {
        char[] c = text.toCharArray();
        return new Glob(c, new boolean[c.length], ignoreCase);
    }

    boolean isMatchAll() {
        return shape == ANY;
    }

    boolean hasWildcards() {
        return shape != EXACT;
    }

    char[] chars() {
        return chars;
    }

    boolean[] wildMask() {
        return wild;
    }

    boolean matches(String s) {
        switch (shape) {
            case EXACT:
                return ignoreCase ? literal.equalsIgnoreCase(s) : literal.equals(s);
            case ANY:
                return true;
            case PREFIX:
                return s.regionMatches(ignoreCase, 0, literal, 0, literal.length());
            default:
                return general(s, 0, s.length());
        }
    }

    /** Matches against {@code s.substring(from, to)} without allocating. */
    boolean matches(String s, int from, int to) {
        if (shape == ANY) {
            return true;
        }
        if (shape == EXACT) {
            return to - from == literal.length() && s.regionMatches(ignoreCase, from, literal, 0, literal.length());
        }
        if (shape == PREFIX) {
            return to - from >= literal.length() && s.regionMatches(ignoreCase, from, literal, 0, literal.length());
        }
        return general(s, from, to);
    }

    private boolean general(String s, int from, int to) {
        final char[] p = chars;
        final boolean[] w = wild;
        final int m = p.length;
        int pi = 0;
        int si = from;
        int star = -1;
        int mark = from;
        while (si < to) {
            if (pi < m && w[pi] && p[pi] == '*') {
                star = pi++;
                mark = si;
            } else if (pi < m && ((w[pi] && p[pi] == '?') || (!w[pi] && same(p[pi], s.charAt(si))))) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < m && w[pi] && p[pi] == '*') {
            pi++;
        }
        return pi == m;
    }

    private boolean same(char patternChar, char c) {
        if (patternChar == c) {
            return true;
        }
        return ignoreCase && patternChar == Character.toLowerCase(c);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chars.length; i++) {
            if (!wild[i] && (chars[i] == '*' || chars[i] == '?')) {
                sb.append("${").append(chars[i]).append('}');
            } else {
                sb.append(chars[i]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Glob g
                && g.ignoreCase == ignoreCase
                && Arrays.equals(g.chars, chars)
                && Arrays.equals(g.wild, wild);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chars) * 31 + Arrays.hashCode(wild);
    }
}
