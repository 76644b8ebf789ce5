package dev.drydock.kms.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.KeyEncryption;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.kms.KmsModule;
import dev.drydock.kms.internal.backend.KmsBackend;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KeyCrypto;
import dev.drydock.kms.internal.support.KmsRequests;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KMS module: the keys model, its routing table ({@link KmsApi}, built on first use), and the SPI's
 * {@link KeyEncryption} through which Secrets Manager and Parameter Store encrypt and decrypt as their callers
 * ("How AWS services use AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/service-integration.html):
 * each such use is a KMS decision on the caller's behalf, with {@code kms:ViaService}, recorded as the call it serves
 * is. Found by {@link java.util.ServiceLoader}; its public face is {@link KmsModule}.
 */
public final class KmsServiceModule implements KmsModule, KeyEncryption {
    private ServiceContext context;
    private KmsBackend backend;
    private KeyAccess access;

    @Override
    public String name() {
        return "kms";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("Kms");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        Duration dayLength = context.settings().duration("secrets.day-length", Duration.ofDays(1));
        backend = new KmsBackend(context.accountId(), context.region(), context.clock(), dayLength);
        access = new KeyAccess(backend);
        context.registerOnFirstUse(SIGNING_NAME, TARGET_PREFIX, () -> KmsApi.routingTable(access, context.clock()));
        context.resourceTags(backend.tags());
    }

    /**
     * The KMS module of a Drydock instance, for Drydock's own fixtures, tests and benchmarks. Not a stable API.
     *
     * @throws dev.drydock.core.DrydockException when drydock-secrets-fixtures is not on the classpath
     */
    public static KmsServiceModule of(Drydock drydock) {
        return (KmsServiceModule) drydock.service(KmsModule.class);
    }

    /** The KMS API's operations, called as the test principal: what the fixtures use. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The model, for tests. Not a stable API. */
    public KmsBackend backend() {
        return backend;
    }

    // ------------------------------------------------------------------------------------------ key encryption

    @Override
    public EncryptionKey key(String keyId, String service) {
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
        KmsKey k = backend.find(key.keyId()).orElseThrow(() -> KmsErrors.keyNotFound(key.arn()));
        access.authorize(onBehalf(call, action), action, k, viaKeys(viaService, encryptionContext));
        return KeyCrypto.encrypt(k, plaintext, encryptionContext);
    }

    @Override
    public byte[] decrypt(
            CallContext call, String viaService, byte[] ciphertext, Map<String, String> encryptionContext) {
        KmsKey k = KeyCrypto.keyOf(backend, ciphertext, null);
        access.authorizeDecrypt(
                onBehalf(call, "kms:Decrypt"), "kms:Decrypt", k, viaKeys(viaService, encryptionContext));
        return KeyCrypto.decrypt(k, ciphertext, encryptionContext);
    }

    /** The KMS call a service makes for its caller: same request id, caller and time; KMS's operation. */
    private CallContext onBehalf(CallContext call, String action) {
        return context.callContext(call, SIGNING_NAME, action.substring(action.indexOf(':') + 1));
    }

    private Map<String, List<String>> viaKeys(String viaService, Map<String, String> encryptionContext) {
        Map<String, List<String>> keys = new LinkedHashMap<>(KmsRequests.crypto(null, encryptionContext));
        keys.put("kms:ViaService", List.of(viaService + "." + context.region() + ".amazonaws.com"));
        return keys;
    }

    @Override
    public String diagnostics() {
        List<KmsKey> keys = backend == null ? List.of() : backend.keys();
        if (keys.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Drydock KMS keys (" + keys.size() + "):\n");
        for (KmsKey k : keys) {
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
