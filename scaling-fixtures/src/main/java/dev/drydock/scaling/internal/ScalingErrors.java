package dev.drydock.scaling.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;

/**
 * Application Auto Scaling's errors (JSON protocol, HTTP 400): {@code ValidationException},
 * {@code ObjectNotFoundException}, {@code FailedResourceAccessException}, {@code InvalidNextTokenException}, as the API
 * reference lists them per operation
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/CommonErrors.html and each operation's Errors
 * section). ObjectNotFoundException's messages copy what the service answers ("No scalable target registered for
 * service namespace: ecs, resource ID: service/default/web, scalable dimension: ecs:service:DesiredCount").
 */
public final class ScalingErrors {

    /** The Describe* operations' paging: MaxResults 1 to 50 (default 50), an opaque NextToken. */
    public static final Paginator PAGINATOR = Paginator.builder(50)
            .maxPageSize(50)
            .pageSizeError(size -> validation("MaxResults must be between 1 and 50; got " + size + "."))
            .tokenError(token -> AwsException.client("InvalidNextTokenException", "The next token is not valid."))
            .build();

    private ScalingErrors() {}

    public static AwsException validation(String message) {
        return AwsException.client("ValidationException", message);
    }

    public static AwsException objectNotFound(String message) {
        return AwsException.client("ObjectNotFoundException", message);
    }

    public static AwsException failedResourceAccess(String message) {
        return AwsException.client("FailedResourceAccessException", message);
    }
}
