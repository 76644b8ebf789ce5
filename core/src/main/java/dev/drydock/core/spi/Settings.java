package dev.drydock.core.spi;

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
}
