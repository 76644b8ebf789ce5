package dev.drydock.ssm;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.service.Caller;
import dev.drydock.core.internal.service.DirectCalls;
import dev.drydock.core.internal.service.KeyEncryption;
import dev.drydock.core.internal.service.LazyService;
import dev.drydock.core.internal.service.Memoized;
import dev.drydock.core.internal.service.ServiceContext;
import dev.drydock.core.internal.service.ServiceModule;
import dev.drydock.ssm.internal.ParameterAccess;
import dev.drydock.ssm.internal.SsmApi;
import dev.drydock.ssm.internal.backend.Parameter;
import dev.drydock.ssm.internal.backend.ParameterStore;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * AWS Systems Manager Parameter Store in a Drydock instance: String, StringList and SecureString parameters (the
 * latter encrypted under KMS keys), hierarchies, versions, labels, tiers and tags, served as the Parameter Store
 * operations of the Systems Manager API (AWS JSON 1.1, {@code X-Amz-Target: AmazonSSM.*}, signing name {@code ssm})
 * on Drydock's endpoint. Found on the classpath by {@link java.util.ServiceLoader}; reach it with
 * {@code drydock.service(SsmModule.class)}.
 */
public final class SsmModule implements ServiceModule {
    private ServiceContext context;
    private LazyService service;
    /** The model and the routing table, built on first use (right after start, by the warm-up thread). */
    private final Memoized<State> state = new Memoized<>(this::newState);

    private record State(ParameterStore store, SsmApi api) {}

    @Override
    public String name() {
        return "ssm";
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        this.service = new LazyService(
                "ssm", ProtocolFamily.JSON, () -> state.get().api().service(context.clock()));
        context.register(SsmApi.TARGET_PREFIX, service);
        context.resourceTags(this::resourceTags);
    }

    private State newState() {
        ParameterStore store = new ParameterStore(context.accountId(), context.region(), context.clock());
        return new State(store, new SsmApi(new ParameterAccess(store, () -> context.module(KeyEncryption.class))));
    }

    /** A parameter's tags for {@code aws:ResourceTag/*}; none before the model exists. */
    private Map<String, String> resourceTags(String arn) {
        ParameterStore store = state.peek().map(State::store).orElse(null);
        if (store == null || !arn.startsWith(store.arnPrefix() + "/")) {
            return Map.of();
        }
        return store.find(store.nameOf(arn)).map(Parameter::tags).orElse(Map.of());
    }

    /**
     * Calls a Parameter Store operation as {@code caller}, through the same checks and authorization as the API: for
     * the other services of this family (a task's secrets read as its execution role). Not a stable API.
     *
     * @param operation the operation name, e.g. {@code GetParameters}
     * @param requestId the request id the decision log records
     * @throws dev.drydock.core.internal.protocol.AwsException as the operation answers on the wire
     */
    public <O extends SdkPojo> O callAs(Caller caller, String operation, SdkPojo request, String requestId) {
        return state.get().api().call(request, DirectCalls.as(context, service, operation, caller, requestId));
    }

    /** Calls an operation as the test principal (an administrator), for fixtures. */
    <O extends SdkPojo> O callAsAdministrator(String operation, SdkPojo request) {
        return state.get().api().call(request, DirectCalls.asAdministrator(context, service, operation));
    }

    @Override
    public String diagnostics() {
        ParameterStore store = state.peek().map(State::store).orElse(null);
        if (store == null || store.all().isEmpty()) {
            return "";
        }
        StringBuilder b =
                new StringBuilder("Drydock SSM parameters (" + store.all().size() + "):\n");
        store.all()
                .forEach(p -> b.append("  ")
                        .append(p.name())
                        .append(' ')
                        .append(p.latest().type())
                        .append(" v")
                        .append(p.latest().version())
                        .append('\n'));
        return b.toString();
    }

    @Override
    public void close() {}
}
