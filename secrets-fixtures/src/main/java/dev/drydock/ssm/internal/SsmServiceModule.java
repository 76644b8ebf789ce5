package dev.drydock.ssm.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.KeyEncryption;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ssm.SsmModule;
import dev.drydock.ssm.internal.backend.Parameter;
import dev.drydock.ssm.internal.backend.ParameterStore;
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.util.List;

/**
 * The Parameter Store module: the parameters model and its routing table ({@link SsmApi}, built on first use).
 * SecureStrings are encrypted through KMS by the SPI's {@link KeyEncryption}. Found by
 * {@link java.util.ServiceLoader}; its public face is {@link SsmModule}.
 */
public final class SsmServiceModule implements SsmModule {
    private ServiceContext context;
    private ParameterStore store;

    @Override
    public String name() {
        return "ssm";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("Ssm");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        store = new ParameterStore(context.accountId(), context.region(), context.clock());
        ParameterAccess access = new ParameterAccess(store, () -> context.module(KeyEncryption.class));
        context.registerOnFirstUse(SIGNING_NAME, TARGET_PREFIX, () -> SsmApi.routingTable(access, context.clock()));
        context.resourceTags(store.tags());
    }

    /**
     * The Parameter Store module of a Drydock instance, for Drydock's own fixtures, tests and benchmarks. Not a stable
     * API.
     *
     * @throws dev.drydock.core.DrydockException when drydock-secrets-fixtures is not on the classpath
     */
    public static SsmServiceModule of(Drydock drydock) {
        return (SsmServiceModule) drydock.service(SsmModule.class);
    }

    /** The Systems Manager API's operations, called as the test principal: what the fixtures use. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The model, for tests. Not a stable API. */
    public ParameterStore store() {
        return store;
    }

    @Override
    public String diagnostics() {
        List<Parameter> all = store == null ? List.of() : store.all();
        if (all.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Drydock SSM parameters (" + all.size() + "):\n");
        all.forEach(p -> b.append("  ")
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
