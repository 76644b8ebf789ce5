package dev.drydock.kms;

import dev.drydock.core.spi.ServiceModule;

/**
 * AWS KMS in a Drydock instance, the part secrets need: symmetric encryption keys with key policies evaluated as KMS
 * evaluates them, aliases, the AWS managed keys {@code aws/secretsmanager} and {@code aws/ssm} (created on first use),
 * Encrypt/Decrypt/GenerateDataKey, key states and scheduled deletion, tags. The KMS API (AWS JSON 1.1,
 * {@code X-Amz-Target: TrentService.*}, signing name {@code kms}) is served on Drydock's endpoint; Secrets Manager and
 * SSM Parameter Store encrypt through it as their callers. Found on the classpath by {@link java.util.ServiceLoader};
 * reach it with {@code drydock.service(KmsModule.class)}, declare keys with {@link KmsFixtures} (or {@code @KmsKey}).
 *
 * <p>Ciphertexts are Drydock's own (AES-256-GCM under per-key random material, bound to the key and the encryption
 * context), not AWS's format: they round-trip through Encrypt and Decrypt and fail as AWS's do under another key,
 * another encryption context or when altered. A day of a deletion waiting period lasts one day unless the setting
 * {@code secrets.day-length} (an ISO-8601 duration such as {@code PT1S}, or seconds) shortens it.
 */
public interface KmsModule extends ServiceModule {
    /** The {@code X-Amz-Target} prefix of the KMS API. */
    String TARGET_PREFIX = "TrentService";

    /** The SigV4 signing name. */
    String SIGNING_NAME = "kms";
}
