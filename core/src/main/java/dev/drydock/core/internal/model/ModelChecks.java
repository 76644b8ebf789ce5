package dev.drydock.core.internal.model;

import dev.drydock.core.spi.ValidationStyle;
import dev.drydock.core.spi.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The request checks of one service: every request is checked against its operation's input shape in the service's
 * model ({@link RequestValidator}) before its handler runs, and a request that breaks the model is answered with the
 * service's {@link ValidationStyle} and changes nothing. Members AWS requires although its model does not mark them
 * are declared next to the routing table and checked the same way.
 *
 * <p>The model is found from the service's SDK client interface and parsed on the first check, so Drydock's start
 * pays nothing for it. Thread-safe.
 */
public final class ModelChecks {
    private final Class<?> clientInterface;
    private final ValidationStyle style;
    private final Map<String, Set<String>> extraRequired;
    private final Map<String, RequestValidator> validators = new ConcurrentHashMap<>();
    private volatile Optional<ServiceModel> model;

    /**
     * @param clientInterface the SDK's synchronous client interface, e.g. {@code EcsClient.class}, whose package names
     *     the model table
     * @param style how the service answers violations
     * @param extraRequired per operation, members AWS requires although its model does not mark them (member paths)
     */
    public ModelChecks(Class<?> clientInterface, ValidationStyle style, Map<String, Set<String>> extraRequired) {
        this.clientInterface = clientInterface;
        this.style = style;
        this.extraRequired = Map.copyOf(extraRequired);
    }

    /** The service's model, parsed on first use; empty when Drydock has no table for the service. */
    public Optional<ServiceModel> model() {
        Optional<ServiceModel> m = model;
        if (m == null) {
            m = ServiceModel.forClient(clientInterface);
            model = m;
        }
        return m;
    }

    /**
     * The violations of a request (empty when it is valid).
     *
     * @param operation the operation, by AWS's name or the SDK's ({@code CreateSamlProvider} for
     *     {@code CreateSAMLProvider})
     */
    public List<Violation> violations(String operation, SdkPojo request) {
        Optional<ServiceModel> m = model();
        if (m.isEmpty()) {
            return List.of();
        }
        String name = m.get().operationNamed(operation).orElse(operation);
        RequestValidator validator = validators.computeIfAbsent(
                name,
                n -> new RequestValidator(
                        m.get(),
                        style.blankIsMissing(),
                        extraRequired.getOrDefault(operation, Set.of()),
                        style.blankAllowed(name)));
        List<Violation> found = validator.validate(name, request);
        if (!found.isEmpty()) {
            found.removeIf(v -> style.leftToHandler(operation, v));
        }
        return found;
    }

    /**
     * Checks a request.
     *
     * @throws dev.drydock.core.spi.AwsException the service's validation error, naming every violation
     */
    public void check(String operation, SdkPojo request) {
        List<Violation> found = violations(operation, request);
        if (!found.isEmpty()) {
            throw style.error(found);
        }
    }
}
