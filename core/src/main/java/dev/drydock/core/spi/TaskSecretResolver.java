package dev.drydock.core.spi;

import java.util.List;
import java.util.Map;

/**
 * A service module that reads the values a task's containers get from AWS Secrets Manager and AWS Systems Manager
 * Parameter Store (the container definitions' {@code secrets} and {@code repositoryCredentials}), as the task's
 * execution role, so that ECS can resolve them without depending on the module: it finds one with
 * {@code context.module(TaskSecretResolver.class)}. When none is on the classpath, a task that names secrets cannot
 * start (its stopped reason should name the artifact {@code dev.drydock:drydock-secrets-fixtures}).
 *
 * <p>Implemented by the Secrets Manager module of {@code drydock-secrets-fixtures}. Every
 * read is authorized as a session of the execution role named after the task
 * ({@code arn:aws:sts::<account>:assumed-role/<role>/<task-id>}) and recorded in the decision log like any API call:
 * {@code ssm:GetParameters} (with {@code WithDecryption}, so SecureStrings need {@code kms:Decrypt} on their key),
 * {@code secretsmanager:GetSecretValue} (and {@code kms:Decrypt} for a secret under a customer managed key), as the
 * Amazon ECS agent makes these calls ("Pass sensitive data to an Amazon ECS container",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html).
 */
public interface TaskSecretResolver extends ServiceModule {

    /**
     * Reads every secret of a starting task, all or nothing, as Fargate does before it creates the containers.
     *
     * @param request the task, its execution role and its secrets
     * @return each secret's value by its {@link TaskSecret#name()} (the environment variable's name), in the order
     *     given
     * @throws SecretFailure when one cannot be read; its message is the task's stopped reason, worded as Fargate
     *     words it ({@code ResourceInitializationError: unable to pull secrets or registry auth: ...})
     */
    Map<String, String> resolve(TaskSecretsRequest request);

    /**
     * Reads a private registry's credentials for a container's {@code repositoryCredentials}: the Secrets Manager
     * secret {@code credentialsParameter}, a JSON object with {@code username} and {@code password}.
     *
     * @param credentialsParameter the secret's ARN (or name) as the container definition gives it
     * @param executionRole the task's execution role, name or ARN; {@code null} when the task has none
     * @param taskId the task id (the execution role session's name)
     * @return the user name and password
     * @throws SecretFailure when the secret cannot be read or lacks either field, with Fargate's stopped reason
     */
    RegistryCredentials registryCredentials(String credentialsParameter, String executionRole, String taskId);

    /**
     * The secrets of a starting task.
     *
     * @param taskArn the task's ARN
     * @param executionRole the task definition's {@code executionRoleArn} (name or ARN), or {@code null}
     * @param secrets every container's {@code secrets} (and {@code logConfiguration.secretOptions}), in order
     */
    record TaskSecretsRequest(String taskArn, String executionRole, List<TaskSecret> secrets) {
        public TaskSecretsRequest {
            secrets = List.copyOf(secrets);
        }

        /** The task id: the last segment of the task ARN. */
        public String taskId() {
            return taskArn.substring(taskArn.lastIndexOf('/') + 1);
        }
    }

    /**
     * One {@code secrets} entry of a container definition.
     *
     * @param name the environment variable's name
     * @param valueFrom an SSM parameter's name ({@code /app/db-url}, {@code db-url}) or ARN
     *     ({@code arn:aws:ssm:<region>:<account>:parameter/app/db-url}), or a Secrets Manager secret's ARN, optionally
     *     followed by {@code :<json-key>:<version-stage>:<version-id>} (each part may be empty)
     */
    record TaskSecret(String name, String valueFrom) {}

    /** A registry user name and password, from a {@code repositoryCredentials} secret. */
    record RegistryCredentials(String username, String password) {
        @Override
        public String toString() {
            return "RegistryCredentials[username=" + username + ", password=***]";
        }
    }

    /** A secret the task cannot read; the message is the stopped reason, worded as Fargate words it. */
    final class SecretFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SecretFailure(String stoppedReason) {
            super(stoppedReason);
        }
    }
}
