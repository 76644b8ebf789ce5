package dev.drydock.core.internal.service;

import dev.drydock.core.spi.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Drydock's configuration. A key such as {@code sandbox.image} is looked up, first hit wins, in: values set on the
 * builder; the system property {@code drydock.sandbox.image}; the environment variable
 * {@code DRYDOCK_SANDBOX_IMAGE}; the classpath file {@code drydock.properties} (key {@code sandbox.image}).
 */
public final class DrydockSettings implements Settings {
    private final Map<String, String> overrides;
    private final Properties file;

    public DrydockSettings(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
        this.file = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = DrydockSettings.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream("drydock.properties")) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read drydock.properties from the classpath", e);
        }
    }

    @Override
    public Optional<String> get(String key) {
        String v = overrides.get(key);
        if (v == null) {
            v = System.getProperty("drydock." + key);
        }
        if (v == null) {
            v = System.getenv(
                    "DRYDOCK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (v == null) {
            v = file.getProperty(key);
        }
        return Optional.ofNullable(v).map(String::trim).filter(s -> !s.isEmpty());
    }

    @Override
    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }
}
