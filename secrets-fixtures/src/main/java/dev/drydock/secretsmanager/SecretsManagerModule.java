package dev.drydock.secretsmanager;

import dev.drydock.core.DrydockException;
import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.service.Caller;
import dev.drydock.core.internal.service.DirectCalls;
import dev.drydock.core.internal.service.DurationSetting;
import dev.drydock.core.internal.service.KeyEncryption;
import dev.drydock.core.internal.service.LazyService;
import dev.drydock.core.internal.service.Memoized;
import dev.drydock.core.internal.service.ServiceContext;
import dev.drydock.core.internal.service.TaskSecretResolver;
import dev.drydock.secretsmanager.internal.SecretAccess;
import dev.drydock.secretsmanager.internal.SecretsManagerApi;
import dev.drydock.secretsmanager.internal.TaskSecrets;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.backend.SecretsBackend;
import dev.drydock.ssm.SsmModule;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * AWS Secrets Manager in a Drydock instance: secrets with versions and staging labels, encrypted under KMS keys,
 * resource policies evaluated by IAM, deletion with a recovery window, tags; served as the Secrets Manager API (AWS
 * JSON 1.1, {@code X-Amz-Target: secretsmanager.*}, signing name {@code secretsmanager}) on Drydock's endpoint. Also
 * the {@link TaskSecretResolver} ECS reads a task's {@code secrets} and {@code repositoryCredentials} through (Secrets
 * Manager secrets and Parameter Store parameters, as the task's execution role). Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(SecretsManagerModule.class)}.
 *
 * <p>Within its family, the resolver reads Parameter Store references through {@link SsmModule}'s handlers (the same
 * artifact), and encrypts through KMS by the core interface {@code KeyEncryption}.
 *
 * <p>Rotation (RotateSecret, which needs Lambda) and replication to other regions are not modelled and answer
 * NotImplementedException. A day of a recovery window lasts one day unless the setting {@code secrets.day-length}
 * (an ISO-8601 duration such as {@code PT1S}, or seconds) shortens it.
 */
public final class SecretsManagerModule implements TaskSecretResolver {
    private ServiceContext context;
    private Duration dayLength;
    private LazyService service;
    /** The model, the routing table and the task secret resolver, built on first use (the warm-up after start). */
    private final Memoized<State> state = new Memoized<>(this::newState);

    private record State(SecretsBackend backend, SecretsManagerApi api, TaskSecrets taskSecrets) {}

    @Override
    public String name() {
        return "secretsmanager";
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        this.dayLength = dayLength(context);
        this.service = new LazyService(
                "secretsmanager", ProtocolFamily.JSON, () -> state.get().api().service(context.clock()));
        context.register(SecretsManagerApi.TARGET_PREFIX, service);
        context.resourceTags(this::resourceTags);
    }

    private State newState() {
        SecretsBackend backend = new SecretsBackend(context.accountId(), context.region(), context.clock(), dayLength);
        SecretsManagerApi api =
                new SecretsManagerApi(new SecretAccess(backend, () -> context.module(KeyEncryption.class)));
        TaskSecrets taskSecrets = new TaskSecrets(
                context.iam(),
                context.region(),
                (caller, operation, request, requestId) ->
                        api.call(request, DirectCalls.as(context, service, operation, caller, requestId)),
                (caller, operation, request, requestId) -> context.module(SsmModule.class)
                        .orElseThrow(() -> new DrydockException("Parameter Store is not on the classpath"))
                        .callAs(caller, operation, request, requestId));
        return new State(backend, api, taskSecrets);
    }

    /** A secret's tags for {@code aws:ResourceTag/*}; none before the model exists. */
    private Map<String, String> resourceTags(String arn) {
        SecretsBackend backend = state.peek().map(State::backend).orElse(null);
        if (backend == null || !arn.startsWith(backend.arnPrefix())) {
            return Map.of();
        }
        return backend.find(arn).map(Secret::tags).orElse(Map.of());
    }

    /** How long one "day" of a waiting period lasts: setting {@code secrets.day-length}, default one day. */
    static Duration dayLength(ServiceContext context) {
        return DurationSetting.read(context.settings(), "secrets.day-length", Duration.ofDays(1));
    }

    /**
     * Calls a Secrets Manager operation as {@code caller}, through the same checks and authorization as the API (a
     * task's secrets read as its execution role). Not a stable API.
     *
     * @throws dev.drydock.core.internal.protocol.AwsException as the operation answers on the wire
     */
    public <O extends SdkPojo> O callAs(Caller caller, String operation, SdkPojo request) {
        return state.get().api().call(request, DirectCalls.as(context, service, operation, caller));
    }

    /** Calls an operation as the test principal (an administrator), for fixtures. */
    <O extends SdkPojo> O callAsAdministrator(String operation, SdkPojo request) {
        return state.get().api().call(request, DirectCalls.asAdministrator(context, service, operation));
    }

    // ------------------------------------------------------------------------------------ task secret resolver

    @Override
    public Map<String, String> resolve(TaskSecretsRequest request) {
        return state.get().taskSecrets().resolve(request);
    }

    @Override
    public RegistryCredentials registryCredentials(String credentialsParameter, String executionRole, String taskId) {
        return state.get().taskSecrets().registryCredentials(credentialsParameter, executionRole, taskId);
    }

    @Override
    public String diagnostics() {
        SecretsBackend backend = state.peek().map(State::backend).orElse(null);
        if (backend == null || backend.secrets().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(
                "Drydock Secrets Manager secrets (" + backend.secrets().size() + "):\n");
        backend.secrets()
                .forEach(s -> b.append("  ")
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
