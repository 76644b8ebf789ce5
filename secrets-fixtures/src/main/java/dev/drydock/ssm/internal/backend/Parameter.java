package dev.drydock.ssm.internal.backend;

import java.util.List;

/**
 * One parameter, immutable: the {@link ParameterStore} replaces it on every change.
 *
 * @param name its name, e.g. {@code /app/db-url} or {@code db-url}
 * @param arn {@code arn:aws:ssm:<region>:<account>:parameter/app/db-url} ({@code parameter/db-url} for a name
 *     without a leading slash)
 * @param versions its versions, oldest first (at most 100)
 */
public record Parameter(String name, String arn, List<ParameterVersion> versions) {
    public Parameter {
        versions = List.copyOf(versions);
    }

    /** The latest version. */
    public ParameterVersion latest() {
        return versions.get(versions.size() - 1);
    }
}
