package dev.drydock.core.internal.service;

import dev.drydock.core.internal.model.ServiceModel;
import dev.drydock.core.spi.AwsException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Which operations a service has in AWS and which Drydock implements, and the error for one AWS has that Drydock does
 * not: HTTP 501 naming the operation and listing the implemented ones. AWS's operations, by AWS's names
 * ({@code CreateSAMLProvider}, not the SDK's {@code CreateSamlProvider}), come from the service's model table when
 * Drydock has one, else from the SDK client interface.
 */
final class OperationCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(OperationCatalog.class);
    private final String signingName;
    private final Class<?> clientInterface;
    private final Set<String> implemented;
    private final String notImplementedCode;
    private volatile Set<String> awsOperations;
    private Supplier<Optional<ServiceModel>> model = Optional::empty;

    /**
     * @param clientInterface the SDK's synchronous client interface, e.g. {@code EcsClient.class}
     * @param implemented the operations Drydock serves
     * @param notImplementedCode {@code NotImplementedException} (JSON protocols) or {@code NotImplemented} (query)
     */
    OperationCatalog(String signingName, Class<?> clientInterface, Set<String> implemented, String notImplementedCode) {
        this.signingName = signingName;
        this.clientInterface = clientInterface;
        this.implemented = Collections.unmodifiableSet(new TreeSet<>(implemented));
        this.notImplementedCode = notImplementedCode;
    }

    /** The same catalog, taking AWS's operation names from the service's model when there is one. */
    OperationCatalog withModel(Supplier<Optional<ServiceModel>> model) {
        this.model = model;
        return this;
    }

    /** Names of the operations Drydock implements, sorted. */
    Set<String> implemented() {
        return implemented;
    }

    /**
     * Names of every operation AWS has for this service, sorted, as AWS spells them: the model's operations, or the
     * SDK client interface's when Drydock has no complete model of the service. Computed on first use.
     */
    Set<String> awsOperations() {
        Set<String> ops = awsOperations;
        if (ops == null) {
            Optional<ServiceModel> fromModel = model.get();
            ops = fromModel.isPresent() && fromModel.get().allOperations()
                    ? fromModel.get().operations()
                    : sdkOperations();
            awsOperations = ops;
        }
        return ops;
    }

    /**
     * Names of the operations of the SDK client interface, sorted, as the SDK spells them (its request classes'
     * names without {@code Request}). Loads every request class.
     */
    Set<String> sdkOperations() {
        Set<String> found = new TreeSet<>();
        for (Method m : clientInterface.getMethods()) {
            if (m.getParameterCount() == 1
                    && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                    && !Modifier.isStatic(m.getModifiers())) {
                String name = m.getParameterTypes()[0].getSimpleName();
                found.add(name.substring(0, name.length() - "Request".length()));
            }
        }
        return Collections.unmodifiableSet(found);
    }

    /** The HTTP 501 error for an operation AWS has and Drydock does not implement, or null when AWS lacks it too. */
    AwsException notImplemented(String operation) {
        if (!awsOperations().contains(operation)) {
            return null;
        }
        return notImplementedError(operation);
    }

    /**
     * The HTTP 501 error for an operation the SDK names (in the SDK's spelling, e.g. {@code CreateSamlProvider}), named
     * as AWS names it.
     */
    AwsException notImplementedSdkOperation(String sdkName) {
        String name = model.get().flatMap(m -> m.operationNamed(sdkName)).orElse(sdkName);
        return notImplementedError(name);
    }

    private AwsException notImplementedError(String operation) {
        return new AwsException(
                notImplementedCode,
                501,
                "Drydock does not implement " + signingName + ":" + operation + " yet. Implemented " + signingName
                        + " operations: " + String.join(", ", implemented) + ".");
    }

    /**
     * The error to answer for a call that threw, logged: an {@link AwsException} as it is (DEBUG); anything else is a
     * Drydock bug, answered as AWS answers its own failures, InternalFailure (HTTP 500), saying what broke (WARN, with
     * the stack trace).
     */
    AwsException failure(String operation, String requestId, RuntimeException e) {
        if (e instanceof AwsException aws) {
            LOG.debug(
                    "{}:{} -> {} {}: {}", signingName, operation, aws.httpStatus(), aws.errorCode(), aws.getMessage());
            return aws;
        }
        LOG.warn("{}:{} failed (request {})", signingName, operation, requestId, e);
        return AwsException.server(
                "InternalFailure", "Drydock failed to process " + signingName + ":" + operation + ": " + e);
    }
}
