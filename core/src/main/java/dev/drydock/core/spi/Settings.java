package dev.drydock.core.spi;

import dev.drydock.core.DrydockException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Drydock's configuration as a module reads it. A key such as {@code sandbox.image} is looked up, first hit wins, in:
 * values set on {@code Drydock.builder().setting(...)}; the system property {@code drydock.sandbox.image}; the
 * environment variable {@code DRYDOCK_SANDBOX_IMAGE}; the classpath file {@code drydock.properties} (key
 * {@code sandbox.image}). A module prefixes its keys with its name, e.g. {@code ecs.task-credentials-lifetime}.
 */
public interface Settings {

    /** The value of {@code key}, trimmed, if set anywhere and not blank. */
    Optional<String> get(String key);

    /** The value of {@code key}, or {@code defaultValue}. */
    default String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /**
     * The positive duration {@code key} holds, as an ISO-8601 duration ({@code PT6H}, {@code P1D}) or a number of
     * seconds, or {@code defaultValue} when it is not set.
     *
     * @throws dev.drydock.core.DrydockException when the value is not a positive duration, naming the setting and the
     *     forms it takes
     */
    default Duration duration(String key, Duration defaultValue) {
        String value = get(key).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration d = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // answered below
        }
        throw new DrydockException("The setting drydock." + key + " is '" + value + "', not a positive duration: use "
                + "an ISO-8601 duration such as PT6H or P1D, or a number of seconds.");
    }
}
