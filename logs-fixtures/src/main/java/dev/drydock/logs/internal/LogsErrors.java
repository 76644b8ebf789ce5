package dev.drydock.logs.internal;

import dev.drydock.core.internal.protocol.AwsException;

/**
 * The CloudWatch Logs errors Drydock answers, with CloudWatch Logs' codes and messages (Amazon CloudWatch Logs API
 * Reference, "Errors" of each operation, e.g.
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html#API_PutLogEvents_Errors).
 */
public final class LogsErrors {
    private LogsErrors() {}

    public static AwsException groupNotFound() {
        return AwsException.client("ResourceNotFoundException", "The specified log group does not exist.");
    }

    public static AwsException streamNotFound() {
        return AwsException.client("ResourceNotFoundException", "The specified log stream does not exist.");
    }

    public static AwsException resourceNotFound() {
        return AwsException.client("ResourceNotFoundException", "The specified resource does not exist.");
    }

    public static AwsException groupExists() {
        return AwsException.client("ResourceAlreadyExistsException", "The specified log group already exists");
    }

    public static AwsException streamExists() {
        return AwsException.client("ResourceAlreadyExistsException", "The specified log stream already exists");
    }

    public static AwsException invalidParameter(String message) {
        return AwsException.client("InvalidParameterException", message);
    }

    public static AwsException invalidToken() {
        return AwsException.client("InvalidParameterException", "The specified nextToken is invalid.");
    }

    public static AwsException tooManyTags() {
        return AwsException.client("TooManyTagsException", "A resource can only have 50 tags.");
    }

    public static AwsException validation(String message) {
        return AwsException.client("ValidationException", message);
    }
}
