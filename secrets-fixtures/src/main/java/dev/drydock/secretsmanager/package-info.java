/**
 * AWS Secrets Manager in Drydock: {@link dev.drydock.secretsmanager.SecretsManagerModule} (the module) and {@link dev.drydock.secretsmanager.SecretsManagerFixtures} (secrets, with values, KMS keys, tags and resource policies). Everything else is done through the AWS Secrets Manager API with the AWS SDK; {@code dev.drydock.secretsmanager.internal} is not
 * API.
 */
package dev.drydock.secretsmanager;
