package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.protocol.AwsQueryCodec;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.QueryService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * A {@link QueryService} on Drydock's endpoint: reads each request's parameters into its SDK shape, checks the
 * required members, runs its handler and writes the XML answer or error of the AWS query protocol. A request missing
 * required members answers {@code ValidationError} listing each, in AWS's words ("1 validation error detected: Value
 * null at 'roleName' failed to satisfy constraint: Member must not be null").
 */
public final class QueryProtocol implements QueryService, AwsService {
    private static final Logger LOG = LoggerFactory.getLogger(QueryProtocol.class);

    private final String signingName;
    private final String version;
    private final String xmlNamespace;
    private final Map<String, Binding<?, ?>> operations;
    private final Clock clock;
    private final OperationCatalog catalog;

    private QueryProtocol(Builder builder) {
        this.signingName = builder.signingName;
        this.version = builder.version;
        this.xmlNamespace = builder.xmlNamespace;
        this.catalog = new OperationCatalog(
                builder.signingName, builder.clientInterface, builder.operations.keySet(), "NotImplemented");
        this.operations = Map.copyOf(builder.operations);
        this.clock = builder.clock;
    }

    /** Starts a routing table; see {@link QueryService#builder}. */
    public static Builder builder(String signingName, String version, String xmlNamespace, Class<?> clientInterface) {
        return new Builder(signingName, version, xmlNamespace, clientInterface);
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public ProtocolFamily protocolFamily() {
        return ProtocolFamily.QUERY;
    }

    @Override
    public AwsException accessDenied(String message) {
        return new AwsException("AccessDenied", 403, message);
    }

    @Override
    public String version() {
        return version;
    }

    /** The XML namespace of the answers. */
    public String xmlNamespace() {
        return xmlNamespace;
    }

    @Override
    public Set<String> implementedOperations() {
        return catalog.implemented();
    }

    @Override
    public Set<String> awsOperations() {
        return catalog.awsOperations();
    }

    @Override
    public HttpResponse handle(HttpRequest request, Caller caller, Authorizer authorizer) {
        String requestId = UUID.randomUUID().toString();
        String operation = "";
        try {
            Map<String, String> params = parameters(request);
            operation = params.getOrDefault("Action", "");
            if (operation.isEmpty()) {
                throw AwsException.client("MissingAction", "The request must contain the parameter Action.");
            }
            Binding<?, ?> binding = operations.get(operation);
            if (binding == null) {
                AwsException notImplemented = catalog.notImplemented(operation);
                if (notImplemented != null) {
                    throw notImplemented;
                }
                String v = params.getOrDefault("Version", version);
                throw AwsException.client(
                        "InvalidAction", "Could not find operation " + operation + " for version " + v);
            }
            Call context = Call.forRequest(requestId, this, operation, caller, request, clock, authorizer);
            SdkPojo response = binding.invoke(AwsQueryCodec.read(params, binding.requestType()), context);
            LOG.debug("{}:{} -> 200", signingName, operation);
            return HttpResponse.of(
                            200,
                            AwsQueryCodec.CONTENT_TYPE,
                            AwsQueryCodec.writeResponse(operation, xmlNamespace, response, requestId))
                    .withHeader("x-amzn-RequestId", requestId);
        } catch (RuntimeException e) {
            return error(catalog.failure(operation, requestId, e), requestId);
        }
    }

    /** The request's parameters: the query string's, then a form-encoded body's. */
    private static Map<String, String> parameters(HttpRequest request) {
        Map<String, String> params = AwsQueryCodec.parseParameters(request.rawQuery());
        String contentType = request.header("Content-Type");
        if (request.body().length > 0
                && (contentType == null
                        || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))) {
            AwsQueryCodec.addParameters(params, request.bodyAsString());
        }
        return params;
    }

    /**
     * Loads and initialises what the first real call would (the codec, every request shape), so that call is fast.
     * Changes nothing; meant for a background thread right after start.
     */
    public void warmUp() {
        for (Binding<?, ?> b : operations.values()) {
            SdkPojo request = AwsQueryCodec.read(Map.of(), b.requestType());
            missingMembers(request, b.required());
        }
        AwsQueryCodec.writeError(xmlNamespace, AwsException.client("Warm", "up"), "0");
    }

    @Override
    public HttpResponse error(AwsException e, String requestId) {
        return HttpResponse.of(
                        e.httpStatus(),
                        AwsQueryCodec.CONTENT_TYPE,
                        AwsQueryCodec.writeError(xmlNamespace, e, requestId))
                .withHeader("x-amzn-RequestId", requestId);
    }

    /**
     * The required members (top level) of {@code request} that are absent, as AWS names them in validation messages
     * ({@code roleName}), in declaration order: those the routing table declares and those the SDK model marks.
     */
    static List<String> missingMembers(SdkPojo request, Set<String> declared) {
        List<String> missing = new ArrayList<>();
        for (SdkField<?> field : request.sdkFields()) {
            if (!declared.contains(field.locationName()) && !field.containsTrait(RequiredTrait.class)) {
                continue;
            }
            Object value = field.getValueOrDefault(request);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                missing.add(AwsQueryCodec.lowerCamel(field.locationName()));
            }
        }
        return missing;
    }

    /** AWS's message for missing required members. */
    static AwsException missingMembersError(List<String> missing) {
        StringBuilder b = new StringBuilder();
        b.append(missing.size())
                .append(missing.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < missing.size(); i++) {
            if (i > 0) {
                b.append("; ");
            }
            b.append("Value null at '")
                    .append(missing.get(i))
                    .append("' failed to satisfy constraint: Member must not be null");
        }
        return AwsException.client("ValidationError", b.toString());
    }

    @Override
    public SdkPojo invoke(String operation, SdkPojo request, Call context) {
        Binding<?, ?> binding = operations.get(operation);
        if (binding == null) {
            throw AwsException.client("InvalidAction", signingName + " implements no " + operation + ".");
        }
        return binding.invoke(request, context);
    }

    /** One routing entry; {@link #invoke} is the one path every request takes to its handler. */
    private record Binding<I extends SdkPojo, O extends SdkPojo>(
            Class<I> requestType, Operation<I, O> handler, Set<String> required) {
        /** The checks every request passes before its handler, then the handler. */
        O invoke(SdkPojo input, Call context) {
            I request = requestType.cast(input);
            List<String> missing = missingMembers(request, required);
            if (!missing.isEmpty()) {
                throw missingMembersError(missing);
            }
            return handler.call(request, context);
        }
    }

    /** Builds a {@link QueryProtocol}. */
    public static final class Builder implements QueryService.Builder {
        private final String signingName;
        private final String version;
        private final String xmlNamespace;
        private final Class<?> clientInterface;
        private final Map<String, Binding<?, ?>> operations = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder(String signingName, String version, String xmlNamespace, Class<?> clientInterface) {
            this.signingName = signingName;
            this.version = version;
            this.xmlNamespace = xmlNamespace;
            this.clientInterface = clientInterface;
        }

        @Override
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public <I extends SdkPojo, O extends SdkPojo> Builder operation(
                String name, Class<I> requestType, Operation<I, O> handler, String... required) {
            if (!requestType.getSimpleName().equals(name + "Request")) {
                throw new IllegalArgumentException(
                        signingName + ": operation " + name + " takes " + requestType.getSimpleName());
            }
            operations.put(name, new Binding<>(requestType, handler, Set.of(required)));
            return this;
        }

        @Override
        public QueryProtocol build() {
            return new QueryProtocol(this);
        }
    }
}
