package dev.drydock.ecr.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import dev.drydock.core.spi.ValidationStyle;
import dev.drydock.core.spi.Violation;
import java.util.List;

/**
 * The ECR errors Drydock answers, with AWS's codes (the SDK's exception shape names) and ECR's messages, which name
 * the repository and the registry (account) id.
 */
public final class EcrErrors {
    /**
     * ECR's pagination: {@code maxResults} 1-1000 (default 100) and an opaque {@code nextToken}, refused in the words
     * of ECR's request validation.
     */
    public static final Paginator PAGINATOR = Paginator.builder(100)
            .maxPageSize(1000)
            .pageSizeError(size -> invalidParameter("Invalid parameter at 'maxResults' failed to satisfy constraint: "
                    + "'Member must have value less than or equal to 1000 and greater than or equal to 1'"))
            .tokenError(token -> invalidParameter(
                    "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid pagination token'"))
            .build();

    /**
     * How ECR answers requests that break its model: missing members with AWS's common validation error
     * ({@code ValidationException}, "1 validation error detected: Value null at 'repositoryName' failed to satisfy
     * constraint: Member must not be null"), every other constraint (length, size, pattern, enum, range) with ECR's
     * own {@code InvalidParameterException}, "Invalid parameter at 'imageTagMutability' failed to satisfy constraint:
     * 'Member must satisfy enum value set: [...]'", as ECR words its checks of repository names, tags, enums and
     * tokens.
     */
    public static final ValidationStyle VALIDATION = ValidationStyle.custom(EcrErrors::validation);

    private EcrErrors() {}

    static AwsException validation(List<Violation> violations) {
        List<Violation> missing = violations.stream()
                .filter(v -> v.kind() == Violation.Kind.MISSING)
                .toList();
        if (!missing.isEmpty()) {
            return validation(ValidationStyle.message(missing));
        }
        Violation v = violations.get(0);
        return invalidParameter(
                "Invalid parameter at '" + v.path() + "' failed to satisfy constraint: '" + v.constraint() + "'");
    }

    public static AwsException repositoryNotFound(String name, String registryId) {
        return AwsException.client(
                "RepositoryNotFoundException",
                "The repository with name '" + name + "' does not exist in the registry with id '" + registryId + "'");
    }

    public static AwsException repositoryAlreadyExists(String name, String registryId) {
        return AwsException.client(
                "RepositoryAlreadyExistsException",
                "The repository with name '" + name + "' already exists in the registry with id '" + registryId + "'");
    }

    public static AwsException repositoryNotEmpty(String name, String registryId) {
        return AwsException.client(
                "RepositoryNotEmptyException",
                "The repository with name '" + name + "' in registry with id '" + registryId
                        + "' cannot be deleted because it still contains images");
    }

    public static AwsException imageNotFound(String imageId, String name, String registryId) {
        return AwsException.client(
                "ImageNotFoundException",
                "The image with imageId " + imageId
                        + " does not exist within the repository with name '" + name + "' in the registry with id '"
                        + registryId + "'");
    }

    public static AwsException imageAlreadyExists(String digest, String tag, String name, String registryId) {
        return AwsException.client(
                "ImageAlreadyExistsException",
                "Image with digest '" + digest + "' and tag '"
                        + tag + "' already exists in the repository with name '" + name + "' in registry with id '"
                        + registryId + "'");
    }

    public static AwsException imageTagAlreadyExists(String tag, String name) {
        return AwsException.client(
                "ImageTagAlreadyExistsException",
                "The image tag '" + tag + "' already exists in " + "the '" + name
                        + "' repository and cannot be overwritten because the repository is immutable.");
    }

    public static AwsException repositoryPolicyNotFound(String name, String registryId) {
        return AwsException.client(
                "RepositoryPolicyNotFoundException",
                "Repository policy does not exist for the " + "repository with name '" + name
                        + "' in the registry with id '" + registryId + "'");
    }

    public static AwsException lifecyclePolicyNotFound(String name, String registryId) {
        return AwsException.client(
                "LifecyclePolicyNotFoundException",
                "Lifecycle policy does not exist for the " + "repository with name '" + name
                        + "' in the registry with id '" + registryId + "'");
    }

    public static AwsException invalidParameter(String message) {
        return AwsException.client("InvalidParameterException", message);
    }

    public static AwsException validation(String message) {
        return AwsException.client("ValidationException", message);
    }
}
