package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.http.HttpRequest;
import dev.drydock.core.internal.http.HttpResponse;
import dev.drydock.core.internal.model.ModelChecks;
import dev.drydock.core.internal.model.ValidationStyle;
import dev.drydock.core.internal.protocol.AwsException;
import dev.drydock.core.internal.protocol.JsonTree;
import dev.drydock.core.internal.protocol.SdkPojoJson;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One AWS service spoken over the AWS JSON 1.0/1.1 protocol ({@code X-Amz-Target: Prefix.Operation}, a JSON body,
 * errors as {@code {"__type": code, "message": ...}}), with its routing table: one handler per operation.
 *
 * <p>An operation that AWS has but Drydock does not implement answers HTTP 501 {@code NotImplementedException}
 * naming it; one that AWS does not have answers {@code UnknownOperationException}. Every request is checked against
 * the service's model ({@link ModelChecks}) before its handler runs; a request that breaks it is answered in the
 * service's {@link ValidationStyle} (by default {@code ValidationException}, as AWS's request validation answers).
 */
public final class JsonService implements AwsService {
    private static final Logger LOG = LoggerFactory.getLogger(JsonService.class);

    private final String signingName;
    private final String targetPrefix;
    private final String contentType;
    private final OperationCatalog catalog;
    private final Map<String, Binding<?, ?>> operations;
    private final ModelChecks checks;
    private final Consumer<SdkPojo> requestCheck;
    private final Clock clock;

    private JsonService(Builder builder) {
        this.signingName = builder.signingName;
        this.targetPrefix = builder.targetPrefix;
        this.contentType = "application/x-amz-json-" + builder.jsonVersion;
        this.checks = new ModelChecks(builder.clientInterface, builder.validation, builder.required);
        this.catalog = new OperationCatalog(
                        builder.signingName,
                        builder.clientInterface,
                        builder.operations.keySet(),
                        "NotImplementedException")
                .withModel(checks::model);
        this.operations = Map.copyOf(builder.operations);
        this.requestCheck = builder.requestCheck;
        this.clock = builder.clock;
    }

    /**
     * Starts a routing table.
     *
     * @param signingName the SigV4 signing name, e.g. {@code ecs}
     * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code AmazonEC2ContainerServiceV20141113}
     * @param clientInterface the SDK's synchronous client interface, e.g. {@code EcsClient.class}; its methods name
     *     every operation AWS has
     */
    public static Builder builder(String signingName, String targetPrefix, Class<?> clientInterface) {
        return new Builder(signingName, targetPrefix, clientInterface);
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public ProtocolFamily protocolFamily() {
        return ProtocolFamily.JSON;
    }

    @Override
    public AwsException accessDenied(String message) {
        return AwsException.client("AccessDeniedException", message);
    }

    /** The {@code X-Amz-Target} prefix. */
    public String targetPrefix() {
        return targetPrefix;
    }

    /** Names of the operations Drydock implements, sorted. */
    public Set<String> implementedOperations() {
        return catalog.implemented();
    }

    /** Names of every operation AWS has for this service, sorted (computed on first use). */
    public Set<String> awsOperations() {
        return catalog.awsOperations();
    }

    /**
     * Serves one request whose {@code X-Amz-Target} names this service.
     *
     * @param request the HTTP request
     * @param caller the authenticated principal
     * @param authorizer IAM authorization for the call
     */
    @Override
    public HttpResponse handle(HttpRequest request, Caller caller, Authorizer authorizer) {
        String requestId = UUID.randomUUID().toString();
        String target = request.header("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        try {
            if (!"POST".equals(request.method())) {
                throw AwsException.client(
                        "UnknownOperationException",
                        "The " + signingName + " API takes POST requests with an X-Amz-Target header.");
            }
            Binding<?, ?> binding = operations.get(operation);
            if (binding == null) {
                AwsException notImplemented = catalog.notImplemented(operation);
                throw notImplemented != null
                        ? notImplemented
                        : AwsException.client("UnknownOperationException", "Unknown operation " + target + ".");
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
            SdkPojo response = binding.invoke(request.body(), context, checks, requestCheck);
            LOG.debug("{}:{} -> 200", signingName, operation);
            return HttpResponse.of(200, contentType, SdkPojoJson.write(response))
                    .withHeader("x-amzn-RequestId", requestId);
        } catch (RuntimeException e) {
            return error(catalog.failure(operation, requestId, e), requestId);
        }
    }

    /**
     * Loads and initialises what the first real call would (the codec, every request shape of this service, its model
     * table), so that call is fast. Changes nothing; meant for a background thread right after start.
     */
    public void warmUp() {
        operations.forEach((name, b) -> {
            SdkPojo request = SdkPojoJson.read(new byte[0], b.requestType());
            SdkPojoJson.write(request);
            checks.violations(name, request); // parses the service's model table
        });
    }

    /** The JSON-protocol error response for {@code e}. */
    @Override
    public HttpResponse error(AwsException e, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", e.errorCode());
        body.put("message", e.getMessage());
        return HttpResponse.of(e.httpStatus(), contentType, JsonTree.write(body))
                .withHeader("x-amzn-RequestId", requestId)
                .withHeader("x-amzn-ErrorType", e.errorCode());
    }

    private record Binding<I extends SdkPojo, O extends SdkPojo>(Class<I> requestType, Operation<I, O> handler) {
        O invoke(byte[] body, CallContext context, ModelChecks checks, Consumer<SdkPojo> requestCheck) {
            I request = SdkPojoJson.read(body, requestType);
            checks.check(context.operation(), request);
            requestCheck.accept(request);
            return handler.call(request, context);
        }
    }

    /** Builds a {@link JsonService}. */
    public static final class Builder {
        private final String signingName;
        private final String targetPrefix;
        private final Class<?> clientInterface;
        private final Map<String, Binding<?, ?>> operations = new LinkedHashMap<>();
        private String jsonVersion = "1.1";
        private Clock clock = Clock.systemUTC();
        private final Map<String, Set<String>> required = new HashMap<>();
        private ValidationStyle validation = ValidationStyle.awsValidation("ValidationException");
        private Consumer<SdkPojo> requestCheck = request -> {};

        private Builder(String signingName, String targetPrefix, Class<?> clientInterface) {
            this.signingName = signingName;
            this.targetPrefix = targetPrefix;
            this.clientInterface = clientInterface;
        }

        /** The protocol version: {@code 1.0} or {@code 1.1} (default). */
        public Builder jsonVersion(String version) {
            this.jsonVersion = version;
            return this;
        }

        /** The clock that stamps {@link CallContext#receivedAt()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How the service answers a request that breaks its model's constraints (default: AWS's common validation
         * error, {@code ValidationException}).
         */
        public Builder validation(ValidationStyle style) {
            this.validation = style;
            return this;
        }

        /**
         * A check every request passes after the model's checks and before its handler runs, for rules the model
         * does not state (e.g. ECS's reserved {@code aws:} tag prefix), throwing the service's {@link AwsException}
         * for bad input; by default none.
         */
        public Builder requestCheck(Consumer<SdkPojo> check) {
            this.requestCheck = check;
            return this;
        }

        /**
         * Routes {@code name} to {@code handler}.
         *
         * @param requestType the SDK request shape, which must be named {@code <name>Request} (in any case:
         *     {@code CreateSamlProviderRequest} for {@code CreateSAMLProvider})
         * @param required members AWS requires although its model does not mark them, by member path in model names
         *     (e.g. {@code taskDefinition}); the model's checks refuse a request without them
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

        public JsonService build() {
            return new JsonService(this);
        }
    }
}
