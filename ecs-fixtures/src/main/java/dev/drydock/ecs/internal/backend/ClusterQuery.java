package dev.drydock.ecs.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.ecs.internal.EcsErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The cluster query language (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html):
 * {@code subject operator [argument]} expressions over container instances, combined with {@code and}/{@code &&},
 * {@code or}/{@code ||}, {@code not}/{@code !} and parentheses. Subjects: {@code attribute:<name>},
 * {@code ec2InstanceId}, {@code agentConnected}, {@code agentVersion}, {@code registeredAt}, {@code runningTasksCount},
 * {@code task:group}. Operators: {@code ==}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=}, {@code exists},
 * {@code !exists}, {@code in}, {@code !in}, {@code =~}, {@code !~} and their word forms ({@code equals},
 * {@code not_equals}, {@code greater_than}, {@code greater_than_equal}, {@code less_than}, {@code less_than_equal},
 * {@code not_exists}, {@code not_in}, {@code matches}, {@code not_matches}). Arguments are bare or quoted
 * ({@code '...'} or {@code "..."}); {@code in} takes a list {@code [a, b]}; {@code =~} a Java regular expression that
 * must match the whole value. Ordering operators compare numbers as numbers, agent versions part by part and
 * registration times as instants ({@code 2018-06-18T22:28:28+00:00}, {@code ...Z}, {@code 2018-06-18T22:28:28},
 * {@code 2018-06-18}); other values as strings. Pure: parse once, evaluate against many instances.
 */
final class ClusterQuery implements Predicate<ContainerInstanceRecord> {
    private final String text;
    private final Predicate<ContainerInstanceRecord> predicate;

    private ClusterQuery(String text, Predicate<ContainerInstanceRecord> predicate) {
        this.text = text;
        this.predicate = predicate;
    }

    /**
     * Parses an expression.
     *
     * @throws AwsException InvalidParameterException naming what is wrong and where
     */
    static ClusterQuery parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw EcsErrors.invalidParameter("The cluster query expression is empty.");
        }
        Parser p = new Parser(expression);
        Predicate<ContainerInstanceRecord> predicate = p.or();
        p.skipSpace();
        if (!p.atEnd()) {
            throw p.error("unexpected '" + expression.substring(p.pos) + "'");
        }
        return new ClusterQuery(expression, predicate);
    }

    @Override
    public boolean test(ContainerInstanceRecord instance) {
        return predicate.test(instance);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        AwsException error(String what) {
            return EcsErrors.invalidParameter("Invalid cluster query expression '" + s + "' at position " + pos + ": "
                    + what + ". See https://docs.aws.amazon.com/AmazonECS/latest/developerguide/"
                    + "cluster-query-language.html.");
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        /** Consumes {@code symbol} (after spaces) when it is next; a word only when a non-word character follows. */
        boolean take(String symbol) {
            skipSpace();
            if (!s.startsWith(symbol, pos)) {
                return false;
            }
            int end = pos + symbol.length();
            if (Character.isLetter(symbol.charAt(symbol.length() - 1))
                    && end < s.length()
                    && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                return false;
            }
            pos = end;
            return true;
        }

        Predicate<ContainerInstanceRecord> or() {
            Predicate<ContainerInstanceRecord> left = and();
            while (take("||") || take("or")) {
                left = left.or(and());
            }
            return left;
        }

        Predicate<ContainerInstanceRecord> and() {
            Predicate<ContainerInstanceRecord> left = unary();
            while (take("&&") || take("and")) {
                left = left.and(unary());
            }
            return left;
        }

        Predicate<ContainerInstanceRecord> unary() {
            skipSpace();
            if (take("not") || (s.startsWith("!", pos) && !s.startsWith("!=", pos) && take("!"))) {
                return unary().negate();
            }
            if (take("(")) {
                Predicate<ContainerInstanceRecord> inner = or();
                if (!take(")")) {
                    throw error("')' expected");
                }
                return inner;
            }
            return comparison();
        }

        Predicate<ContainerInstanceRecord> comparison() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && isSubjectChar(s.charAt(pos))) {
                pos++;
            }
            String subject = s.substring(start, pos);
            if (subject.isEmpty()) {
                throw error("a subject (attribute:<name>, ec2InstanceId, agentConnected, agentVersion, registeredAt, "
                        + "runningTasksCount or task:group) expected");
            }
            Subject subj = Subject.of(subject);
            if (subj == null) {
                pos = start;
                throw error("unknown subject '" + subject + "'");
            }
            String op = operator();
            switch (op) {
                case "exists":
                    return ci -> subj.exists(ci);
                case "!exists":
                    return ci -> !subj.exists(ci);
                case "in":
                case "!in": {
                    List<String> list = list();
                    boolean negate = op.equals("!in");
                    return ci -> subj.anyValue(ci, list::contains) != negate;
                }
                case "=~":
                case "!~": {
                    String regex = value();
                    Pattern pattern;
                    try {
                        pattern = Pattern.compile(regex);
                    } catch (PatternSyntaxException e) {
                        throw error("'" + regex + "' is not a Java regular expression (" + e.getDescription() + ")");
                    }
                    boolean negate = op.equals("!~");
                    return ci -> subj.anyValue(ci, v -> pattern.matcher(v).matches()) != negate;
                }
                case "==":
                    String eq = value();
                    return ci -> subj.anyValue(ci, eq::equals);
                case "!=":
                    String ne = value();
                    return ci -> !subj.anyValue(ci, ne::equals);
                default: {
                    String argument = value();
                    Comparable<Object> bound = subj.comparable(argument, this);
                    return ci -> subj.anyValue(ci, v -> {
                        Comparable<Object> c = subj.comparable(v, null);
                        if (c == null || c.getClass() != bound.getClass()) {
                            return false;
                        }
                        int cmp = c.compareTo(bound);
                        return switch (op) {
                            case ">" -> cmp > 0;
                            case ">=" -> cmp >= 0;
                            case "<" -> cmp < 0;
                            default -> cmp <= 0;
                        };
                    });
                }
            }
        }

        private static final List<String[]> OPERATORS = List.of(
                new String[] {"greater_than_equal", ">="},
                new String[] {"greater_than", ">"},
                new String[] {"less_than_equal", "<="},
                new String[] {"less_than", "<"},
                new String[] {"not_equals", "!="},
                new String[] {"equals", "=="},
                new String[] {"not_exists", "!exists"},
                new String[] {"!exists", "!exists"},
                new String[] {"exists", "exists"},
                new String[] {"not_in", "!in"},
                new String[] {"!in", "!in"},
                new String[] {"in", "in"},
                new String[] {"not_matches", "!~"},
                new String[] {"matches", "=~"},
                new String[] {"==", "=="},
                new String[] {"!=", "!="},
                new String[] {">=", ">="},
                new String[] {"<=", "<="},
                new String[] {"=~", "=~"},
                new String[] {"!~", "!~"},
                new String[] {">", ">"},
                new String[] {"<", "<"});

        String operator() {
            for (String[] o : OPERATORS) {
                if (take(o[0])) {
                    return o[1];
                }
            }
            throw error("an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~) expected");
        }

        List<String> list() {
            if (!take("[")) {
                throw error("an argument list [a, b, ...] expected");
            }
            List<String> values = new ArrayList<>();
            do {
                values.add(value());
            } while (take(","));
            if (!take("]")) {
                throw error("']' expected");
            }
            return values;
        }

        String value() {
            skipSpace();
            if (atEnd()) {
                throw error("an argument expected");
            }
            char c = s.charAt(pos);
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, pos + 1);
                if (end < 0) {
                    throw error("unterminated quoted argument");
                }
                String v = s.substring(pos + 1, end);
                pos = end + 1;
                return v;
            }
            int start = pos;
            while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && "()[],".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                throw error("an argument expected");
            }
            return s.substring(start, pos);
        }

        private static boolean isSubjectChar(char c) {
            return Character.isLetterOrDigit(c) || "_.:-/\\@".indexOf(c) >= 0;
        }
    }

    /** What an expression's subject reads from a container instance. */
    private abstract static class Subject {
        static Subject of(String name) {
            if (name.startsWith("attribute:") && name.length() > "attribute:".length()) {
                String attribute = name.substring("attribute:".length());
                return new Subject() {
                    @Override
                    boolean exists(ContainerInstanceRecord ci) {
                        return ci.attributes.containsKey(attribute);
                    }

                    @Override
                    List<String> values(ContainerInstanceRecord ci) {
                        String v = ci.attributes.get(attribute);
                        return v == null ? List.of() : List.of(v);
                    }
                };
            }
            return switch (name) {
                case "ec2InstanceId" -> simple(ci -> ci.ec2InstanceId);
                case "agentConnected" -> simple(ci -> Boolean.toString(ci.agentConnected));
                case "agentVersion" ->
                    new Simple(ci -> ci.versionInfo.agentVersion()) {
                        @Override
                        Comparable<Object> comparable(String value, Parser errors) {
                            return version(value, errors);
                        }
                    };
                case "registeredAt" ->
                    new Simple(ci -> ci.registeredAt.toString()) {
                        @Override
                        Comparable<Object> comparable(String value, Parser errors) {
                            return instant(value, errors);
                        }
                    };
                case "runningTasksCount" -> simple(ci -> Integer.toString(ci.runningTasksCount()));
                case "task:group" ->
                    new Subject() {
                        @Override
                        boolean exists(ContainerInstanceRecord ci) {
                            return !ci.groups.isEmpty();
                        }

                        @Override
                        List<String> values(ContainerInstanceRecord ci) {
                            return List.copyOf(ci.groups.keySet());
                        }
                    };
                default -> null;
            };
        }

        abstract boolean exists(ContainerInstanceRecord ci);

        abstract List<String> values(ContainerInstanceRecord ci);

        boolean anyValue(ContainerInstanceRecord ci, Predicate<String> test) {
            for (String v : values(ci)) {
                if (test.test(v)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The value as something ordered: a number when it is one, else the string. {@code errors} is null when
         * reading an instance's value (which never fails), else the parser to blame for a bad argument.
         */
        @SuppressWarnings("unchecked")
        Comparable<Object> comparable(String value, Parser errors) {
            try {
                return (Comparable<Object>) (Comparable<?>) Double.valueOf(value);
            } catch (NumberFormatException e) {
                return (Comparable<Object>) (Comparable<?>) value;
            }
        }

        private static Subject simple(Function<ContainerInstanceRecord, String> read) {
            return new Simple(read);
        }

        @SuppressWarnings("unchecked")
        static Comparable<Object> version(String value, Parser errors) {
            String[] parts = value.split("\\.");
            long[] numbers = new long[3];
            try {
                for (int i = 0; i < Math.min(parts.length, 3); i++) {
                    numbers[i] = Long.parseLong(parts[i]);
                }
            } catch (NumberFormatException e) {
                if (errors != null) {
                    throw errors.error("'" + value + "' is not an agent version such as 1.14.5");
                }
                return null;
            }
            long key = numbers[0] * 1_000_000_000_000L + numbers[1] * 1_000_000L + numbers[2];
            return (Comparable<Object>) (Comparable<?>) Long.valueOf(key);
        }

        @SuppressWarnings("unchecked")
        static Comparable<Object> instant(String value, Parser errors) {
            Instant result;
            try {
                if (value.length() == 10) {
                    result = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } else if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                    result =
                            OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
                } else {
                    result = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                }
            } catch (DateTimeParseException e) {
                if (errors != null) {
                    throw errors.error("'" + value + "' is not a date such as 2018-06-18T22:28:28+00:00, "
                            + "2018-06-18T22:28:28Z, 2018-06-18T22:28:28 or 2018-06-18");
                }
                return null;
            }
            return (Comparable<Object>) (Comparable<?>) result;
        }
    }

    /** A subject with exactly one value per instance. */
    private static class Simple extends Subject {
        private final Function<ContainerInstanceRecord, String> read;

        Simple(Function<ContainerInstanceRecord, String> read) {
            this.read = read;
        }

        @Override
        boolean exists(ContainerInstanceRecord ci) {
            return read.apply(ci) != null;
        }

        @Override
        List<String> values(ContainerInstanceRecord ci) {
            String v = read.apply(ci);
            return v == null ? List.of() : List.of(v);
        }
    }
}
