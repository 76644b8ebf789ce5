package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.model.ModelChecks;
import dev.drydock.core.internal.protocol.SdkPojoJson;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.JsonService;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.ValidationStyle;
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
 * A {@link JsonService} on Drydock's endpoint: reads each request into its SDK shape, checks it against the service's
 * model ({@link ModelChecks}: answered in the service's {@link ValidationStyle}, by default {@code
 * ValidationException}) and with the service's request check, runs its handler and writes the answer or the error in
 * the AWS JSON 1.0/1.1 protocol.
 */
public final class JsonProtocol implements JsonService, AwsService {
    private static final Logger LOG = LoggerFactory.getLogger(JsonProtocol.class);

    private final String signingName;
    private final String targetPrefix;
    private final String contentType;
    private final OperationCatalog catalog;
    private final Map<String, Binding<?, ?>> operations;
    private final ModelChecks checks;
    private final Consumer<SdkPojo> requestCheck;
    private final Clock clock;

    private JsonProtocol(Builder builder) {
        this.signingName = builder.signingName;
        this.targetPrefix = builder.targetPrefix;
        this.contentType = "application/x-amz-json-" + builder.jsonVersion;
        this.catalog = new OperationCatalog(
                builder.signingName, builder.clientInterface, builder.handlers.keySet(), "NotImplementedException");
        this.checks = new ModelChecks(builder.clientInterface, builder.validation, builder.required);
        this.catalog.withModel(checks::model);
        this.requestCheck = builder.requestCheck;
        this.clock = builder.clock;
        Map<String, Binding<?, ?>> bindings = new LinkedHashMap<>();
        builder.handlers.forEach(
                (name, handler) -> bindings.put(name, binding(builder.requestTypes.get(name), handler)));
        this.operations = Map.copyOf(bindings);
    }

    /** Starts a routing table; see {@link JsonService#builder}. */
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

    @Override
    public String targetPrefix() {
        return targetPrefix;
    }

    @Override
    public Set<String> implementedOperations() {
        return catalog.implemented();
    }

    @Override
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
            Call context = Call.forRequest(requestId, this, operation, caller, request, clock, authorizer);
            SdkPojo response = binding.invoke(binding.read(request.body()), context);
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Binding<?, ?> binding(Class<? extends SdkPojo> requestType, Operation<?, ?> handler) {
        return new Binding(requestType, handler);
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

    @Override
    public SdkPojo invoke(String operation, SdkPojo request, Call context) {
        Binding<?, ?> binding = operations.get(operation);
        if (binding == null) {
            throw AwsException.client("UnknownOperationException", signingName + " implements no " + operation + ".");
        }
        return binding.invoke(request, context);
    }

    /** One routing entry; {@link #invoke} is the one path every request takes to its handler. */
    private final class Binding<I extends SdkPojo, O extends SdkPojo> {
        private final Class<I> requestType;
        private final Operation<I, O> handler;

        Binding(Class<I> requestType, Operation<I, O> handler) {
            this.requestType = requestType;
            this.handler = handler;
        }

        Class<I> requestType() {
            return requestType;
        }

        I read(byte[] body) {
            return SdkPojoJson.read(body, requestType);
        }

        /** The checks every request passes before its handler (its model's, the service's), then the handler. */
        O invoke(SdkPojo input, Call context) {
            I request = requestType.cast(input);
            checks.check(context.operation(), request);
            requestCheck.accept(request);
            return handler.call(request, context);
        }
    }

    /** Builds a {@link JsonProtocol}. */
    public static final class Builder implements JsonService.Builder {
        private final String signingName;
        private final String targetPrefix;
        private final Class<?> clientInterface;
        private final Map<String, Operation<?, ?>> handlers = new LinkedHashMap<>();
        private final Map<String, Class<? extends SdkPojo>> requestTypes = new LinkedHashMap<>();
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

        @Override
        public Builder jsonVersion(String version) {
            this.jsonVersion = version;
            return this;
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
        public Builder requestCheck(Consumer<SdkPojo> check) {
            this.requestCheck = check;
            return this;
        }

        @Override
        public <I extends SdkPojo, O extends SdkPojo> Builder operation(
                String name, Class<I> requestType, Operation<I, O> handler, String... required) {
            if (!requestType.getSimpleName().equalsIgnoreCase(name + "Request")) {
                throw new IllegalArgumentException(
                        signingName + ": operation " + name + " takes " + requestType.getSimpleName());
            }
            requestTypes.put(name, requestType);
            handlers.put(name, handler);
            if (required.length > 0) {
                this.required.put(name, Set.of(required));
            }
            return this;
        }

        @Override
        public JsonProtocol build() {
            return new JsonProtocol(this);
        }
    }
}
