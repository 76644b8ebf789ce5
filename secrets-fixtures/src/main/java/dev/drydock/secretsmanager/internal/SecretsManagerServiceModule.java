package dev.drydock.secretsmanager.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.KeyEncryption;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TaskSecretResolver;
import dev.drydock.secretsmanager.SecretsManagerModule;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.backend.SecretsBackend;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import dev.drydock.secretsmanager.internal.tasks.TaskSecrets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Secrets Manager module: the secrets model, its routing table ({@link SecretsManagerApi}, built on first use)
 * and the {@link TaskSecretResolver} through which ECS reads a task's {@code secrets} (Secrets Manager secrets and
 * Parameter Store parameters) and {@code repositoryCredentials} as the task's execution role. Encrypts through KMS by
 * the SPI's {@link KeyEncryption}. Found by {@link java.util.ServiceLoader}; its public face is
 * {@link SecretsManagerModule}.
 */
public final class SecretsManagerServiceModule implements SecretsManagerModule, TaskSecretResolver {
    private ServiceContext context;
    private SecretsBackend backend;
    private TaskSecrets taskSecrets;

    @Override
    public String name() {
        return "secretsmanager";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("SecretsManager");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        Duration dayLength = context.settings().duration("secrets.day-length", Duration.ofDays(1));
        backend = new SecretsBackend(context.accountId(), context.region(), context.clock(), dayLength);
        SecretAccess access = new SecretAccess(backend, () -> context.module(KeyEncryption.class));
        context.registerOnFirstUse(
                SIGNING_NAME, TARGET_PREFIX, () -> SecretsManagerApi.routingTable(access, context.clock()));
        context.resourceTags(backend.tags());
        taskSecrets = new TaskSecrets(context.iam(), context.adminCalls());
    }

    /**
     * The Secrets Manager module of a Drydock instance, for Drydock's own fixtures, tests and benchmarks. Not a stable
     * API.
     *
     * @throws dev.drydock.core.DrydockException when drydock-secrets-fixtures is not on the classpath
     */
    public static SecretsManagerServiceModule of(Drydock drydock) {
        return (SecretsManagerServiceModule) drydock.service(SecretsManagerModule.class);
    }

    /** The Secrets Manager API's operations, called as the test principal: what the fixtures use. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The model, for tests. Not a stable API. */
    public SecretsBackend backend() {
        return backend;
    }

    // ------------------------------------------------------------------------------------ task secret resolver

    @Override
    public Map<String, String> resolve(TaskSecretsRequest request) {
        return taskSecrets.resolve(request);
    }

    @Override
    public RegistryCredentials registryCredentials(String credentialsParameter, String executionRole, String taskId) {
        return taskSecrets.registryCredentials(credentialsParameter, executionRole, taskId);
    }

    @Override
    public String diagnostics() {
        List<Secret> secrets = backend == null ? List.of() : backend.secrets();
        if (secrets.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Drydock Secrets Manager secrets (" + secrets.size() + "):\n");
        secrets.forEach(s -> b.append("  ")
                .append(s.arn())
                .append(' ')
                .append(s.versionStages(false))
                .append(s.deletedDate() == null ? "" : " deleted at " + s.deletedDate())
                .append('\n'));
        return b.toString();
    }

    @Override
    public void close() {}
}
