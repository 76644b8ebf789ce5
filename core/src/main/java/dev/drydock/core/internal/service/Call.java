package dev.drydock.core.internal.service;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@link CallContext} core gives handlers: one per request (or administrator call, or a decision a service makes
 * outside an API call, such as a registry pull or a mount).
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
public record Call(
        String requestId,
        AwsService service,
        String operation,
        Caller caller,
        String sourceIp,
        boolean secureTransport,
        Instant receivedAt,
        Authorizer authorizer)
        implements CallContext {

    /** The call an HTTP request makes (over plain HTTP: {@code aws:SecureTransport} is false). */
    static Call forRequest(
            String requestId,
            AwsService service,
            String operation,
            Caller caller,
            HttpRequest request,
            Clock clock,
            Authorizer authorizer) {
        return new Call(
                requestId,
                service,
                operation,
                caller,
                request.remoteAddress().getAddress().getHostAddress(),
                false,
                clock.instant(),
                authorizer);
    }

    @Override
    public String signingName() {
        return service.signingName();
    }

    @Override
    public void authorize(String action, String resource, Map<String, List<String>> conditionKeys) {
        authorizer.authorize(this, action, resource, conditionKeys);
    }

    @Override
    public void authorize(
            String action,
            String resource,
            Map<String, List<String>> conditionKeys,
            NamedPolicy resourcePolicy,
            String resourceOwnerAccount) {
        authorizer.authorize(this, action, resource, conditionKeys, resourcePolicy, resourceOwnerAccount);
    }

    @Override
    public boolean allows(
            String action,
            String resource,
            Map<String, List<String>> conditionKeys,
            NamedPolicy resourcePolicy,
            String resourceOwnerAccount) {
        return authorizer.allows(this, action, resource, conditionKeys, resourcePolicy, resourceOwnerAccount);
    }

    /** The call another service makes for this call's caller: same id, caller, source, time and authorizer. */
    public Call onBehalf(AwsService other, String otherOperation) {
        return new Call(requestId, other, otherOperation, caller, sourceIp, secureTransport, receivedAt, authorizer);
    }

    @Override
    public AwsException accessDenied(String message) {
        return service.accessDenied(message);
    }
}
