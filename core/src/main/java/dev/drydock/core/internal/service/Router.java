package dev.drydock.core.internal.service;

import dev.drydock.core.internal.model.UnservedServices;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.JsonTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Routes each request arriving at the endpoint: plain paths (credentials, task metadata) by prefix, AWS JSON
 * protocol calls by their {@code X-Amz-Target} prefix, others by their SigV4 credential scope's service, the query
 * API's {@code Version}, or (unsigned REST requests) their path; then authenticates the caller and hands the call to
 * the service. A request for an AWS service no module serves is answered in that service's protocol, naming it and
 * the operation ({@link UnservedServices}).
 */
public final class Router implements Function<HttpRequest, HttpResponse> {
    private final Map<String, AwsService> jsonServicesByTarget = new ConcurrentHashMap<>();
    private final Map<String, AwsService> servicesBySigningName = new ConcurrentHashMap<>();
    private final Map<String, AwsService> queryServicesByVersion = new ConcurrentHashMap<>();
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
    public void register(JsonProtocol service) {
        register(service.targetPrefix(), service);
    }

    /**
     * Serves a JSON-protocol service under its {@code X-Amz-Target} prefix, e.g. a {@link LazyService} whose
     * {@link JsonService} is built on first use.
     */
    public void register(String targetPrefix, AwsService service) {
        if (jsonServicesByTarget.putIfAbsent(targetPrefix, service) != null) {
            throw new IllegalStateException("Two services claim X-Amz-Target prefix " + targetPrefix);
        }
        registerScoped(service);
    }

    /**
     * Serves a service that requests address by the SigV4 credential scope's service name (query and REST
     * protocols), e.g. {@code iam}, {@code sts}.
     */
    public void registerScoped(AwsService service) {
        if (servicesBySigningName.putIfAbsent(service.signingName(), service) != null) {
            throw new IllegalStateException("Two services claim signing name " + service.signingName());
        }
    }

    /**
     * Serves a query-protocol service, found by its SigV4 scope or, for a request without one, by its API
     * {@code Version} parameter.
     */
    public void registerQuery(String version, AwsService service) {
        registerScoped(service);
        queryServicesByVersion.put(version, service);
    }

    /** The service with this signing name, if one is served. */
    public Optional<AwsService> service(String signingName) {
        return Optional.ofNullable(servicesBySigningName.get(signingName));
    }

    /** Every service served (those built on first use as they are). */
    public List<AwsService> services() {
        return new ArrayList<>(servicesBySigningName.values());
    }

    /** Serves plain requests under a path prefix; the longest matching prefix wins. */
    public void registerPath(String prefix, Function<HttpRequest, HttpResponse> handler) {
        paths.add(new PathRoute(prefix, handler));
        paths.sort(Comparator.comparingInt((PathRoute r) -> r.prefix.length()).reversed());
    }

    /** The JSON services served, by {@code X-Amz-Target} prefix (building those built on first use). */
    public Map<String, JsonProtocol> jsonServices() {
        Map<String, JsonProtocol> built = new LinkedHashMap<>();
        jsonServicesByTarget.forEach((prefix, service) -> {
            AwsService s = service instanceof LazyService lazy ? lazy.get() : service;
            if (s instanceof JsonProtocol json) {
                built.put(prefix, json);
            }
        });
        return built;
    }

    @Override
    public HttpResponse apply(HttpRequest request) {
        for (PathRoute route : paths) {
            if (request.rawPath().startsWith(route.prefix)) {
                return route.handler.apply(request);
            }
        }
        String target = request.header("X-Amz-Target");
        AwsService service;
        if (target != null) {
            int dot = target.indexOf('.');
            service = jsonServicesByTarget.get(dot < 0 ? target : target.substring(0, dot));
            if (service == null) {
                Optional<HttpResponse> unserved = UnservedServices.answer(request, served());
                if (unserved.isPresent()) {
                    return unserved.get();
                }
                return jsonError(AwsException.client(
                        "UnknownOperationException",
                        "Drydock serves no service for "
                                + "X-Amz-Target " + target + ". Served: "
                                + String.join(", ", jsonServicesByTarget.keySet())
                                + "."));
            }
        } else {
            service = scopedService(request);
            if (service == null) {
                Optional<HttpResponse> unserved = UnservedServices.answer(request, served());
                if (unserved.isPresent()) {
                    return unserved.get();
                }
                return HttpResponse.text(
                        404,
                        "This is Drydock's local AWS endpoint. It serves "
                                + String.join(", ", servicesBySigningName.keySet())
                                + ": point an AWS SDK or CLI at it as its "
                                + "endpoint URL. This request names no service (no X-Amz-Target header and no SigV4 "
                                + "credential scope).\n");
            }
        }
        Caller caller;
        try {
            caller = authenticator.authenticate(request, service);
        } catch (AwsException e) {
            return service.error(e, UUID.randomUUID().toString());
        }
        return service.handle(request, caller, authorizer);
    }

    /** The service a request without X-Amz-Target addresses: by SigV4 scope, else by the query API's Version. */
    private AwsService scopedService(HttpRequest request) {
        Optional<String> name = SigningScope.serviceName(request);
        if (name.isPresent()) {
            return servicesBySigningName.get(name.get());
        }
        String version = SigningScope.queryParameter(request, "Version");
        AwsService byVersion = version == null ? null : queryServicesByVersion.get(version);
        if (byVersion != null) {
            return byVersion;
        }
        for (AwsService s : servicesBySigningName.values()) {
            if (s.claims(request)) {
                return s;
            }
        }
        return null;
    }

    /** The signing names of the services served, sorted. */
    private List<String> served() {
        return servicesBySigningName.keySet().stream().sorted().toList();
    }

    private static HttpResponse jsonError(AwsException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", e.errorCode());
        body.put("message", e.getMessage());
        return HttpResponse.of(e.httpStatus(), "application/x-amz-json-1.1", JsonTree.write(body));
    }

    private record PathRoute(String prefix, Function<HttpRequest, HttpResponse> handler) {}
}
