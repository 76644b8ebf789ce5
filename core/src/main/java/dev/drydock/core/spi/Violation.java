package dev.drydock.core.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One way a request breaks its service model's constraints, with what AWS's request validation says about it:
 * {@code Value 'x' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal
 * to 128}.
 *
 * @param path the member's path as AWS's validation messages write it: member names with the first letter in lower
 *     case, list elements as {@code <list>.<n>.member} (from 1), map entries as {@code <map>.<key>}
 * @param memberPath the member names alone, as the model spells them, joined by dots ({@code tags.key})
 * @param value the offending value (a list or map for {@link Kind#ELEMENT}, {@link Kind#MAP_KEY} and
 *     {@link Kind#MAP_VALUE}), null for {@link Kind#MISSING}
 * @param kind what is wrong
 * @param constraint AWS's words for the constraint, e.g. {@code Member must not be null}
 * @param allowedValues the enum values the member may take (empty when the model lists none)
 * @param list whether the member is a list (a missing list reads "can not be empty" in some services' words)
 * @param element for {@link Kind#ELEMENT}, {@link Kind#MAP_KEY} and {@link Kind#MAP_VALUE}: the first element, key or
 *     value at fault, as its own violation; else null
 * @param sensitive whether the model marks the value secret ({@code SecretString}, a password): messages then leave it
 *     out, as AWS's do ({@code Value at 'secretString' failed to satisfy constraint: ...})
 */
public record Violation(
        String path,
        String memberPath,
        Object value,
        Kind kind,
        String constraint,
        List<String> allowedValues,
        boolean list,
        Violation element,
        boolean sensitive) {

    /** The longest value a message repeats; longer ones end in {@code ...}. */
    public static final int MAX_VALUE_IN_MESSAGE = 1000;

    public Violation {
        allowedValues = List.copyOf(allowedValues);
    }

    /** What is wrong. */
    public enum Kind {
        /** A required member is absent (or, where the service says so, blank). */
        MISSING,
        /** A string, blob, list or map is longer than the model's {@code max}. */
        TOO_LONG,
        /** A string, blob, list or map is shorter than the model's {@code min}. */
        TOO_SHORT,
        /** A number is above the model's {@code max}. */
        TOO_LARGE,
        /** A number is below the model's {@code min}. */
        TOO_SMALL,
        /** A string does not match the model's {@code pattern}. */
        PATTERN,
        /** A string is not one of the model's {@code enum} values. */
        ENUM,
        /** A list element breaks its shape's constraints (see {@link Violation#element()}). */
        ELEMENT,
        /** A map key breaks its shape's constraints. */
        MAP_KEY,
        /** A map value breaks its shape's constraints. */
        MAP_VALUE
    }

    /**
     * AWS's sentence for this violation: {@code Value 'x' at 'path' failed to satisfy constraint: <constraint>}
     * ({@code Value null at ...} for a missing member, {@code Value at ...} for a sensitive one). Values longer than 1,000 characters are cut there and end in
     * {@code ...}.
     */
    public String message() {
        String shown = value == null ? "Value null" : sensitive ? "Value" : "Value '" + render(value) + "'";
        return shown + " at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    /** The last member name of the path, as the model spells it, e.g. {@code key} for {@code tags.key}. */
    public String memberName() {
        return memberPath.substring(memberPath.lastIndexOf('.') + 1);
    }

    /** A value as AWS's messages show it: strings as they are, lists {@code [a, b]}, maps {@code {k=v}}. */
    public static String render(Object value) {
        String text;
        if (value instanceof Collection<?> c) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : c) {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(o);
                if (b.length() > MAX_VALUE_IN_MESSAGE) {
                    break;
                }
            }
            text = b.append(']').toString();
        } else if (value instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(e.getKey()).append('=').append(e.getValue());
                if (b.length() > MAX_VALUE_IN_MESSAGE) {
                    break;
                }
            }
            text = b.append('}').toString();
        } else {
            text = String.valueOf(value);
        }
        return text.length() > MAX_VALUE_IN_MESSAGE ? text.substring(0, MAX_VALUE_IN_MESSAGE) + "..." : text;
    }
}
