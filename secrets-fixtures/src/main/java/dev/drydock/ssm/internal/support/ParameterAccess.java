package dev.drydock.ssm.internal.support;

import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.KeyEncryption;
import dev.drydock.core.spi.KeyEncryption.EncryptionKey;
import dev.drydock.core.spi.Page;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.ssm.internal.SsmErrors;
import dev.drydock.ssm.internal.backend.ParameterStore;
import dev.drydock.ssm.internal.backend.ParameterStore.Selected;
import dev.drydock.ssm.internal.backend.ParameterVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * How Parameter Store operations authorize and encrypt, as the Service Authorization Reference for AWS Systems Manager
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html) and "How AWS
 * Systems Manager Parameter Store uses AWS KMS"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html) describe it:
 *
 * <ul>
 *   <li>Actions on a parameter are evaluated on its ARN ({@code arn:aws:ssm:<region>:<account>:parameter/a/b}) with
 *       {@code aws:ResourceTag/*} and {@code ssm:resourceTag/*}.</li>
 *   <li>SecureString values are encrypted under their KMS key ({@code alias/aws/ssm} by default) as the caller:
 *       {@code kms:Encrypt} for standard parameters, {@code kms:GenerateDataKey} for advanced ones, {@code kms:Decrypt}
 *       to read with decryption, via {@code ssm.<region>.amazonaws.com}, with the encryption context
 *       {@code PARAMETER_ARN}. KMS's refusals come back as SSM passes them on, e.g. AccessDeniedException with KMS's
 *       message and {@code (Service: AWSKMS; ...)}.</li>
 * </ul>
 */
public final class ParameterAccess {
    /** The service name in {@code kms:ViaService}. */
    public static final String SERVICE = "ssm";

    private final ParameterStore store;
    private final Supplier<Optional<KeyEncryption>> kms;

    public ParameterAccess(ParameterStore store, Supplier<Optional<KeyEncryption>> kms) {
        this.store = store;
        this.kms = kms;
    }

    public ParameterStore store() {
        return store;
    }

    /** Authorizes {@code action} on the parameter {@code name} (existing or not). */
    public void authorize(CallContext c, String action, String name, Map<String, List<String>> keys) {
        Map<String, List<String>> context = new LinkedHashMap<>(keys);
        store.find(name).ifPresent(p -> context.putAll(TagConditions.resource("ssm", store.tags(p))));
        c.authorize(action, store.arn(name), context);
    }

    /** The key a SecureString is encrypted under: {@code keyId}, or {@code alias/aws/ssm} (created on first use). */
    public EncryptionKey key(String keyId) {
        try {
            return encryption().key(keyId, SERVICE);
        } catch (AwsException e) {
            throw SsmErrors.invalidKeyId(e.getMessage() + kmsSuffix("NotFoundException", "none"));
        }
    }

    /** Encrypts a SecureString value as the caller ({@code kms:Encrypt}, or GenerateDataKey for advanced). */
    public byte[] encrypt(CallContext c, String name, EncryptionKey key, String tier, String value) {
        String action = tier.equals("Advanced") ? "kms:GenerateDataKey" : "kms:Encrypt";
        try {
            return encryption().encrypt(c, SERVICE, action, key, value.getBytes(StandardCharsets.UTF_8), context(name));
        } catch (AwsException e) {
            throw kmsFailure(e, c);
        }
    }

    /**
     * The value a read answers: a String or StringList's value; a SecureString's decrypted value with
     * {@code withDecryption} (as the caller: {@code kms:Decrypt}), else its ciphertext in base64.
     */
    public String value(CallContext c, String name, ParameterVersion v, boolean withDecryption) {
        if (!v.secure()) {
            return v.value();
        }
        if (!withDecryption) {
            return Base64.getEncoder().encodeToString(v.ciphertext());
        }
        try {
            return new String(encryption().decrypt(c, SERVICE, v.ciphertext(), context(name)), StandardCharsets.UTF_8);
        } catch (AwsException e) {
            throw kmsFailure(e, c);
        }
    }

    /** GetParameter's, GetParameters' and GetParametersByPath's Parameter. */
    public Parameter parameter(CallContext c, Selected s, boolean withDecryption) {
        ParameterVersion v = s.version();
        return Parameter.builder()
                .name(s.parameter().name())
                .type(v.type())
                .value(value(c, s.parameter().name(), v, withDecryption))
                .version(v.version())
                .selector(s.selector())
                .lastModifiedDate(v.lastModifiedDate())
                .arn(s.parameter().arn())
                .dataType(v.dataType())
                .build();
    }

    /** A page of a Parameter Store listing whose page holds {@code defaultSize} items by default. */
    public static <T> Page<T> page(List<T> all, Integer max, int defaultSize, String token) {
        return SsmErrors.PAGINATOR.withDefaultPageSize(defaultSize).page(all, max, token);
    }

    private Map<String, String> context(String name) {
        return Map.of("PARAMETER_ARN", store.arn(name));
    }

    /** A KMS error as Parameter Store passes it on: KMS's code and message, with the AWS SDK's service suffix. */
    private static AwsException kmsFailure(AwsException e, CallContext c) {
        String message = e.getMessage() + kmsSuffix(e.errorCode(), c.requestId());
        return switch (e.errorCode()) {
            case "AccessDeniedException" -> SsmErrors.accessDenied(message);
            default -> SsmErrors.invalidKeyId(message);
        };
    }

    private static String kmsSuffix(String code, String requestId) {
        return " (Service: AWSKMS; Status Code: 400; Error Code: " + code + "; Request ID: " + requestId
                + "; Proxy: null)";
    }

    private KeyEncryption encryption() {
        return kms.get()
                .orElseThrow(() -> new DrydockException("Parameter Store needs KMS for SecureString parameters, which "
                        + "is not on the classpath: add dev.drydock:drydock-secrets-fixtures whole."));
    }
}
