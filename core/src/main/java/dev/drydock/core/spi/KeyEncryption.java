package dev.drydock.core.spi;

import java.util.Map;

/**
 * A service module that encrypts other services' data under KMS keys (AWS KMS), as AWS services integrated with KMS
 * do: Secrets Manager and SSM Parameter Store find it with {@code context.module(KeyEncryption.class)} and call it
 * with their caller's call context, so that KMS authorizes the caller (identity-based policies and the key policy,
 * with {@code kms:ViaService} and {@code kms:CallerAccount} in the request context) and records the decision, as
 * KMS does for a service calling it on a principal's behalf ("How AWS services use AWS KMS",
 * https://docs.aws.amazon.com/kms/latest/developerguide/service-integration.html).
 *
 * <p>Implemented by the KMS module of {@code drydock-secrets-fixtures}. Failures are
 * {@link AwsException}s with KMS's error codes and messages
 * ({@code AccessDeniedException}, {@code NotFoundException}, {@code DisabledException},
 * {@code KMSInvalidStateException}, {@code InvalidCiphertextException}); the calling service words them as it does.
 */
public interface KeyEncryption extends ServiceModule {

    /**
     * The key a service encrypts with: the one {@code keyId} names (key id, key ARN, alias name or alias ARN), or,
     * when {@code keyId} is {@code null} or empty, the service's AWS managed key {@code alias/aws/<service>}, created
     * on first use as AWS creates it. Authorizes nothing.
     *
     * @param keyId the request's key, or {@code null}
     * @param service the AWS managed key's service: {@code secretsmanager} or {@code ssm}
     * @throws AwsException NotFoundException when no such key or alias exists
     */
    EncryptionKey key(String keyId, String service);

    /**
     * Encrypts data for a service as its caller: authorizes {@code action} ({@code kms:GenerateDataKey} or
     * {@code kms:Encrypt}) on the key with {@code kms:ViaService = <service>.<region>.amazonaws.com}, checks the key
     * is enabled, and returns a ciphertext bound to the key and the encryption context.
     *
     * @param call the service call whose caller KMS authorizes (its request id is kept in the decision log)
     * @param service the calling service, e.g. {@code secretsmanager}
     * @param action {@code kms:GenerateDataKey} or {@code kms:Encrypt}
     * @param key the key, from {@link #key}
     * @param plaintext the data
     * @param encryptionContext the encryption context (e.g. {@code SecretARN}, {@code SecretVersionId})
     */
    byte[] encrypt(
            CallContext call,
            String service,
            String action,
            EncryptionKey key,
            byte[] plaintext,
            Map<String, String> encryptionContext);

    /**
     * Decrypts data for a service as its caller: authorizes {@code kms:Decrypt} on the ciphertext's key (with
     * {@code kms:ViaService}), checks the key's state and the encryption context.
     *
     * @param call the service call whose caller KMS authorizes
     * @param service the calling service, e.g. {@code ssm}
     * @param ciphertext a ciphertext from {@link #encrypt}
     * @param encryptionContext the encryption context it was encrypted with
     */
    byte[] decrypt(CallContext call, String service, byte[] ciphertext, Map<String, String> encryptionContext);

    /**
     * A key a service encrypts with.
     *
     * @param keyId the key id (a UUID)
     * @param arn the key ARN, {@code arn:aws:kms:<region>:<account>:key/<key-id>}
     * @param awsManaged whether it is an AWS managed key ({@code alias/aws/<service>})
     */
    record EncryptionKey(String keyId, String arn, boolean awsManaged) {}
}
