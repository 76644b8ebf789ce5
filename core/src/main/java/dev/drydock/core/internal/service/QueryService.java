package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.http.HttpRequest;
import dev.drydock.core.internal.http.HttpResponse;
import dev.drydock.core.internal.model.ModelChecks;
import dev.drydock.core.internal.model.ValidationStyle;
import dev.drydock.core.internal.protocol.AwsException;
import dev.drydock.core.internal.protocol.AwsQueryCodec;
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
 * One AWS service spoken over the AWS query protocol (IAM, STS: {@code Action=CreateRole&Version=2010-05-08&...} in a
 * form-encoded POST body or a GET query string, XML answers), with its routing table: one handler per operation.
 *
 * <p>An {@code Action} AWS does not have answers HTTP 400 {@code InvalidAction} ("Could not find operation X for
 * version V"); one AWS has but Drydock does not implement answers HTTP 501 {@code NotImplemented} naming it (AWS's
 * operation names come from the service's model: {@code CreateSAMLProvider}, not the SDK's class name). Every request
 * is checked against the model ({@link ModelChecks}) before its handler runs: a request breaking it answers
 * {@code ValidationError} listing each violation in AWS's words ("1 validation error detected: Value null at
 * 'roleName' failed to satisfy constraint: Member must not be null"). IAM denials answer {@code AccessDenied} with
 * HTTP 403.
 */
public final class QueryService implements AwsService {
    private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);

    private final String signingName;
    private final String version;
    private final String xmlNamespace;
    private final Map<String, Binding<?, ?>> operations;
    private final Clock clock;
    private final OperationCatalog catalog;
    private final ModelChecks checks;

    private QueryService(Builder builder) {
        this.signingName = builder.signingName;
        this.version = builder.version;
        this.xmlNamespace = builder.xmlNamespace;
        this.catalog = new OperationCatalog(
                builder.signingName, builder.clientInterface, builder.operations.keySet(), "NotImplemented");
        this.checks = new ModelChecks(builder.clientInterface, builder.validation, builder.required);
        this.catalog.withModel(checks::model);
        this.operations = Map.copyOf(builder.operations);
        this.clock = builder.clock;
    }

    /**
     * Starts a routing table.
     *
     * @param signingName the SigV4 signing name, e.g. {@code iam}
     * @param version the API version, e.g. {@code 2010-05-08}
     * @param xmlNamespace the namespace of the XML answers, e.g. {@code https://iam.amazonaws.com/doc/2010-05-08/}
     * @param clientInterface the SDK's synchronous client interface, e.g. {@code IamClient.class}; its methods name
     *     every operation AWS has
     */
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

    /** The API version, e.g. {@code 2010-05-08}. */
    public String version() {
        return version;
    }

    /** The XML namespace of the answers. */
    public String xmlNamespace() {
        return xmlNamespace;
    }

    /** Names of the operations Drydock implements, sorted. */
    public Set<String> implementedOperations() {
        return catalog.implemented();
    }

    /** Names of every operation AWS has for this service, sorted (computed on first use). */
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
            CallContext context = new CallContext(
                    requestId,
                    this,
                    operation,
                    caller,
                    request.remoteAddress().getAddress().getHostAddress(),
                    false,
                    clock.instant(),
                    authorizer);
            SdkPojo response = binding.invoke(params, context, checks);
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
     * Loads and initialises what the first real call would (the codec, every request shape, the model table), so that
     * call is fast.
     * Changes nothing; meant for a background thread right after start.
     */
    public void warmUp() {
        operations.forEach((name, b) -> checks.violations(name, AwsQueryCodec.read(Map.of(), b.requestType())));
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

    private record Binding<I extends SdkPojo, O extends SdkPojo>(Class<I> requestType, Operation<I, O> handler) {
        O invoke(Map<String, String> params, CallContext context, ModelChecks checks) {
            I request = AwsQueryCodec.read(params, requestType);
            checks.check(context.operation(), request);
            return handler.call(request, context);
        }
    }

    /** Builds a {@link QueryService}. */
    public static final class Builder {
        private final String signingName;
        private final String version;
        private final String xmlNamespace;
        private final Class<?> clientInterface;
        private final Map<String, Binding<?, ?>> operations = new LinkedHashMap<>();
        private final Map<String, Set<String>> required = new HashMap<>();
        private ValidationStyle validation = ValidationStyle.awsValidation("ValidationError");
        private Clock clock = Clock.systemUTC();

        private Builder(String signingName, String version, String xmlNamespace, Class<?> clientInterface) {
            this.signingName = signingName;
            this.version = version;
            this.xmlNamespace = xmlNamespace;
            this.clientInterface = clientInterface;
        }

        /** The clock that stamps {@link CallContext#receivedAt()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How the service answers a request that breaks its model's constraints (default: AWS's common validation
         * error, {@code ValidationError}).
         */
        public Builder validation(ValidationStyle style) {
            this.validation = style;
            return this;
        }

        /**
         * Routes {@code name} to {@code handler}.
         *
         * @param name the operation as AWS names it (the {@code Action}), e.g. {@code CreateSAMLProvider}
         * @param requestType the SDK request shape, which must be named {@code <name>Request} in any case
         * @param required members AWS requires, by member name, e.g. {@code RoleName}: the model's required members
         *     are checked anyway; these add any the model does not mark
         */
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

        public QueryService build() {
            return new QueryService(this);
        }
    }
}
