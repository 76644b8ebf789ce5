package dev.drydock.core.internal.service;

import dev.drydock.core.internal.http.HttpRequest;
import dev.drydock.core.internal.http.HttpResponse;
import dev.drydock.core.internal.protocol.AwsException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Routes each request arriving at the endpoint: plain paths (credentials, task metadata) by prefix, AWS JSON
 * protocol calls by their {@code X-Amz-Target} prefix, then authenticates the caller and hands the call to the
 * service.
 */
public final class Router implements Function<HttpRequest, HttpResponse> {
    private final Map<String, JsonService> jsonServicesByTarget = new ConcurrentHashMap<>();
    private final List<PathRoute> paths = new CopyOnWriteArrayList<>();
    private volatile Authenticator authenticator;
    private volatile Authorizer authorizer;

    public Router(Authenticator authenticator, Authorizer authorizer) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
    }

    /** Replaces how callers are authenticated. */
    public void authenticator(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** Replaces how calls are authorized. */
    public void authorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Serves a JSON-protocol service. */
    public void register(JsonService service) {
        if (jsonServicesByTarget.putIfAbsent(service.targetPrefix(), service) != null) {
            throw new IllegalStateException("Two services claim X-Amz-Target prefix " + service.targetPrefix());
        }
    }

    /** Serves plain requests under a path prefix; the longest matching prefix wins. */
    public void registerPath(String prefix, Function<HttpRequest, HttpResponse> handler) {
        paths.add(new PathRoute(prefix, handler));
        paths.sort(Comparator.comparingInt((PathRoute r) -> r.prefix.length()).reversed());
    }

    /** The JSON services served, by {@code X-Amz-Target} prefix. */
    public Map<String, JsonService> jsonServices() {
        return Map.copyOf(jsonServicesByTarget);
    }

    @Override
    public HttpResponse apply(HttpRequest request) {
        for (PathRoute route : paths) {
            if (request.rawPath().startsWith(route.prefix)) {
                return route.handler.apply(request);
            }
        }
        String target = request.header("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            JsonService service = jsonServicesByTarget.get(dot < 0 ? target : target.substring(0, dot));
            if (service == null) {
                return jsonError(AwsException.client("UnknownOperationException", "Drydock serves no service for "
                        + "X-Amz-Target " + target + ". Served: " + String.join(", ", jsonServicesByTarget.keySet())
                        + "."));
            }
            Caller caller;
            try {
                caller = authenticator.authenticate(request, service.signingName());
            } catch (AwsException e) {
                return service.error(e, UUID.randomUUID().toString());
            }
            return service.handle(request, caller, authorizer);
        }
        return HttpResponse.text(404, "This is Drydock's local AWS endpoint. It serves the AWS JSON protocol (requests "
                + "with an X-Amz-Target header) for: " + String.join(", ", jsonServicesByTarget.keySet())
                + ". Point an AWS SDK or CLI at it as its endpoint URL.\n");
    }

    private static HttpResponse jsonError(AwsException e) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("__type", e.errorCode());
        body.put("message", e.getMessage());
        return HttpResponse.of(e.httpStatus(), "application/x-amz-json-1.1",
                dev.drydock.core.internal.protocol.JsonTree.write(body));
    }

    private record PathRoute(String prefix, Function<HttpRequest, HttpResponse> handler) {
    }
}
