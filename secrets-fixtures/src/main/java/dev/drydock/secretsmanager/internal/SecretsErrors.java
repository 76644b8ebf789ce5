package dev.drydock.secretsmanager.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import dev.drydock.core.spi.TagRules;

/**
 * The AWS Secrets Manager errors Drydock answers, with Secrets Manager's codes and messages (AWS Secrets Manager API
 * Reference, "Errors" of each operation, e.g.
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html#API_GetSecretValue_Errors).
 */
public final class SecretsErrors {
    /**
     * Secrets Manager's pagination: {@code MaxResults} (the model's range, 1-100, is checked before any handler; the
     * default page is 100) and an opaque {@code NextToken}, refused with {@code InvalidNextTokenException}.
     */
    public static final Paginator PAGINATOR = Paginator.builder(100)
            .maxPageSize(100)
            .pageSizeError(size -> invalidParameter("MaxResults must be between 1 and 100, not " + size + "."))
            .tokenError(token -> invalidNextToken())
            .build();

    /**
     * Secrets Manager's tag rules ("Tag secrets", https://docs.aws.amazon.com/secretsmanager/latest/userguide/
     * managing-secrets_tagging.html): at most 50 tags per secret, keys of 1-128 and values of at most 256 characters
     * (the model checks both first), no {@code aws:} prefix in any case.
     */
    public static final TagRules TAGS = TagRules.builder()
            .reservedPrefixIgnoresCase()
            .error(v -> invalidParameter(
                    switch (v.kind()) {
                        case TOO_MANY ->
                            "The request would give the secret " + v.count()
                                    + " tags; a secret can have at most 50 tags.";
                        case RESERVED_PREFIX -> "Invalid tag key: the aws: prefix is reserved for AWS use: " + v.key();
                        case KEY_LENGTH -> "A tag key must be 1 to 128 characters long: " + v.key();
                        case VALUE_LENGTH -> "A tag value must be at most 256 characters long: " + v.value();
                    }))
            .build();

    private SecretsErrors() {}

    public static AwsException notFound() {
        return AwsException.client("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    /** No version with that id or staging label: {@code ... secret value for VersionId: <id>}. */
    public static AwsException versionNotFound(String what) {
        return AwsException.client(
                "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for " + what);
    }

    public static AwsException exists(String name) {
        return AwsException.client(
                "ResourceExistsException", "The operation failed because the secret " + name + " already exists.");
    }

    public static AwsException versionExists() {
        return AwsException.client(
                "ResourceExistsException", "You can't modify an existing version, you can only create a new version.");
    }

    public static AwsException markedForDeletion() {
        return AwsException.client(
                "InvalidRequestException",
                "You can't perform this operation on the secret because it was marked for deletion.");
    }

    public static AwsException scheduledForDeletion() {
        return AwsException.client(
                "InvalidRequestException",
                "You can't create this secret because a secret with this name is already scheduled for deletion.");
    }

    public static AwsException invalidRequest(String message) {
        return AwsException.client("InvalidRequestException", message);
    }

    public static AwsException invalidParameter(String message) {
        return AwsException.client("InvalidParameterException", message);
    }

    public static AwsException invalidNextToken() {
        return AwsException.client("InvalidNextTokenException", "The NextToken value is invalid.");
    }

    public static AwsException malformedPolicy(String message) {
        return AwsException.client("MalformedPolicyDocumentException", message);
    }

    public static AwsException limitExceeded(String message) {
        return AwsException.client("LimitExceededException", message);
    }

    /** A secret under a KMS key the caller may not use ("Access to KMS is not allowed"). */
    public static AwsException kmsAccessDenied() {
        return AwsException.client("AccessDeniedException", "Access to KMS is not allowed");
    }
}
