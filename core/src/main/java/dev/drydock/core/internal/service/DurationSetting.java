package dev.drydock.core.internal.service;

import dev.drydock.core.DrydockException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** A setting holding a positive duration: an ISO-8601 duration such as {@code PT1S} or {@code P1D}, or seconds. */
public final class DurationSetting {
    private DurationSetting() {}

    /**
     * The duration {@code key} holds, or {@code defaultValue}.
     *
     * @throws DrydockException when the value is not a positive duration, naming the setting and the forms it takes
     */
    public static Duration read(DrydockSettings settings, String key, Duration defaultValue) {
        String value = settings.get(key).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration d = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new DrydockException(
                "The setting " + key + " '" + value + "' is not a positive duration: use an ISO-8601 "
                        + "duration such as PT1S or P1D, or a number of seconds.");
    }
}
