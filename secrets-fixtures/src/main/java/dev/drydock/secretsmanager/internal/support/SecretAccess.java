package dev.drydock.secretsmanager.internal.support;

import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.KeyEncryption;
import dev.drydock.core.spi.KeyEncryption.EncryptionKey;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.secretsmanager.internal.SecretsErrors;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.backend.SecretVersion;
import dev.drydock.secretsmanager.internal.backend.SecretsBackend;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How Secrets Manager operations authorize and encrypt, as the Service Authorization Reference for AWS Secrets
 * Manager (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html) and "Secret
 * encryption and decryption in AWS Secrets Manager"
 * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html) describe it:
 *
 * <ul>
 *   <li>Actions on a secret are evaluated on its ARN with its resource policy, and carry
 *       {@code secretsmanager:SecretId} (the id as given) and {@code secretsmanager:ResourceTag/<key>}; a secret that
 *       does not exist is evaluated on the ARN the request implies, so a caller without permission learns nothing.
 *       AccessDenied messages name the resource as the request named it, as Secrets Manager's do.</li>
 *   <li>Values are encrypted under the secret's KMS key as the caller ({@code kms:GenerateDataKey} to write,
 *       {@code kms:Decrypt} to read, via {@code secretsmanager.<region>.amazonaws.com}, encryption context
 *       {@code SecretARN} and {@code SecretVersionId}); a caller KMS refuses gets "Access to KMS is not allowed".</li>
 * </ul>
 */
public final class SecretAccess {
    /** The service name in {@code kms:ViaService}. */
    public static final String SERVICE = "secretsmanager";

    private final SecretsBackend backend;
    private final Supplier<Optional<KeyEncryption>> kms;

    public SecretAccess(SecretsBackend backend, Supplier<Optional<KeyEncryption>> kms) {
        this.backend = backend;
        this.kms = kms;
    }

    public SecretsBackend backend() {
        return backend;
    }

    /**
     * Authorizes {@code action} on the secret {@code secretId} names (existing or not), with its resource policy.
     *
     * @param keys the operation's condition keys
     * @throws AwsException AccessDeniedException naming the resource as the request did
     */
    public void authorize(CallContext c, String action, String secretId, Map<String, List<String>> keys) {
        Optional<Secret> secret = backend.find(secretId);
        String arn = backend.resourceArn(secretId);
        Map<String, List<String>> context = new LinkedHashMap<>(keys);
        context.put("secretsmanager:SecretId", List.of(secretId));
        secret.ifPresent(s -> context.putAll(TagConditions.resource("secretsmanager", s.tags())));
        try {
            c.authorize(action, arn, context, secret.flatMap(Secret::policy).orElse(null), backend.account());
        } catch (AwsException e) {
            if (!"AccessDeniedException".equals(e.errorCode()) || arn.equals(secretId)) {
                throw e;
            }
            throw AwsException.client(
                    e.errorCode(),
                    e.getMessage().replace(" on resource: " + arn + " ", " on resource: " + secretId + " "));
        }
    }

    /** Authorizes an action without a resource ({@code *}): ListSecrets, GetRandomPassword, BatchGetSecretValue. */
    public void authorizeAccount(CallContext c, String action) {
        c.authorize(action, "*");
    }

    /**
     * The KMS key a request names ({@code KmsKeyId}: key id, key ARN, alias name or alias ARN), or
     * {@code aws/secretsmanager}, created on first use.
     *
     * @throws AwsException EncryptionFailureException when no such key exists
     */
    public EncryptionKey key(String kmsKeyId) {
        try {
            return encryption().key(kmsKeyId, SERVICE);
        } catch (AwsException e) {
            throw kmsState(e) ? encryptionFailure() : e;
        }
    }

    /**
     * Encrypts a version's value under {@code key} as the caller.
     *
     * @throws AwsException AccessDeniedException "Access to KMS is not allowed", or EncryptionFailureException when the
     *     key is disabled or pending deletion
     */
    public byte[] encrypt(CallContext c, String secretArn, String versionId, EncryptionKey key, byte[] value) {
        try {
            return encryption()
                    .encrypt(c, SERVICE, "kms:GenerateDataKey", key, value, encryptionContext(secretArn, versionId));
        } catch (AwsException e) {
            if ("AccessDeniedException".equals(e.errorCode())) {
                throw SecretsErrors.kmsAccessDenied();
            }
            throw kmsState(e) ? encryptionFailure() : e;
        }
    }

    /**
     * Decrypts a version's value as the caller.
     *
     * @throws AwsException AccessDeniedException "Access to KMS is not allowed", or DecryptionFailureException when
     *     the key is disabled, pending deletion or gone
     */
    public byte[] decrypt(CallContext c, Secret secret, SecretVersion version) {
        try {
            return encryption()
                    .decrypt(c, SERVICE, version.ciphertext(), encryptionContext(secret.arn(), version.versionId()));
        } catch (AwsException e) {
            if ("AccessDeniedException".equals(e.errorCode())) {
                throw SecretsErrors.kmsAccessDenied();
            }
            if (!kmsState(e)) {
                throw e;
            }
            throw AwsException.client(
                    "DecryptionFailureException",
                    "Secrets Manager can't decrypt the protected secret text using the provided KMS key.");
        }
    }

    /** SHA-256 of a value and its kind, to tell a retried version from a changed one. */
    public static String digest(boolean binary, byte[] value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((binary ? "binary:" : "string:").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** KMS's answers about the key itself: missing, disabled, pending deletion, or a ciphertext it cannot open. */
    private static boolean kmsState(AwsException e) {
        return switch (e.errorCode()) {
            case "NotFoundException",
                    "DisabledException",
                    "KMSInvalidStateException",
                    "InvalidCiphertextException",
                    "InvalidArnException" -> true;
            default -> false;
        };
    }

    private static Map<String, String> encryptionContext(String secretArn, String versionId) {
        return Map.of("SecretARN", secretArn, "SecretVersionId", versionId);
    }

    private static AwsException encryptionFailure() {
        return AwsException.client(
                "EncryptionFailureException",
                "Secrets Manager can't encrypt the protected secret text using the provided KMS key. Check that the KMS "
                        + "key is available, enabled, and not in an invalid state.");
    }

    private KeyEncryption encryption() {
        return kms.get()
                .orElseThrow(() -> new DrydockException("Secrets Manager needs KMS, which is not on the classpath: add "
                        + "dev.drydock:drydock-secrets-fixtures whole."));
    }
}
