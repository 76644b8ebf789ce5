package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.model.ModelChecks;
import dev.drydock.core.internal.protocol.RestJsonCodec;
import dev.drydock.core.internal.protocol.RestJsonCodec.UriTemplate;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.RestJsonService;
import dev.drydock.core.spi.ValidationStyle;
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
 * A {@link RestJsonService} on Drydock's endpoint: finds the operation by HTTP method and path (from the SDK's
 * marshallers), binds path, query, headers and body into its SDK shape ({@link RestJsonCodec}), checks it against the
 * service's model ({@link ModelChecks}: answered in the service's {@link ValidationStyle}, by default {@code
 * ValidationException}, as EFS answers), runs its handler and writes the answer or the error. Unsigned requests find
 * the service by their path ({@link #claims}).
 */
public final class RestJsonProtocol implements RestJsonService, AwsService {
    private static final Logger LOG = LoggerFactory.getLogger(RestJsonProtocol.class);

    private final String signingName;
    private final Class<?> clientInterface;
    private final OperationCatalog catalog;
    private final List<Route> routes;
    private final ModelChecks checks;
    private final String errorCodeMember;
    private final String errorMessageMember;
    private final Clock clock;
    private volatile List<Route> awsRoutes;

    private RestJsonProtocol(Builder builder) {
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

    /** Starts a routing table; see {@link RestJsonService#builder}. */
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

    @Override
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
            Call context = Call.forRequest(requestId, this, operation, caller, request, clock, authorizer);
            SdkPojo input =
                    RestJsonCodec.read(route.requestType, vars, request.rawQuery(), request.headers(), request.body());
            SdkPojo response = route.invoke(input, context, checks);
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
     * call is fast. Changes nothing; meant for a background thread right after start.
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

        /** The checks every request passes before its handler (its model's), then the handler. */
        SdkPojo invoke(SdkPojo input, Call context, ModelChecks checks) {
            checks.check(name, input);
            return handler.call(input, context);
        }
    }

    @Override
    public SdkPojo invoke(String operation, SdkPojo request, Call context) {
        for (Route r : routes) {
            if (r.name.equals(operation)) {
                return r.invoke(request, context, checks);
            }
        }
        throw new AwsException("UnknownOperationException", 404, signingName + " implements no " + operation + ".");
    }

    /** Builds a {@link RestJsonProtocol}. */
    public static final class Builder implements RestJsonService.Builder {
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

        @Override
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder validation(ValidationStyle style) {
            this.validation = style;
            return this;
        }

        @Override
        public Builder errorMembers(String codeMember, String messageMember) {
            this.errorCodeMember = codeMember;
            this.errorMessageMember = messageMember;
            return this;
        }

        @Override
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

        @Override
        public RestJsonProtocol build() {
            return new RestJsonProtocol(this);
        }
    }
}
