package dev.drydock.core.internal.service;

import dev.drydock.core.internal.protocol.AwsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * The constraints of a service's model (required members, string and list lengths, numeric ranges, patterns, enum
 * values) checked on every request before its handler runs, answered as AWS's request validation answers them: one
 * error naming each violation, e.g. {@code 1 validation error detected: Value 'x...' at 'name' failed to satisfy
 * constraint: Member must have length less than or equal to 512} (member paths start lower case; list elements are
 * {@code tags.1.member.key}, 1-based).
 *
 * <p>The SDK's model classes carry no constraints and, for these services, no required traits, so each service
 * declares the ones it checks, taken from its botocore model (service-2.json). Constraints are declared by member
 * name for the whole service (the models use one shape per member name almost everywhere), by
 * {@code <parent>.<member>} for a member of a nested structure or list element (e.g. {@code Tags.Key}, which wins over
 * a plain {@code Key}), and may be overridden for one request type. Immutable and thread-safe once built; use it as
 * {@link JsonService.Builder#requestCheck}.
 */
public final class RequestConstraints implements Consumer<SdkPojo> {
    private final String errorCode;
    private final Map<Class<?>, List<String>> required;
    private final Map<String, Constraint> byMember;
    private final Map<Class<?>, Map<String, Constraint>> byRequest;
    private final Set<String> sensitive;
    private final Set<String> requiredNested;

    private RequestConstraints(Builder b) {
        this.errorCode = b.errorCode;
        this.required = Map.copyOf(b.required);
        this.byMember = Map.copyOf(b.byMember);
        Map<Class<?>, Map<String, Constraint>> copy = new HashMap<>();
        b.byRequest.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        this.byRequest = Map.copyOf(copy);
        this.sensitive = Set.copyOf(b.sensitive);
        this.requiredNested = Set.copyOf(b.requiredNested);
    }

    /**
     * Starts a set of constraints.
     *
     * @param errorCode the error the service answers for a violation: {@code ValidationException} for most JSON
     *     services, {@code InvalidParameterException} for CloudWatch Logs
     */
    public static Builder builder(String errorCode) {
        return new Builder(errorCode);
    }

    /**
     * Checks a request.
     *
     * @throws AwsException the service's validation error (HTTP 400) listing every violation
     */
    @Override
    public void accept(SdkPojo request) {
        List<String> violations = new ArrayList<>();
        for (String member : required.getOrDefault(request.getClass(), List.of())) {
            SdkField<?> field = field(request, member);
            Object value = field == null ? null : field.getValueOrDefault(request);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                violations.add("Value null at '" + lowerFirst(member) + "' failed to satisfy constraint: Member must "
                        + "not be null");
            }
        }
        Map<String, Constraint> overrides = byRequest.getOrDefault(request.getClass(), Map.of());
        check(request, "", null, overrides, violations);
        if (!violations.isEmpty()) {
            throw AwsException.client(errorCode, message(violations));
        }
    }

    /** AWS's wording for a list of violations. */
    public static String message(List<String> violations) {
        return violations.size() + " validation error" + (violations.size() == 1 ? "" : "s") + " detected: "
                + String.join("; ", violations);
    }

    private void check(
            SdkPojo pojo, String prefix, String parent, Map<String, Constraint> overrides, List<String> out) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            String name = field.locationName();
            String path = prefix + lowerFirst(name);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                if (parent != null && requiredNested.contains(parent + "." + name)) {
                    out.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            Constraint c = parent != null && byMember.containsKey(parent + "." + name)
                    ? byMember.get(parent + "." + name)
                    : overrides.containsKey(name) ? overrides.get(name) : byMember.get(name);
            if (c != null) {
                c.check(value, path, sensitive.contains(name), out);
            }
            nested(field, value, path, name, overrides, out);
        }
    }

    private void nested(
            SdkField<?> field, Object value, String path, String name, Map<String, Constraint> o, List<String> out) {
        if (value instanceof SdkPojo nested) {
            check(nested, path + ".", name, o, out);
        } else if (value instanceof List<?> list
                && field.getOptionalTrait(ListTrait.class).isPresent()) {
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            int i = 1;
            for (Object element : list) {
                if (element instanceof SdkPojo p) {
                    check(p, path + "." + i + ".member.", name, o, out);
                } else if (element != null) {
                    nested(member, element, path + "." + i + ".member", name, o, out);
                }
                i++;
            }
        } else if (value instanceof Map<?, ?> map
                && field.getOptionalTrait(MapTrait.class).isPresent()) {
            for (Object element : map.values()) {
                if (element instanceof SdkPojo p) {
                    check(p, path + ".", name, o, out);
                }
            }
        }
    }

    private static SdkField<?> field(SdkPojo pojo, String member) {
        for (SdkField<?> f : pojo.sdkFields()) {
            if (f.locationName().equals(member)) {
                return f;
            }
        }
        throw new IllegalArgumentException(pojo.getClass().getSimpleName() + " has no member " + member);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** One member's constraints; {@code null} parts are not checked. */
    private record Constraint(Long min, Long max, Pattern pattern, List<String> values) {
        void check(Object value, String path, boolean sensitive, List<String> out) {
            String shown = value instanceof String s && !sensitive ? "Value '" + s + "' at '" : "Value at '";
            String at = shown + path + "' failed to satisfy constraint: Member must ";
            long size;
            if (value instanceof String s) {
                size = s.codePointCount(0, s.length());
            } else if (value instanceof SdkBytes b) {
                size = b.asByteArrayUnsafe().length;
            } else if (value instanceof Collection<?> c) {
                size = c.size();
            } else if (value instanceof Map<?, ?> m) {
                size = m.size();
            } else if (value instanceof Number n) {
                long v = n.longValue();
                if (min != null && v < min) {
                    out.add("Value '" + v + "' at '" + path + "' failed to satisfy constraint: Member must have value "
                            + "greater than or equal to " + min);
                } else if (max != null && v > max) {
                    out.add("Value '" + v + "' at '" + path + "' failed to satisfy constraint: Member must have value "
                            + "less than or equal to " + max);
                }
                return;
            } else {
                return;
            }
            if (min != null && size < min) {
                out.add(at + "have length greater than or equal to " + min);
            } else if (max != null && size > max) {
                out.add(at + "have length less than or equal to " + max);
            } else if (pattern != null
                    && value instanceof String s
                    && !pattern.matcher(s).matches()) {
                out.add(at + "satisfy regular expression pattern: " + pattern.pattern());
            } else if (values != null && value instanceof String s && !values.contains(s)) {
                out.add(at + "satisfy enum value set: [" + String.join(", ", values) + "]");
            }
        }
    }

    /** Builds {@link RequestConstraints}. */
    public static final class Builder {
        private final String errorCode;
        private final Map<Class<?>, List<String>> required = new LinkedHashMap<>();
        private final Map<String, Constraint> byMember = new LinkedHashMap<>();
        private final Map<Class<?>, Map<String, Constraint>> byRequest = new LinkedHashMap<>();
        private final List<String> sensitive = new ArrayList<>();
        private final List<String> requiredNested = new ArrayList<>();

        private Builder(String errorCode) {
            this.errorCode = errorCode;
        }

        /** The members {@code request} requires, by wire name (e.g. {@code SecretId}). */
        public Builder required(Class<? extends SdkPojo> request, String... members) {
            required.put(request, List.of(members));
            return this;
        }

        /**
         * Members a nested structure or list element requires, as {@code <parent>.<member>}, e.g.
         * {@code logEvents.timestamp}.
         */
        public Builder requiredNested(String... qualified) {
            requiredNested.addAll(List.of(qualified));
            return this;
        }

        /** Length (strings in characters, blobs in bytes, lists and maps in entries) of every member so named. */
        public Builder length(String member, long min, long max) {
            byMember.put(member, merge(byMember.get(member), new Constraint(min, max, null, null)));
            return this;
        }

        /** Like {@link #length(String, long, long)}, with a pattern the whole value must match. */
        public Builder length(String member, long min, long max, String pattern) {
            byMember.put(member, merge(byMember.get(member), new Constraint(min, max, Pattern.compile(pattern), null)));
            return this;
        }

        /** The numeric range of every member so named. */
        public Builder range(String member, long min, long max) {
            return length(member, min, max);
        }

        /** The values an enum member may take. */
        public Builder oneOf(String member, String... values) {
            byMember.put(member, merge(byMember.get(member), new Constraint(null, null, null, List.of(values))));
            return this;
        }

        /** A constraint for {@code member} in one request type only (lengths, then optionally a pattern). */
        public Builder length(Class<? extends SdkPojo> request, String member, long min, long max) {
            byRequest
                    .computeIfAbsent(request, k -> new LinkedHashMap<>())
                    .put(member, new Constraint(min, max, null, null));
            return this;
        }

        /** Members whose values AWS does not echo in its messages (secret values, plaintexts). */
        public Builder sensitive(String... members) {
            sensitive.addAll(List.of(members));
            return this;
        }

        private static Constraint merge(Constraint old, Constraint add) {
            if (old == null) {
                return add;
            }
            return new Constraint(
                    add.min != null ? add.min : old.min,
                    add.max != null ? add.max : old.max,
                    add.pattern != null ? add.pattern : old.pattern,
                    add.values != null ? add.values : old.values);
        }

        public RequestConstraints build() {
            return new RequestConstraints(this);
        }
    }

    @Override
    public String toString() {
        return "RequestConstraints[" + errorCode.toLowerCase(Locale.ROOT) + ", " + byMember.size() + " members]";
    }
}
