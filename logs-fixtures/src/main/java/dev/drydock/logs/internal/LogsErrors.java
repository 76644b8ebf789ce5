package dev.drydock.logs.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import dev.drydock.core.spi.TagRules;
import dev.drydock.core.spi.ValidationStyle;

/**
 * The CloudWatch Logs errors Drydock answers, with CloudWatch Logs' codes and messages (Amazon CloudWatch Logs API
 * Reference, "Errors" of each operation, e.g.
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutLogEvents.html#API_PutLogEvents_Errors).
 */
public final class LogsErrors {
    /**
     * How CloudWatch Logs answers requests that break its model: AWS's common message ("1 validation error detected:
     * Value '...' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern:
     * [\\.\\-_/#A-Za-z0-9]+") as {@code InvalidParameterException}, the code CloudWatch Logs answers validation with.
     */
    public static final ValidationStyle VALIDATION = ValidationStyle.awsValidation("InvalidParameterException");

    /**
     * CloudWatch Logs' pagination: {@code limit} (the model's range per operation is checked before any handler; each
     * operation gives its default page with {@link Paginator#withDefaultPageSize}) and an opaque {@code nextToken},
     * refused with {@code InvalidParameterException}.
     */
    public static final Paginator PAGINATOR = Paginator.builder(50)
            .maxPageSize(10_000)
            .pageSizeError(size -> invalidParameter("1 validation error detected: Value '" + size + "' at 'limit' "
                    + "failed to satisfy constraint: Member must have value less than or equal to 10000"))
            .tokenError(token -> invalidToken())
            .build();

    /**
     * CloudWatch Logs' tag rules ("Tag log groups in CloudWatch Logs",
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/log-group-tagging.html): at most 50 per log group
     * ({@code TooManyTagsException}), keys and values within the model's lengths and patterns (checked first), no
     * {@code aws:} prefix.
     */
    public static final TagRules TAGS = TagRules.builder()
            .reservedPrefixIgnoresCase()
            .error(v -> switch (v.kind()) {
                case TOO_MANY -> tooManyTags();
                case RESERVED_PREFIX ->
                    invalidParameter("Tag keys beginning with aws: are reserved for AWS use: " + v.key());
                case KEY_LENGTH, VALUE_LENGTH ->
                    invalidParameter("Tag keys must be 1 to 128 and tag values at most " + "256 characters long.");
            })
            .build();

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
