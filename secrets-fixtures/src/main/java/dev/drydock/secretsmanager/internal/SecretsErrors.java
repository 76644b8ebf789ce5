package dev.drydock.secretsmanager.internal;

import dev.drydock.core.internal.protocol.AwsException;

/**
 * The AWS Secrets Manager errors Drydock answers, with Secrets Manager's codes and messages (AWS Secrets Manager API
 * Reference, "Errors" of each operation, e.g.
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html#API_GetSecretValue_Errors).
 */
public final class SecretsErrors {
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
