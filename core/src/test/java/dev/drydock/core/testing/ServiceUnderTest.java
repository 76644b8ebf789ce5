package dev.drydock.core.testing;

import dev.drydock.core.Drydock;
import dev.drydock.core.internal.model.ServiceModel;
import dev.drydock.core.testing.RawAws.Answer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One service of a running Drydock, as the suites see it from outside: its model (operations by AWS's names), raw
 * signed requests in its protocol, and which operations Drydock implements (those that do not answer the
 * not-implemented error), found by calling each one.
 */
public final class ServiceUnderTest {
    /** The error codes that say an operation is not there: not implemented, or unknown to the service. */
    public static final Set<String> ABSENT =
            Set.of("NotImplementedException", "NotImplemented", "UnknownOperationException", "InvalidAction");

    private final ServiceModel model;
    private final Wire wire;
    private final RawAws raw;
    private Set<String> implemented;

    /**
     * @param drydock the running instance
     * @param clientInterface the service's SDK client interface, e.g. {@code EcsClient.class}; its package names the
     *     model table
     */
    public ServiceUnderTest(Drydock drydock, Class<?> clientInterface) {
        this.model = ServiceModel.forClient(clientInterface)
                .orElseThrow(() -> new IllegalArgumentException("Drydock has no model table for "
                        + clientInterface.getName() + ": add it to scripts/service-models.py and regenerate"));
        this.wire = new Wire(model, clientInterface);
        this.raw = new RawAws(drydock, model.signingName());
    }

    public ServiceModel model() {
        return model;
    }

    public Wire wire() {
        return wire;
    }

    public RawAws raw() {
        return raw;
    }

    /** The operations Drydock implements, by AWS's names, sorted (each operation called once, on first use). */
    public Set<String> implementedOperations() {
        if (implemented == null) {
            Set<String> found = new TreeSet<>();
            for (String op : model.operations()) {
                Optional<RawAws.Request> request = wire.protocol().equals("json")
                        ? Optional.of(wire.json(op, "{}".getBytes()))
                        : wire.request(op, Map.of());
                if (request.isEmpty()) {
                    continue;
                }
                Answer a = raw.send(request.get());
                if (a.status() != 501 && (a.errorCode() == null || !ABSENT.contains(a.errorCode()))) {
                    found.add(op);
                }
            }
            implemented = found;
        }
        return implemented;
    }
}
