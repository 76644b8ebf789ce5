package dev.drydock.cloudwatch.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;

/**
 * CloudWatch's errors: the query-protocol codes of the SDK's exception shapes ({@code InvalidParameterValue},
 * {@code InvalidParameterCombination}, {@code MissingParameter}, {@code ResourceNotFound}, {@code InvalidFormat},
 * {@code InvalidNextToken}: HTTP 400, ResourceNotFound 404), as the API reference lists them per operation
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html and each operation's Errors
 * section). Where AWS's exact wording is not documented, the message says what is wrong and how to fix it.
 */
public final class CloudWatchErrors {

    /** DescribeAlarms' and DescribeAlarmHistory's paging: MaxRecords 1 to 100 (default 50), an opaque token. */
    public static final Paginator RECORDS = Paginator.builder(50)
            .maxPageSize(100)
            .pageSizeError(
                    size -> invalidValue("The parameter MaxRecords must be between 1 and 100; it is " + size + "."))
            .tokenError(token -> invalidNextToken())
            .build();

    /** ListMetrics' paging: 500 metrics a page (ListMetrics' API reference), an opaque token. */
    public static final Paginator METRICS = Paginator.builder(500)
            .maxPageSize(500)
            .pageSizeError(size -> invalidValue("The page size must be between 1 and 500; it is " + size + "."))
            .tokenError(token -> invalidNextToken())
            .build();

    private CloudWatchErrors() {}

    public static AwsException invalidValue(String message) {
        return AwsException.client("InvalidParameterValue", message);
    }

    public static AwsException invalidCombination(String message) {
        return AwsException.client("InvalidParameterCombination", message);
    }

    public static AwsException missingParameter(String message) {
        return AwsException.client("MissingParameter", message);
    }

    public static AwsException validation(String message) {
        return AwsException.client("ValidationError", message);
    }

    public static AwsException resourceNotFound(String message) {
        return new AwsException("ResourceNotFound", 404, message);
    }

    public static AwsException invalidFormat(String message) {
        return AwsException.client("InvalidFormat", message);
    }

    public static AwsException invalidNextToken() {
        return AwsException.client("InvalidNextToken", "The service returned an invalid token.");
    }
}
