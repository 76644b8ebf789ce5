package dev.drydock.kms;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.DirectCalls;
import dev.drydock.core.internal.service.DurationSetting;
import dev.drydock.core.internal.service.KeyEncryption;
import dev.drydock.core.internal.service.LazyService;
import dev.drydock.core.internal.service.Memoized;
import dev.drydock.core.internal.service.ServiceContext;
import dev.drydock.kms.internal.KeyAccess;
import dev.drydock.kms.internal.KeyCrypto;
import dev.drydock.kms.internal.KmsApi;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.KmsRequests;
import dev.drydock.kms.internal.backend.KmsBackend;
import dev.drydock.kms.internal.backend.KmsKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * AWS KMS in a Drydock instance, the part secrets need: symmetric encryption keys with key policies evaluated as KMS
 * evaluates them, aliases, the AWS managed keys {@code aws/secretsmanager} and {@code aws/ssm} (created on first use),
 * Encrypt/Decrypt/GenerateDataKey, key states and scheduled deletion, tags. The KMS API (AWS JSON 1.1,
 * {@code X-Amz-Target: TrentService.*}, signing name {@code kms}) is served on Drydock's endpoint; Secrets Manager and
 * SSM Parameter Store encrypt through it as their callers ({@link KeyEncryption}). Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(KmsModule.class)}.
 *
 * <p>Ciphertexts are Drydock's own (AES-256-GCM under per-key random material, bound to the key and the encryption
 * context), not AWS's format: they round-trip through Encrypt and Decrypt and fail as AWS's do under another key,
 * another encryption context or when altered. A day of a deletion waiting period lasts one day unless the setting
 * {@code secrets.day-length} (an ISO-8601 duration such as {@code PT1S}, or seconds) shortens it.
 */
public final class KmsModule implements KeyEncryption {
    private ServiceContext context;
    private Duration dayLength;
    private LazyService service;
    /** The model and the routing table, built on first use (right after start, by the warm-up thread). */
    private final Memoized<State> state = new Memoized<>(this::newState);

    private record State(KmsBackend backend, KeyAccess access, KmsApi api) {}

    @Override
    public String name() {
        return "kms";
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        this.dayLength = dayLength(context);
        this.service = new LazyService(
                "kms", ProtocolFamily.JSON, () -> state.get().api().service(context.clock()));
        context.register(KmsApi.TARGET_PREFIX, service);
        context.resourceTags(this::resourceTags);
    }

    private State newState() {
        KmsBackend backend = new KmsBackend(context.accountId(), context.region(), context.clock(), dayLength);
        KeyAccess access = new KeyAccess(backend, context.iam());
        return new State(backend, access, new KmsApi(access));
    }

    /** A key's tags for {@code aws:ResourceTag/*}; none before the model exists. */
    private Map<String, String> resourceTags(String arn) {
        KmsBackend backend = state.peek().map(State::backend).orElse(null);
        if (backend == null || !arn.startsWith(backend.keyArn(""))) {
            return Map.of();
        }
        return backend.find(arn.substring(backend.keyArn("").length()))
                .map(KmsKey::tags)
                .orElse(Map.of());
    }

    /**
     * Calls a KMS operation as the test principal (an administrator), through the same checks and authorization as
     * the API, for fixtures.
     *
     * @param operation the operation name, e.g. {@code CreateKey}
     * @param request its request
     * @throws dev.drydock.core.internal.protocol.AwsException as the operation answers on the wire
     */
    <O extends SdkPojo> O callAsAdministrator(String operation, SdkPojo request) {
        return state.get().api().call(request, DirectCalls.asAdministrator(context, service, operation));
    }

    /** How long one "day" of a waiting period lasts: setting {@code secrets.day-length}, default one day. */
    static Duration dayLength(ServiceContext context) {
        return DurationSetting.read(context.settings(), "secrets.day-length", Duration.ofDays(1));
    }

    // ------------------------------------------------------------------------------------------ key encryption

    @Override
    public EncryptionKey key(String keyId, String service) {
        KmsBackend backend = state.get().backend();
        KmsKey k = keyId == null
                        || keyId.isEmpty()
                        || KmsRequests.awsManagedAlias(keyId).isPresent()
                ? backend.awsManagedKey(KmsRequests.awsManagedAlias(keyId).orElse(service))
                : backend.key(keyId, true);
        return new EncryptionKey(k.keyId(), k.arn(), k.awsManaged());
    }

    @Override
    public byte[] encrypt(
            CallContext call,
            String viaService,
            String action,
            EncryptionKey key,
            byte[] plaintext,
            Map<String, String> encryptionContext) {
        State s = state.get();
        KmsKey k = s.backend().find(key.keyId()).orElseThrow(() -> KmsErrors.keyNotFound(key.arn()));
        s.access().authorize(onBehalf(call, action), action, k, viaKeys(viaService, encryptionContext));
        return KeyCrypto.encrypt(k, plaintext, encryptionContext);
    }

    @Override
    public byte[] decrypt(
            CallContext call, String viaService, byte[] ciphertext, Map<String, String> encryptionContext) {
        State s = state.get();
        KmsKey k = KeyCrypto.keyOf(s.backend(), ciphertext, null);
        s.access().authorize(onBehalf(call, "kms:Decrypt"), "kms:Decrypt", k, viaKeys(viaService, encryptionContext));
        return KeyCrypto.decrypt(k, ciphertext, encryptionContext);
    }

    /** The KMS call a service makes for its caller: same request id, caller and time; KMS's operation. */
    private CallContext onBehalf(CallContext call, String action) {
        return new CallContext(
                call.requestId(),
                service,
                action.substring(action.indexOf(':') + 1),
                call.caller(),
                call.sourceIp(),
                call.secureTransport(),
                call.receivedAt(),
                call.authorizer());
    }

    private Map<String, List<String>> viaKeys(String viaService, Map<String, String> encryptionContext) {
        Map<String, List<String>> keys = new LinkedHashMap<>(KmsRequests.crypto(null, encryptionContext));
        keys.put("kms:ViaService", List.of(viaService + "." + context.region() + ".amazonaws.com"));
        return keys;
    }

    @Override
    public String diagnostics() {
        KmsBackend backend = state.peek().map(State::backend).orElse(null);
        if (backend == null || backend.keys().isEmpty()) {
            return "";
        }
        StringBuilder b =
                new StringBuilder("Drydock KMS keys (" + backend.keys().size() + "):\n");
        for (KmsKey k : backend.keys()) {
            b.append("  ").append(k.arn()).append(' ').append(k.state());
            List<String> aliases = backend.aliasNamesOf(k.keyId());
            if (!aliases.isEmpty()) {
                b.append(' ').append(aliases);
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Override
    public void close() {}
}
