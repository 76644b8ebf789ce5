package dev.drydock.secretsmanager;

import dev.drydock.core.spi.ServiceModule;

/**
 * AWS Secrets Manager in a Drydock instance: secrets with versions and staging labels ({@code AWSCURRENT},
 * {@code AWSPREVIOUS}, {@code AWSPENDING}), encrypted under KMS keys, resource policies evaluated by IAM, deletion
 * with a recovery window, tags; served as the Secrets Manager API (AWS JSON 1.1, {@code X-Amz-Target:
 * secretsmanager.*}, signing name {@code secretsmanager}) on Drydock's endpoint. ECS reads a task's {@code secrets}
 * and {@code repositoryCredentials} through it, as the task's execution role. Found on the classpath by
 * {@link java.util.ServiceLoader}; reach it with {@code drydock.service(SecretsManagerModule.class)}, declare secrets
 * with {@link SecretsManagerFixtures} (or {@code @Secret}).
 *
 * <p>Rotation (RotateSecret, which needs Lambda) and replication to other regions are not modelled and answer
 * NotImplementedException. A day of a recovery window lasts one day unless the setting {@code secrets.day-length} (an
 * ISO-8601 duration such as {@code PT1S}, or seconds) shortens it.
 */
public interface SecretsManagerModule extends ServiceModule {
    /** The {@code X-Amz-Target} prefix of the Secrets Manager API. */
    String TARGET_PREFIX = "secretsmanager";

    /** The SigV4 signing name. */
    String SIGNING_NAME = "secretsmanager";
}
