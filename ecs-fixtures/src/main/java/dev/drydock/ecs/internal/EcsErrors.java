package dev.drydock.ecs.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import java.util.Map;

/**
 * The ECS errors Drydock answers, with AWS's codes and messages. Messages copy what real ECS answers (collected from
 * AWS documentation and from real responses users reported); where AWS's text is unknown, they say plainly what is
 * wrong and how to fix it.
 */
public final class EcsErrors {
    /** ECS's own messages for required members that are missing, by member path. */
    private static final Map<String, AwsException> MISSING = Map.of(
            "family", AwsException.client("ClientException", "Family can not be blank."),
            "containerDefinitions", AwsException.client("ClientException", "Container list cannot be empty."),
            "tasks", AwsException.client("InvalidParameterException", "Tasks cannot be empty."),
            "services", AwsException.client("InvalidParameterException", "Services cannot be empty."));

    /**
     * ECS's pagination: {@code maxResults} 1-100 (default 100) and an opaque {@code nextToken}; a token ECS did not
     * issue, or one past the end of the list, is refused.
     */
    public static final Paginator PAGINATOR = Paginator.builder(100)
            .maxPageSize(100)
            .pageSizeError(size -> invalidParameter("maxResults must be between 1 and 100."))
            .tokenError(token -> invalidParameter("Invalid token " + token))
            .tokenPastEndFails()
            .build();

    private EcsErrors() {}

    public static AwsException clusterNotFound() {
        return AwsException.client("ClusterNotFoundException", "Cluster not found.");
    }

    public static AwsException serviceNotFound() {
        return AwsException.client("ServiceNotFoundException", "Service not found.");
    }

    public static AwsException serviceNotActive() {
        return AwsException.client("ServiceNotActiveException", "Service was not ACTIVE.");
    }

    public static AwsException invalidParameter(String message) {
        return AwsException.client("InvalidParameterException", message);
    }

    public static AwsException client(String message) {
        return AwsException.client("ClientException", message);
    }

    /**
     * A required member is missing. ECS answers a per-member message such as {@code Family can not be blank.};
     * members without a known message get the same form: {@code <member> can not be blank.}
     *
     * @param path the member's path, e.g. {@code taskDefinition} or {@code containerDefinitions.0.name}
     */
    public static AwsException missingMember(String path) {
        AwsException known = MISSING.get(path);
        if (known != null) {
            return new AwsException(known.errorCode(), known.httpStatus(), known.getMessage());
        }
        String member = path.substring(path.lastIndexOf('.') + 1);
        return invalidParameter(member + " can not be blank.");
    }
}
