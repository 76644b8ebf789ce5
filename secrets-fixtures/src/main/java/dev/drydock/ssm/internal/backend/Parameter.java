package dev.drydock.ssm.internal.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parameter, immutable: the {@link ParameterStore} replaces it on every change.
 *
 * @param name its name, e.g. {@code /app/db-url} or {@code db-url}
 * @param arn {@code arn:aws:ssm:<region>:<account>:parameter/app/db-url} ({@code parameter/db-url} for a name
 *     without a leading slash)
 * @param versions its versions, oldest first (at most 100)
 * @param tags its tags, in the order they were added
 */
public record Parameter(String name, String arn, List<ParameterVersion> versions, Map<String, String> tags) {
    public Parameter {
        versions = List.copyOf(versions);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The latest version. */
    public ParameterVersion latest() {
        return versions.get(versions.size() - 1);
    }
}
