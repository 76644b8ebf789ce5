package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.model.ModelChecks;
import dev.drydock.core.internal.protocol.AwsQueryCodec;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.QueryService;
import dev.drydock.core.spi.ValidationStyle;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A {@link QueryService} on Drydock's endpoint: reads each request's parameters into its SDK shape, checks it against
 * the service's model ({@link ModelChecks}), runs its handler and writes the XML answer or error of the AWS query
 * protocol. A request that breaks the model answers {@code ValidationError} (or the service's {@link ValidationStyle})
 * listing each violation in AWS's words ("1 validation error detected: Value null at 'roleName' failed to satisfy
 * constraint: Member must not be null"). Operation names are AWS's, from the model ({@code CreateSAMLProvider}).
 */
public final class QueryProtocol implements QueryService, AwsService {
    private static final Logger LOG = LoggerFactory.getLogger(QueryProtocol.class);

    private final String signingName;
    private final String version;
    private final String xmlNamespace;
    private final Map<String, Binding<?, ?>> operations;
    private final Clock clock;
    private final OperationCatalog catalog;
    private final ModelChecks checks;
    private final boolean ec2;

    private QueryProtocol(Builder builder) {
        this.signingName = builder.signingName;
        this.version = builder.version;
        this.xmlNamespace = builder.xmlNamespace;
        this.catalog = new OperationCatalog(
                builder.signingName, builder.clientInterface, builder.operations.keySet(), "NotImplemented");
        this.checks = new ModelChecks(builder.clientInterface, builder.validation, builder.required);
        this.catalog.withModel(checks::model);
        this.operations = Map.copyOf(builder.operations);
        this.clock = builder.clock;
        this.ec2 = builder.ec2;
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
        // EC2: "UnauthorizedOperation: You are not authorized to perform this operation." (403), per
        // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
        return new AwsException(ec2 ? "UnauthorizedOperation" : "AccessDenied", 403, message);
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
            SdkPojo input = ec2
                    ? AwsQueryCodec.readEc2(params, binding.requestType())
                    : AwsQueryCodec.read(params, binding.requestType());
            SdkPojo response = binding.invoke(input, context, checks);
            LOG.debug("{}:{} -> 200", signingName, operation);
            byte[] body = ec2
                    ? AwsQueryCodec.writeEc2Response(operation, xmlNamespace, response, requestId)
                    : AwsQueryCodec.writeResponse(operation, xmlNamespace, response, requestId);
            return HttpResponse.of(200, AwsQueryCodec.CONTENT_TYPE, body).withHeader("x-amzn-RequestId", requestId);
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
     * Loads and initialises what the first real call would (the codec, every request shape, the model table), so that
     * call is fast. Changes nothing; meant for a background thread right after start.
     */
    public void warmUp() {
        operations.forEach((name, b) -> checks.violations(
                name,
                ec2
                        ? AwsQueryCodec.readEc2(Map.of(), b.requestType())
                        : AwsQueryCodec.read(Map.of(), b.requestType())));
        AwsQueryCodec.writeError(xmlNamespace, AwsException.client("Warm", "up"), "0");
    }

    @Override
    public HttpResponse error(AwsException e, String requestId) {
        byte[] body =
                ec2 ? AwsQueryCodec.writeEc2Error(e, requestId) : AwsQueryCodec.writeError(xmlNamespace, e, requestId);
        return HttpResponse.of(e.httpStatus(), AwsQueryCodec.CONTENT_TYPE, body)
                .withHeader("x-amzn-RequestId", requestId);
    }

    @Override
    public SdkPojo invoke(String operation, SdkPojo request, Call context) {
        Binding<?, ?> binding = operations.get(operation);
        if (binding == null) {
            throw AwsException.client("InvalidAction", signingName + " implements no " + operation + ".");
        }
        return binding.invoke(request, context, checks);
    }

    /** One routing entry; {@link #invoke} is the one path every request takes to its handler. */
    private record Binding<I extends SdkPojo, O extends SdkPojo>(Class<I> requestType, Operation<I, O> handler) {
        /** The checks every request passes before its handler (its model's), then the handler. */
        O invoke(SdkPojo input, Call context, ModelChecks checks) {
            I request = requestType.cast(input);
            checks.check(context.operation(), request);
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
        private final Map<String, Set<String>> required = new HashMap<>();
        private ValidationStyle validation = ValidationStyle.awsValidation("ValidationError");
        private Clock clock = Clock.systemUTC();
        private boolean ec2;

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
        public Builder ec2Query() {
            this.ec2 = true;
            return this;
        }

        @Override
        public Builder validation(ValidationStyle style) {
            this.validation = style;
            return this;
        }

        @Override
        public <I extends SdkPojo, O extends SdkPojo> Builder operation(
                String name, Class<I> requestType, Operation<I, O> handler, String... required) {
            if (!requestType.getSimpleName().equalsIgnoreCase(name + "Request")) {
                throw new IllegalArgumentException(
                        signingName + ": operation " + name + " takes " + requestType.getSimpleName());
            }
            operations.put(name, new Binding<>(requestType, handler));
            if (required.length > 0) {
                this.required.put(name, Set.of(required));
            }
            return this;
        }

        @Override
        public QueryProtocol build() {
            return new QueryProtocol(this);
        }
    }
}
