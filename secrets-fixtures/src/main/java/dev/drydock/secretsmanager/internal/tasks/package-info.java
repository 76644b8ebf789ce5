/**
 * How ECS reads a task's {@code secrets} and {@code repositoryCredentials} as its execution role (the SPI's {@code
 * TaskSecretResolver}): Parameter Store references with {@code ssm:GetParameters}, Secrets Manager ARNs with {@code
 * secretsmanager:GetSecretValue}, each call authorized and recorded like an API call, failures worded as Fargate words
 * them.
 */
package dev.drydock.secretsmanager.internal.tasks;
