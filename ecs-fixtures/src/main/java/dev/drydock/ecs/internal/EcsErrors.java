package dev.drydock.ecs.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import dev.drydock.core.spi.ValidationStyle;
import dev.drydock.core.spi.Violation;
import java.util.List;
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

    /**
     * ListAccountSettings' pagination: {@code maxResults} 1-10, default 10
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListAccountSettings.html), otherwise as
     * {@link #PAGINATOR}.
     */
    public static final Paginator ACCOUNT_SETTINGS_PAGINATOR = Paginator.builder(10)
            .maxPageSize(10)
            .pageSizeError(size -> invalidParameter("maxResults must be between 1 and 10."))
            .tokenError(token -> invalidParameter("Invalid token " + token))
            .tokenPastEndFails()
            .build();

    /**
     * DescribeCapacityProviders' pagination: the same limits, {@code maxResults} 1-10, default 10
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeCapacityProviders.html).
     */
    public static final Paginator CAPACITY_PROVIDERS_PAGINATOR = ACCOUNT_SETTINGS_PAGINATOR;

    /**
     * How ECS answers requests that break its model: not with AWS's common {@code ValidationException} but with its
     * own {@code ClientException} and {@code InvalidParameterException} ("Tasks cannot be empty.", "Cluster must match
     * ^[a-zA-Z0-9\-_]{1,255}$, but was ...", as users quote them), one error at a time. A required member that is
     * blank (an empty string or list) is missing, as ECS's "can not be blank" says. The number of tags and the length of
     * their keys and values are left to {@link EcsRequestChecks}, which words ECS's tag limits (their pattern is the
     * model's). PutClusterCapacityProviders takes empty lists, as its page asks.
     */
    public static final ValidationStyle VALIDATION = ValidationStyle.custom(EcsErrors::validation)
            .withBlankRequiredMembersMissing()
            .withHandlerCheck("*", "tags", Violation.Kind.TOO_LONG)
            .withHandlerCheck("*", "tags.key", Violation.Kind.TOO_LONG, Violation.Kind.TOO_SHORT)
            .withHandlerCheck("*", "tags.value", Violation.Kind.TOO_LONG)
            // "you must specify an empty array ([]) to bypass defining a default strategy"; an empty list of
            // providers disassociates them all (API_PutClusterCapacityProviders)
            .withBlankAllowed("PutClusterCapacityProviders", "capacityProviders")
            .withBlankAllowed("PutClusterCapacityProviders", "defaultCapacityProviderStrategy");

    private EcsErrors() {}

    /**
     * ECS's answer to the first of {@code violations}: a missing member as {@link #missingMember(String)}; an unknown
     * enum value as {@code Invalid include 'BOGUS'. Valid values: TAGS.}; anything else with AWS's sentence for it.
     */
    static AwsException validation(List<Violation> violations) {
        Violation v = violations.get(0);
        Violation at = v.element() != null ? v.element() : v;
        switch (at.kind()) {
            case MISSING:
                if (v.element() != null) {
                    return invalidParameter(v.message());
                }
                return v.list() && !MISSING.containsKey(v.memberPath())
                        ? invalidParameter(v.memberName() + " can not be empty.")
                        : missingMember(v.memberPath());
            case ENUM:
                return invalidParameter("Invalid " + v.memberPath() + " '" + at.value() + "'. Valid values: "
                        + String.join(", ", at.allowedValues()) + ".");
            default:
                return invalidParameter(v.message());
        }
    }

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
