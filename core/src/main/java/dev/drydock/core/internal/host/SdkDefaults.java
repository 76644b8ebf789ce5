package dev.drydock.core.internal.host;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS SDK's system properties that make clients built from the SDK defaults ({@code EcsClient.create()}) reach a
 * Drydock instance, and setting them until a handle is closed.
 */
public final class SdkDefaults {
    private SdkDefaults() {}

    /**
     * The endpoint ({@code aws.endpointUrl} and the service-specific {@code aws.endpointUrl<Service>} properties,
     * which take precedence over {@code AWS_ENDPOINT_URL_*} environment variables), the region and the credentials.
     *
     * @param suffixes the services' endpoint property suffixes, e.g. {@code Ecs} for {@code aws.endpointUrlEcs}
     * @return the properties; a {@code null} value means the property is cleared (the session token)
     */
    public static Map<String, String> properties(
            URI endpoint, String region, String accessKeyId, String secretAccessKey, List<String> suffixes) {
        Map<String, String> p = new LinkedHashMap<>();
        String url = endpoint.toString();
        p.put("aws.endpointUrl", url);
        for (String suffix : suffixes) {
            p.put("aws.endpointUrl" + suffix, url);
        }
        p.put("aws.region", region);
        p.put("aws.accessKeyId", accessKeyId);
        p.put("aws.secretAccessKey", secretAccessKey);
        p.put("aws.sessionToken", null);
        return Collections.unmodifiableMap(p);
    }

    /**
     * Sets the properties (clearing those whose value is {@code null}) until the returned handle is closed, which
     * restores every property's previous value or absence.
     */
    public static AutoCloseable apply(Map<String, String> properties) {
        Map<String, String> previous = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            previous.put(k, System.getProperty(k));
            set(k, v);
        });
        return () -> previous.forEach(SdkDefaults::set);
    }

    private static void set(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
