package dev.drydock.core.internal.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an operation handler knows about the call it serves.
 *
 * @param requestId the request id answered in {@code x-amzn-RequestId}
 * @param service the service the call addresses
 * @param operation the operation name, e.g. {@code RunTask}
 * @param caller the authenticated principal
 * @param sourceIp the client's IP address
 * @param secureTransport whether the request came over TLS (never, for now)
 * @param receivedAt when the request arrived
 * @param authorizer decides IAM authorization for this call
 */
public record CallContext(
        String requestId,
        AwsService service,
        String operation,
        Caller caller,
        String sourceIp,
        boolean secureTransport,
        Instant receivedAt,
        Authorizer authorizer) {

    /** Authorizes {@code action} on {@code resource}; throws {@code AccessDeniedException} when denied. */
    public void authorize(String action, String resource, Map<String, List<String>> conditionKeys) {
        authorizer.authorize(this, action, resource, conditionKeys);
    }

    /** Authorizes {@code action} on {@code resource} with no service-specific condition keys. */
    public void authorize(String action, String resource) {
        authorizer.authorize(this, action, resource, Map.of());
    }
}
