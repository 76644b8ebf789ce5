package dev.drydock.core.internal.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A service's routing table as its {@code <Svc>Api} class declares it: operation name to handler, with the request
 * check every request passes first. It fills a {@link JsonService} for the wire and serves fixtures' direct calls
 * ({@link #call}) through the same check, so a fixture can never store what the API refuses.
 */
public final class ApiRoutes {
    private final String signingName;
    private final Consumer<SdkPojo> check;
    private final Map<String, Route<?, ?>> routes = new LinkedHashMap<>();

    /**
     * @param signingName the service's signing name, for messages
     * @param check the request check (model constraints) run before every handler
     */
    public ApiRoutes(String signingName, Consumer<SdkPojo> check) {
        this.signingName = signingName;
        this.check = check;
    }

    /** Routes {@code name} to {@code handler}; the request type must be {@code <name>Request}. */
    public <I extends SdkPojo, O extends SdkPojo> ApiRoutes add(String name, Class<I> type, Operation<I, O> handler) {
        routes.put(name, new Route<>(type, handler));
        return this;
    }

    /** Adds every route and the request check to a JSON service's builder. */
    public JsonService.Builder addTo(JsonService.Builder builder) {
        builder.requestCheck(check);
        routes.forEach((name, route) -> route.addTo(builder, name));
        return builder;
    }

    /**
     * Calls the handler of {@code context.operation()} directly, after the request check (for fixtures, with an
     * {@link DirectCalls} context).
     *
     * @throws dev.drydock.core.internal.protocol.AwsException as the operation answers on the wire
     */
    @SuppressWarnings("unchecked")
    public <O extends SdkPojo> O call(SdkPojo request, CallContext context) {
        Route<?, ?> route = routes.get(context.operation());
        if (route == null || !route.type.isInstance(request)) {
            throw new IllegalArgumentException(signingName + ":" + context.operation() + " does not take " + request);
        }
        check.accept(request);
        return (O) route.invoke(request, context);
    }

    private record Route<I extends SdkPojo, O extends SdkPojo>(Class<I> type, Operation<I, O> handler) {
        void addTo(JsonService.Builder b, String name) {
            b.operation(name, type, handler);
        }

        O invoke(SdkPojo request, CallContext context) {
            return handler.call(type.cast(request), context);
        }
    }
}
