package dev.drydock.core.spi;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads any service's SDK tag shape ({@code Tag} with {@code key()} and {@code value()}). */
final class SdkTags {
    private SdkTags() {}

    /** The member {@code key} or {@code value} of an SDK tag shape. */
    static String member(Object sdkTag, String name) {
        try {
            return (String) sdkTag.getClass().getMethod(name).invoke(sdkTag);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | ClassCastException e) {
            throw new IllegalArgumentException(sdkTag.getClass().getName() + " is not an SDK tag shape", e);
        }
    }

    /** The tags as an ordered map, key to value (a missing value as {@code ""}); empty for null. */
    static Map<String, String> toMap(List<?> sdkTags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (sdkTags != null) {
            for (Object t : sdkTags) {
                String value = member(t, "value");
                map.put(member(t, "key"), value == null ? "" : value);
            }
        }
        return map;
    }
}
