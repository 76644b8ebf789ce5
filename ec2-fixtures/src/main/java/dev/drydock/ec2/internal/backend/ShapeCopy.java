package dev.drydock.ec2.internal.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Copies an SDK shape into another of the same members by member name, recursively: EC2's request shapes
 * ({@code RequestLaunchTemplateData}, {@code LaunchTemplateIamInstanceProfileSpecificationRequest}, ...) into the
 * response shapes AWS answers with ({@code ResponseLaunchTemplateData}, ...), whose members are named alike. A member
 * the target does not have, or of another type, is left out.
 */
final class ShapeCopy {
    private ShapeCopy() {}

    /** {@code from}'s members into a new shape built by {@code toBuilder} (an SDK builder). */
    static <T> T copy(SdkPojo from, SdkPojo toBuilder, Class<T> type) {
        return type.cast(copyInto(from, toBuilder));
    }

    /** {@code from}'s present members set on {@code toBuilder}, which is then built. */
    static Object copyInto(SdkPojo from, SdkPojo toBuilder) {
        Map<String, SdkField<?>> source = new HashMap<>();
        for (SdkField<?> f : from.sdkFields()) {
            source.put(f.memberName(), f);
        }
        for (SdkField<?> target : toBuilder.sdkFields()) {
            SdkField<?> s = source.get(target.memberName());
            if (s == null) {
                continue;
            }
            Object value = s.getValueOrDefault(from);
            if (absent(value)) {
                continue;
            }
            Object converted = convert(value, s, target);
            if (converted != null) {
                target.set(toBuilder, converted);
            }
        }
        return ((SdkBuilder<?, ?>) toBuilder).build();
    }

    static boolean absent(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    private static Object convert(Object value, SdkField<?> source, SdkField<?> target) {
        MarshallingKnownType t = target.marshallingType().getKnownType();
        MarshallingKnownType s = source.marshallingType().getKnownType();
        if (t != s) {
            return null;
        }
        switch (t) {
            case SDK_POJO:
                return copyInto((SdkPojo) value, target.constructor().get());
            case LIST: {
                SdkField<?> sm = source.getTrait(ListTrait.class).memberFieldInfo();
                SdkField<?> tm = target.getTrait(ListTrait.class).memberFieldInfo();
                List<Object> out = new ArrayList<>();
                for (Object e : (List<?>) value) {
                    Object c = e == null ? null : convert(e, sm, tm);
                    if (c != null) {
                        out.add(c);
                    }
                }
                return out;
            }
            case MAP:
                return null;
            default:
                return value;
        }
    }
}
