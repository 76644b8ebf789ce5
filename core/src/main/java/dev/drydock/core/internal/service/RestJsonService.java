package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.http.HttpRequest;
import dev.drydock.core.internal.http.HttpResponse;
import dev.drydock.core.internal.model.ModelChecks;
import dev.drydock.core.internal.model.ValidationStyle;
import dev.drydock.core.internal.protocol.AwsException;
import dev.drydock.core.internal.protocol.JsonTree;
import dev.drydock.core.internal.protocol.RestJsonCodec;
import dev.drydock.core.internal.protocol.RestJsonCodec.UriTemplate;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * One AWS service spoken over the AWS REST-JSON protocol ({@code restJson1}, e.g. Amazon EFS: {@code GET
 * /2015-02-01/file-systems?FileSystemId=fs-...}), with its routing table: one handler per operation. Each operation's
 * HTTP method and request URI pattern come from the SDK's generated marshaller for it (its
 * {@code SDK_OPERATION_BINDING}), and its members are bound to the path, query string, headers and JSON body by the
 * SDK model's field metadata ({@link RestJsonCodec}), so nothing is written by hand per shape.
 *
 * <p>Errors carry the AWS error code in the {@code x-amzn-ErrorType} header and in a JSON body (members named per
 * service, {@code ErrorCode} and {@code Message} for EFS), so the SDK throws its typed exception. A method and path
 * of an operation AWS has but Drydock does not implement answers HTTP 501 naming it; one that matches no operation
 * answers 404 {@code UnknownOperationException}. Every request is checked against the service's model
 * ({@link ModelChecks}) before its handler runs (by default answered {@code ValidationException}, as EFS's request
 * validation answers).
 */
public final class RestJsonService implements AwsService {
    private static final Logger LOG = LoggerFactory.getLogger(RestJsonService.class);

    private final String signingName;
    private final Class<?> clientInterface;
    private final OperationCatalog catalog;
    private final List<Route> routes;
    private final ModelChecks checks;
    private final String errorCodeMember;
    private final String errorMessageMember;
    private final Clock clock;
    private volatile List<Route> awsRoutes;

    private RestJsonService(Builder builder) {
        this.signingName = builder.signingName;
        this.clientInterface = builder.clientInterface;
        this.catalog = new OperationCatalog(
                builder.signingName,
                builder.clientInterface,
                builder.routes.stream().map(Route::name).collect(Collectors.toSet()),
                "NotImplementedException");
        this.checks = new ModelChecks(builder.clientInterface, builder.validation, builder.required);
        this.catalog.withModel(checks::model);
        List<Route> sorted = new ArrayList<>(builder.routes);
        sorted.sort(Comparator.comparingInt((Route r) -> -r.uri.literalSegments()));
        this.routes = List.copyOf(sorted);
        this.errorCodeMember = builder.errorCodeMember;
        this.errorMessageMember = builder.errorMessageMember;
        this.clock = builder.clock;
    }

    /**
     * Starts a routing table.
     *
     * @param signingName the SigV4 signing name, e.g. {@code elasticfilesystem}
     * @param clientInterface the SDK's synchronous client interface, e.g. {@code EfsClient.class}; its methods name
     *     every operation AWS has
     */
    public static Builder builder(String signingName, Class<?> clientInterface) {
        return new Builder(signingName, clientInterface);
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public ProtocolFamily protocolFamily() {
        return ProtocolFamily.REST_JSON;
    }

    @Override
    public AwsException accessDenied(String message) {
        return new AwsException("AccessDeniedException", 403, message);
    }

    /** Names of the operations Drydock implements, sorted. */
    public Set<String> implementedOperations() {
        return catalog.implemented();
    }

    @Override
    public HttpResponse handle(HttpRequest request, Caller caller, Authorizer authorizer) {
        String requestId = UUID.randomUUID().toString();
        String operation = "";
        try {
            Route route = null;
            Map<String, String> vars = null;
            for (Route r : routes) {
                vars = r.match(request);
                if (vars != null) {
                    route = r;
                    break;
                }
            }
            if (route == null) {
                throw unrouted(request);
            }
            operation = route.name;
            CallContext context = new CallContext(
                    requestId,
                    this,
                    operation,
                    caller,
                    request.remoteAddress().getAddress().getHostAddress(),
                    false,
                    clock.instant(),
                    authorizer);
            SdkPojo response = route.invoke(request, vars, context, checks);
            LOG.debug("{}:{} -> {}", signingName, operation, route.status);
            HttpResponse answer = HttpResponse.of(
                            route.status,
                            "application/json",
                            route.status == 204 ? new byte[0] : RestJsonCodec.writeBody(response))
                    .withHeader("x-amzn-RequestId", requestId);
            for (Map.Entry<String, String> h :
                    RestJsonCodec.writeHeaders(response).entrySet()) {
                answer = answer.withHeader(h.getKey(), h.getValue());
            }
            return answer;
        } catch (RuntimeException e) {
            return error(catalog.failure(operation, requestId, e), requestId);
        }
    }

    /** Whether the request's method and path are those of one of this service's operations (in AWS). */
    @Override
    public boolean claims(HttpRequest request) {
        for (Route r : awsRoutes()) {
            if (r.match(request) != null) {
                return true;
            }
        }
        return false;
    }

    /** The error for a request no implemented operation matches: 501 naming an AWS operation, else 404. */
    private AwsException unrouted(HttpRequest request) {
        for (Route r : awsRoutes()) {
            if (r.match(request) != null) {
                return catalog.notImplementedSdkOperation(r.name);
            }
        }
        return new AwsException(
                "UnknownOperationException",
                404,
                "No " + signingName + " operation answers " + request.method() + " " + request.rawPath() + ".");
    }

    /** The route of every operation AWS has (built on first use: it loads every marshaller class). */
    private List<Route> awsRoutes() {
        List<Route> all = awsRoutes;
        if (all == null) {
            all = new ArrayList<>();
            String modelPackage = clientInterface.getPackageName() + ".model.";
            for (String op : catalog.sdkOperations()) {
                try {
                    Class<?> type =
                            Class.forName(modelPackage + op + "Request", false, clientInterface.getClassLoader());
                    all.add(Route.of(op, type.asSubclass(SdkPojo.class), 200, null));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.debug("No route for {}:{}: {}", signingName, op, e.toString());
                }
            }
            all.sort(Comparator.comparingInt((Route r) -> -r.uri.literalSegments()));
            awsRoutes = all;
        }
        return all;
    }

    /**
     * Loads and initialises what the first real call would (the codec, every request shape, the model table), so that
     * call is fast.
     * Changes nothing; meant for a background thread right after start.
     */
    public void warmUp() {
        for (Route r : routes) {
            checks.violations(r.name, RestJsonCodec.read(r.requestType, Map.of(), null, Map.of(), new byte[0]));
        }
    }

    @Override
    public HttpResponse error(AwsException e, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(errorCodeMember, e.errorCode());
        body.put(errorMessageMember, e.getMessage());
        body.putAll(e.members());
        return HttpResponse.of(e.httpStatus(), "application/json", JsonTree.write(body))
                .withHeader("x-amzn-RequestId", requestId)
                .withHeader("x-amzn-ErrorType", e.errorCode());
    }

    private record Route(
            String name,
            Class<? extends SdkPojo> requestType,
            String method,
            UriTemplate uri,
            int status,
            Operation<SdkPojo, SdkPojo> handler) {

        @SuppressWarnings("unchecked")
        static Route of(String name, Class<? extends SdkPojo> requestType, int status, Operation<?, ?> handler)
                throws ReflectiveOperationException {
            String marshaller = requestType.getPackageName().replaceAll("\\.model$", ".transform") + "."
                    + requestType.getSimpleName() + "Marshaller";
            Field binding = Class.forName(marshaller, true, requestType.getClassLoader())
                    .getDeclaredField("SDK_OPERATION_BINDING");
            binding.setAccessible(true);
            OperationInfo info = (OperationInfo) binding.get(null);
            return new Route(
                    name, requestType, info.httpMethod().name(), new UriTemplate(info.requestUri()), status, (Operation<
                                    SdkPojo, SdkPojo>)
                            handler);
        }

        Map<String, String> match(HttpRequest request) {
            return method.equals(request.method()) ? uri.match(request.rawPath()) : null;
        }

        SdkPojo invoke(HttpRequest request, Map<String, String> vars, CallContext context, ModelChecks checks) {
            SdkPojo input =
                    RestJsonCodec.read(requestType, vars, request.rawQuery(), request.headers(), request.body());
            checks.check(name, input);
            return handler.call(input, context);
        }
    }

    /** Builds a {@link RestJsonService}. */
    public static final class Builder {
        private final String signingName;
        private final Class<?> clientInterface;
        private final List<Route> routes = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private String errorCodeMember = "code";
        private String errorMessageMember = "message";
        private final Map<String, Set<String>> required = new HashMap<>();
        private ValidationStyle validation = ValidationStyle.awsValidation("ValidationException");

        private Builder(String signingName, Class<?> clientInterface) {
            this.signingName = signingName;
            this.clientInterface = clientInterface;
        }

        /** The clock that stamps {@link CallContext#receivedAt()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How the service answers a request that breaks its model's constraints (default: AWS's common validation
         * error, {@code ValidationException}, which EFS answers, e.g. "1 validation error detected: Value '//x' at
         * 'rootDirectory.path' failed to satisfy constraint: Member must satisfy regular expression pattern: ...",
         * kubernetes-sigs/aws-efs-csi-driver#1073).
         */
        public Builder validation(ValidationStyle style) {
            this.validation = style;
            return this;
        }

        /**
         * The JSON members of the service's error bodies (default {@code code} and {@code message}; EFS writes
         * {@code ErrorCode} and {@code Message}).
         */
        public Builder errorMembers(String codeMember, String messageMember) {
            this.errorCodeMember = codeMember;
            this.errorMessageMember = messageMember;
            return this;
        }

        /**
         * Routes {@code name} to {@code handler}, at the HTTP method and URI pattern the SDK's marshaller for
         * {@code requestType} uses.
         *
         * @param requestType the SDK request shape, which must be named {@code <name>Request}
         * @param successStatus the HTTP status of a successful answer (AWS's model says, e.g. 201 or 204)
         * @param required members AWS requires although its model does not mark them, by member path in model names
         */
        public <I extends SdkPojo, O extends SdkPojo> Builder operation(
                String name, Class<I> requestType, int successStatus, Operation<I, O> handler, String... required) {
            if (!requestType.getSimpleName().equalsIgnoreCase(name + "Request")) {
                throw new IllegalArgumentException(
                        signingName + ": operation " + name + " takes " + requestType.getSimpleName());
            }
            try {
                routes.add(Route.of(name, requestType, successStatus, handler));
                if (required.length > 0) {
                    this.required.put(name, Set.of(required));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(signingName + ": no SDK marshaller for " + name, e);
            }
            return this;
        }

        public RestJsonService build() {
            return new RestJsonService(this);
        }
    }
}
