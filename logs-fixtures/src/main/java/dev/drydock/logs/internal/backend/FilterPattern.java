package dev.drydock.logs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.logs.internal.LogsErrors;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A subset of CloudWatch Logs' filter pattern syntax ("Filter pattern syntax for metric filters, subscription filters,
 * filter log events, and Live Tail",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html):
 *
 * <ul>
 *   <li>Unstructured: terms and {@code "quoted phrases"}, all of which must occur (case-sensitive); {@code ?term}s, of
 *       which one must occur; {@code -term}s, none of which may occur.</li>
 *   <li>JSON: {@code { $.level = "ERROR" }}, selectors {@code $.a.b} and {@code $.a[0]}, {@code =} and {@code !=} on
 *       strings (with {@code *} wildcards) and numbers, {@code < > <= >=} on numbers, {@code IS NULL},
 *       {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}, combined with {@code &&}, {@code ||} and
 *       parentheses. A message that is not a JSON object matches no JSON pattern.</li>
 * </ul>
 *
 * Space-delimited patterns ({@code [ip, user, ...]}) are refused, saying so. Immutable.
 */
public final class FilterPattern {
    private interface Node {
        boolean test(Object json);
    }

    private final Node json;
    private final List<String> all;
    private final List<String> any;
    private final List<String> none;

    private FilterPattern(Node json, List<String> all, List<String> any, List<String> none) {
        this.json = json;
        this.all = all;
        this.any = any;
        this.none = none;
    }

    /**
     * Parses a pattern; {@code null} or blank matches every event.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException naming what is wrong
     */
    public static FilterPattern parse(String pattern) {
        String p = pattern == null ? "" : pattern.trim();
        if (p.startsWith("{")) {
            JsonParser parser = new JsonParser(p);
            return new FilterPattern(parser.parseAll(), List.of(), List.of(), List.of());
        }
        if (p.startsWith("[")) {
            throw LogsErrors.invalidParameter(
                    "Drydock does not support space-delimited filter patterns ([w1, w2, ...]) "
                            + "yet: use terms, \"quoted phrases\", ?alternatives, -exclusions or a JSON pattern { $.field = "
                            + "value }.");
        }
        List<String> all = new ArrayList<>();
        List<String> any = new ArrayList<>();
        List<String> none = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> target = all;
            if (c == '?' || c == '-') {
                target = c == '?' ? any : none;
                i++;
                if (i >= p.length() || Character.isWhitespace(p.charAt(i))) {
                    throw invalid(pattern, "'" + c + "' must be followed by a term");
                }
            }
            String term;
            if (p.charAt(i) == '"') {
                int end = p.indexOf('"', i + 1);
                if (end < 0) {
                    throw invalid(pattern, "unterminated quoted phrase");
                }
                term = p.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < p.length() && !Character.isWhitespace(p.charAt(end))) {
                    end++;
                }
                term = p.substring(i, end);
                i = end;
            }
            target.add(term);
        }
        return new FilterPattern(null, List.copyOf(all), List.copyOf(any), List.copyOf(none));
    }

    /** Whether an event's message matches. */
    public boolean matches(String message) {
        if (json != null) {
            Object tree;
            try {
                tree = JsonTree.parse(message.getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return false;
            }
            return tree instanceof Map<?, ?> && json.test(tree);
        }
        for (String t : all) {
            if (!message.contains(t)) {
                return false;
            }
        }
        for (String t : none) {
            if (message.contains(t)) {
                return false;
            }
        }
        return any.isEmpty() || any.stream().anyMatch(message::contains);
    }

    private static AwsException invalid(String pattern, String why) {
        return LogsErrors.invalidParameter("Invalid filter pattern '" + pattern + "': " + why + ".");
    }

    /** A recursive-descent parser for JSON patterns. */
    private static final class JsonParser {
        private final String text;
        private int pos;

        JsonParser(String text) {
            this.text = text;
        }

        Node parseAll() {
            expect("{");
            Node n = or();
            expect("}");
            skip();
            if (pos < text.length()) {
                throw invalid(text, "unexpected text after '}' at position " + pos);
            }
            return n;
        }

        private Node or() {
            Node left = and();
            while (take("||")) {
                Node l = left;
                Node r = and();
                left = j -> l.test(j) || r.test(j);
            }
            return left;
        }

        private Node and() {
            Node left = unary();
            while (take("&&")) {
                Node l = left;
                Node r = unary();
                left = j -> l.test(j) && r.test(j);
            }
            return left;
        }

        private Node unary() {
            if (take("(")) {
                Node n = or();
                expect(")");
                return n;
            }
            return comparison();
        }

        private Node comparison() {
            skip();
            if (!take("$")) {
                throw invalid(text, "expected a selector such as $.level at position " + pos);
            }
            List<Object> path = new ArrayList<>();
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '.') {
                    pos++;
                    int start = pos;
                    while (pos < text.length() && isName(text.charAt(pos))) {
                        pos++;
                    }
                    if (start == pos) {
                        throw invalid(text, "expected a field name after '.' at position " + pos);
                    }
                    path.add(text.substring(start, pos));
                } else if (c == '[') {
                    int end = text.indexOf(']', pos);
                    if (end < 0) {
                        throw invalid(text, "unterminated '[' at position " + pos);
                    }
                    try {
                        path.add(Integer.parseInt(text.substring(pos + 1, end).trim()));
                    } catch (NumberFormatException e) {
                        throw invalid(text, "expected an array index at position " + pos);
                    }
                    pos = end + 1;
                } else {
                    break;
                }
            }
            skip();
            if (takeWord("IS")) {
                if (takeWord("NULL")) {
                    return j -> select(j, path) == JsonTree.NULL;
                }
                if (takeWord("TRUE")) {
                    return j -> Boolean.TRUE.equals(select(j, path));
                }
                if (takeWord("FALSE")) {
                    return j -> Boolean.FALSE.equals(select(j, path));
                }
                throw invalid(text, "expected NULL, TRUE or FALSE after IS at position " + pos);
            }
            if (takeWord("NOT")) {
                if (!takeWord("EXISTS")) {
                    throw invalid(text, "expected EXISTS after NOT at position " + pos);
                }
                return j -> select(j, path) == MISSING;
            }
            String op = null;
            for (String candidate : List.of("!=", "<=", ">=", "=", "<", ">")) {
                if (take(candidate)) {
                    op = candidate;
                    break;
                }
            }
            if (op == null) {
                throw invalid(text, "expected =, !=, <, >, <=, >=, IS or NOT EXISTS at position " + pos);
            }
            skip();
            boolean quoted = pos < text.length() && text.charAt(pos) == '"';
            String value;
            if (quoted) {
                int end = text.indexOf('"', pos + 1);
                if (end < 0) {
                    throw invalid(text, "unterminated string at position " + pos);
                }
                value = text.substring(pos + 1, end);
                pos = end + 1;
            } else {
                int start = pos;
                while (pos < text.length()
                        && !Character.isWhitespace(text.charAt(pos))
                        && "}&|)".indexOf(text.charAt(pos)) < 0) {
                    pos++;
                }
                value = text.substring(start, pos);
                if (value.isEmpty()) {
                    throw invalid(text, "expected a value at position " + pos);
                }
            }
            BigDecimal number = quoted ? null : number(value);
            String operator = op;
            if (!operator.equals("=") && !operator.equals("!=") && number == null) {
                throw invalid(text, "'" + operator + "' compares numbers, not '" + value + "'");
            }
            Pattern wildcard = Pattern.compile(Pattern.quote(value).replace("*", "\\E.*\\Q"), Pattern.DOTALL);
            return j -> {
                Object v = select(j, path);
                if (v == MISSING || v == JsonTree.NULL) {
                    return false;
                }
                if (number != null && v instanceof Number n) {
                    int cmp = new BigDecimal(n.toString()).compareTo(number);
                    return switch (operator) {
                        case "=" -> cmp == 0;
                        case "!=" -> cmp != 0;
                        case "<" -> cmp < 0;
                        case ">" -> cmp > 0;
                        case "<=" -> cmp <= 0;
                        default -> cmp >= 0;
                    };
                }
                if (!operator.equals("=") && !operator.equals("!=")) {
                    return false;
                }
                String s = v instanceof String str ? str : String.valueOf(v);
                boolean equal = wildcard.matcher(s).matches();
                return operator.equals("=") == equal;
            };
        }

        private static final Object MISSING = new Object();

        private static Object select(Object json, List<Object> path) {
            Object node = json;
            for (Object step : path) {
                if (step instanceof String field && node instanceof Map<?, ?> map && map.containsKey(field)) {
                    node = map.get(field);
                } else if (step instanceof Integer index && node instanceof List<?> list && index < list.size()) {
                    node = list.get(index);
                } else {
                    return MISSING;
                }
            }
            return node;
        }

        private static BigDecimal number(String s) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static boolean isName(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '@' || c == '$';
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean take(String token) {
            skip();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private boolean takeWord(String word) {
            skip();
            if (text.regionMatches(true, pos, word, 0, word.length())
                    && (pos + word.length() == text.length()
                            || !Character.isLetter(text.charAt(pos + word.length())))) {
                pos += word.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!take(token)) {
                throw invalid(text, "expected '" + token + "' at position " + pos);
            }
        }
    }
}
