package dev.drydock.kms.internal.backend;

import java.time.Instant;

/**
 * An alias: a friendly name for one key.
 *
 * @param name {@code alias/<name>}
 * @param arn {@code arn:aws:kms:<region>:<account>:alias/<name>}
 * @param targetKeyId the key it points at
 * @param createdAt when it was created
 * @param lastUpdated when it last changed target
 */
public record KmsAlias(String name, String arn, String targetKeyId, Instant createdAt, Instant lastUpdated) {}
