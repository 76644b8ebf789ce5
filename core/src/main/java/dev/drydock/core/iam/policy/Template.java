package dev.drydock.core.iam.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A policy string (resource ARN or condition value) split into literal text and policy variables, per
 * "IAM policy elements: Variables and tags": {@code ${key}}, {@code ${key, 'default'}}, and the escapes
 * {@code ${*}}, {@code ${?}}, {@code ${$}} (which always produce literal characters). Variables are recognised
 * only when the document's Version is 2012-10-17; otherwise the whole text is literal (wildcards still apply).
 *
 * <p>A variable resolves to the single value of its context key (key lookup is case-insensitive). A key that is
 * absent, or that has zero or several values (multivalued keys can't be variables), resolves to its default if
 * one is given, else the whole template is unresolved and the value does not match. Substituted text is literal:
 * a {@code *} inside a user name is not a wildcard.
 */
final class Template {

    /** Resolves a lower-cased context key to its single value, or null. */
    interface Resolver {
        String single(String lowerKey);
    }

    private record Literal(char[] chars, boolean[] wild) {}

    private record Var(String lowerKey, String key, String defaultValue) {}

    private final String raw;
    private final Object[] parts;
    private final boolean hasVariables;
    private final Glob staticGlobCaseSensitive;
    private final String staticText;
    private final List<String> variableKeys;

    private Template(String raw, Object[] parts, boolean wildcards) {
        this.raw = raw;
        this.parts = parts;
        boolean vars = false;
        List<String> keys = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Var v) {
                vars = true;
                keys.add(v.key());
            }
        }
        this.hasVariables = vars;
        this.variableKeys = List.copyOf(keys);
        if (!vars) {
            Builder b = new Builder();
            for (Object p : parts) {
                Literal l = (Literal) p;
                b.append(l.chars(), l.wild());
            }
            this.staticText = b.text();
            this.staticGlobCaseSensitive = wildcards ? b.glob(false) : Glob.literal(staticText, false);
        } else {
            this.staticText = null;
            this.staticGlobCaseSensitive = null;
        }
    }

    /**
     * @param raw       the policy text
     * @param variables whether {@code ${...}} is interpreted (Version 2012-10-17)
     * @param wildcards whether unescaped {@code *} / {@code ?} are wildcards for this use
     */
    static Template parse(String raw, boolean variables, boolean wildcards) {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        List<Boolean> mask = new ArrayList<>();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (variables && c == '$' && i + 1 < n && raw.charAt(i + 1) == '{') {
                int close = raw.indexOf('}', i + 2);
                if (close > 0) {
                    String content = raw.substring(i + 2, close);
                    if (content.equals("*") || content.equals("?") || content.equals("$")) {
                        lit.append(content.charAt(0));
                        mask.add(Boolean.FALSE);
                        i = close + 1;
                        continue;
                    }
                    Var v = parseVar(content);
                    if (v != null) {
                        flush(parts, lit, mask);
                        parts.add(v);
                        i = close + 1;
                        continue;
                    }
                }
            }
            lit.append(c);
            mask.add(wildcards && (c == '*' || c == '?'));
            i++;
        }
        flush(parts, lit, mask);
        return new Template(raw, parts.toArray(), wildcards);
    }

    private static Var parseVar(String content) {
        String key = content.trim();
        String def = null;
        int comma = content.indexOf(',');
        if (comma >= 0) {
            String rest = content.substring(comma + 1).trim();
            if (rest.length() >= 2 && rest.charAt(0) == '\'' && rest.charAt(rest.length() - 1) == '\'') {
                def = rest.substring(1, rest.length() - 1);
                key = content.substring(0, comma).trim();
            }
        }
        if (key.isEmpty()) {
            return null;
        }
        return new Var(key.toLowerCase(Locale.ROOT), key, def);
    }

    private static void flush(List<Object> parts, StringBuilder lit, List<Boolean> mask) {
        if (lit.length() == 0) {
            return;
        }
        char[] c = lit.toString().toCharArray();
        boolean[] w = new boolean[c.length];
        for (int k = 0; k < c.length; k++) {
            w[k] = mask.get(k);
        }
        parts.add(new Literal(c, w));
        lit.setLength(0);
        mask.clear();
    }

    String raw() {
        return raw;
    }

    boolean hasVariables() {
        return hasVariables;
    }

    List<String> variableKeys() {
        return variableKeys;
    }

    /** The text with escapes applied, when the template has no variables; else null. */
    String staticText() {
        return staticText;
    }

    /** The compiled case-sensitive glob, when the template has no variables; else null. */
    Glob staticGlob() {
        return staticGlobCaseSensitive;
    }

    /** Resolves to plain text (wildcards not interpreted); null when a variable has no value. */
    String resolveText(Resolver resolver) {
        if (!hasVariables) {
            return staticText;
        }
        StringBuilder sb = new StringBuilder(raw.length() + 16);
        for (Object p : parts) {
            if (p instanceof Literal l) {
                sb.append(l.chars());
            } else {
                String v = value((Var) p, resolver);
                if (v == null) {
                    return null;
                }
                sb.append(v);
            }
        }
        return sb.toString();
    }

    /** Resolves to a glob (substituted text literal); null when a variable has no value. */
    Glob resolveGlob(Resolver resolver, boolean ignoreCase) {
        if (!hasVariables && !ignoreCase) {
            return staticGlobCaseSensitive;
        }
        Builder b = new Builder();
        for (Object p : parts) {
            if (p instanceof Literal l) {
                b.append(l.chars(), l.wild());
            } else {
                String v = value((Var) p, resolver);
                if (v == null) {
                    return null;
                }
                char[] c = v.toCharArray();
                b.append(c, new boolean[c.length]);
            }
        }
        return b.glob(ignoreCase);
    }

    private static String value(Var v, Resolver resolver) {
        String s = resolver.single(v.lowerKey());
        if (s == null) {
            return v.defaultValue();
        }
        return s;
    }

    @Override
    public String toString() {
        return raw;
    }

    /** Accumulates characters with their wildcard mask. */
    private static final class Builder {
        private char[] chars = new char[32];
        private boolean[] wild = new boolean[32];
        private int len;

        void append(char[] c, boolean[] w) {
            ensure(len + c.length);
            System.arraycopy(c, 0, chars, len, c.length);
            System.arraycopy(w, 0, wild, len, c.length);
            len += c.length;
        }

        private void ensure(int cap) {
            if (cap > chars.length) {
                int n = Math.max(cap, chars.length * 2);
                chars = Arrays.copyOf(chars, n);
                wild = Arrays.copyOf(wild, n);
            }
        }

        String text() {
            return new String(chars, 0, len);
        }

        Glob glob(boolean ignoreCase) {
            return Glob.of(Arrays.copyOf(chars, len), Arrays.copyOf(wild, len), ignoreCase);
        }
    }
}
