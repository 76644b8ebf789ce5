package dev.drydock.core.internal.service;

import java.util.UUID;

/**
 * Call contexts for calls that do not come over the wire but must be authorized and checked as if they did: a
 * programmatic fixture calls an operation's handler as the test principal (the administrator {@code drydock-test}),
 * so it can never store what the API refuses; a service calls another's handler as a role session (ECS reading a
 * task's secrets as its execution role). Decisions are recorded like any call's.
 */
public final class DirectCalls {
    private DirectCalls() {}

    /**
     * A context for calling {@code operation} of {@code service} as the test principal.
     *
     * @param context the module's service context
     * @param service the service the operation belongs to (its AccessDenied shape is the service's)
     * @param operation the operation name, e.g. {@code CreateSecret}
     */
    public static CallContext asAdministrator(ServiceContext context, AwsService service, String operation) {
        return as(
                context,
                service,
                operation,
                new Caller(
                        context.iam().testPrincipal(),
                        context.iam().testCredential().accessKeyId()));
    }

    /** A context for calling {@code operation} of {@code service} as {@code caller}, from loopback. */
    public static CallContext as(ServiceContext context, AwsService service, String operation, Caller caller) {
        return as(context, service, operation, caller, UUID.randomUUID().toString());
    }

    /**
     * Like {@link #as(ServiceContext, AwsService, String, Caller)}, with the request id the decision log records (to
     * quote it in a message about the call).
     */
    public static CallContext as(
            ServiceContext context, AwsService service, String operation, Caller caller, String requestId) {
        return new CallContext(
                requestId,
                service,
                operation,
                caller,
                "127.0.0.1",
                false,
                context.clock().instant(),
                context.authorizer());
    }
}
