package dev.drydock.core.internal.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One shape of an AWS service model, as the request checks need it: its type, members (structures), element shapes
 * (lists, maps) and constraints ({@code min}/{@code max} length, size or value, {@code pattern}, {@code enum}), as
 * AWS's models state them. Shapes name other shapes by name; {@link ServiceModel#shape(String)} resolves them.
 */
public final class Shape {
    /** The shape types of AWS's models (Smithy's simple and aggregate types as the JSON models write them). */
    public enum Type {
        STRUCTURE,
        LIST,
        MAP,
        STRING,
        INTEGER,
        LONG,
        DOUBLE,
        FLOAT,
        BOOLEAN,
        BLOB,
        TIMESTAMP,
        DOCUMENT;

        /** Whether values are numbers (range constraints apply). */
        public boolean numeric() {
            return this == INTEGER || this == LONG || this == DOUBLE || this == FLOAT;
        }
    }

    private static final Map<String, Shape> PRIMITIVES = new LinkedHashMap<>();

    static {
        for (Type t : Type.values()) {
            if (t != Type.STRUCTURE && t != Type.LIST && t != Type.MAP) {
                String name = t.name().toLowerCase(Locale.ROOT);
                PRIMITIVES.put(name, new Shape(name, t));
            }
        }
    }

    private final String name;
    private final Type type;
    private Map<String, String> members = Map.of();
    private Set<String> required = Set.of();
    private String member;
    private String key;
    private String value;
    private BigDecimal min;
    private BigDecimal max;
    private String pattern;
    private volatile Pattern compiled;
    private volatile boolean compileFailed;
    private List<String> enumValues = List.of();
    private boolean sensitive;

    private Shape(String name, Type type) {
        this.name = name;
        this.type = type;
    }

    /**
     * The unconstrained primitive shape named by its type ({@code string}, {@code integer}, ...), as the tables name
     * members without constraints; null when {@code name} is not one.
     */
    static Shape primitive(String name) {
        return PRIMITIVES.get(name);
    }

    /** Reads a shape from its table entry (see {@code scripts/service-models.py}). */
    static Shape fromTable(String name, Map<?, ?> entry) {
        Shape s = new Shape(name, Type.valueOf(((String) entry.get("type")).toUpperCase(Locale.ROOT)));
        if (entry.get("members") instanceof Map<?, ?> m) {
            Map<String, String> members = new LinkedHashMap<>();
            m.forEach((k, v) -> members.put((String) k, (String) v));
            s.members = Collections.unmodifiableMap(members);
        }
        if (entry.get("required") instanceof List<?> r) {
            Set<String> required = new LinkedHashSet<>();
            r.forEach(x -> required.add((String) x));
            s.required = Collections.unmodifiableSet(required);
        }
        s.member = (String) entry.get("member");
        s.key = (String) entry.get("key");
        s.value = (String) entry.get("value");
        s.min = decimal(entry.get("min"));
        s.max = decimal(entry.get("max"));
        s.pattern = (String) entry.get("pattern");
        s.sensitive = Boolean.TRUE.equals(entry.get("sensitive"));
        if (entry.get("enum") instanceof List<?> e) {
            List<String> values = new ArrayList<>();
            e.forEach(x -> values.add((String) x));
            s.enumValues = List.copyOf(values);
        }
        return s;
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof BigDecimal d ? d : new BigDecimal(o.toString());
    }

    /** The shape's name in the model, e.g. {@code TagKey} (or the type name for unconstrained primitives). */
    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** A structure's members in model order: member name to shape name. */
    public Map<String, String> members() {
        return members;
    }

    /** A structure's required members. */
    public Set<String> required() {
        return required;
    }

    /** A list's element shape name. */
    public String member() {
        return member;
    }

    /** A map's key shape name. */
    public String key() {
        return key;
    }

    /** A map's value shape name. */
    public String value() {
        return value;
    }

    /** The minimum length (strings, blobs), size (lists, maps) or value (numbers), or null. */
    public BigDecimal min() {
        return min;
    }

    /** The maximum length, size or value, or null. */
    public BigDecimal max() {
        return max;
    }

    /** The regular expression a string must match as a whole, as the model writes it, or null. */
    public String pattern() {
        return pattern;
    }

    /**
     * The pattern compiled for Java, or null when there is none or Java cannot compile it (a few models use syntax
     * only their own validator reads; such a pattern is not checked).
     */
    public Pattern compiledPattern() {
        if (pattern == null || compileFailed) {
            return null;
        }
        Pattern p = compiled;
        if (p == null) {
            try {
                p = Pattern.compile(pattern);
                compiled = p;
            } catch (PatternSyntaxException e) {
                compileFailed = true;
                return null;
            }
        }
        return p;
    }

    /** The enum values a string must be one of (empty: any). */
    public List<String> enumValues() {
        return enumValues;
    }

    /** Whether values of this shape are secret (the model's {@code sensitive} trait): messages leave them out. */
    public boolean sensitive() {
        return sensitive;
    }

    /** Whether the shape constrains its values itself (not counting members or elements). */
    public boolean constrained() {
        return min != null || max != null || pattern != null || !enumValues.isEmpty();
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
