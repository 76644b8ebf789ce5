package dev.drydock.core.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The account's IAM as a service module uses it: roles that tasks and services are given, sessions of those roles,
 * and the test principal. Thread-safe.
 */
public interface Iam {

    /** The account every IAM entity belongs to. */
    String accountId();

    /**
     * The ARN of a role given by name or ARN ({@code orders-task} or {@code arn:aws:iam::<account>:role/orders-task}).
     *
     * @return empty when no such role exists
     */
    Optional<String> roleArn(String nameOrArn);

    /**
     * Whether a role exists and its trust policy allows an AWS service principal {@code sts:AssumeRole}, as a service
     * checks before it uses a role it is given (ECS: the task role and task execution role, for
     * {@code ecs-tasks.amazonaws.com}).
     *
     * @param roleArn the role
     * @param servicePrincipal e.g. {@code ecs-tasks.amazonaws.com}
     */
    boolean trustsService(String roleArn, String servicePrincipal);

    /**
     * A new session of a role, as the service the role trusts gets it (the trust policy is not evaluated again):
     * {@code arn:aws:sts::<account>:assumed-role/<role>/<sessionName>}.
     *
     * @param roleArn the role
     * @param sessionName the role session name (2-64 characters of {@code [\w+=,.@-]}), e.g. a task id
     * @param duration how long the credentials live
     * @throws AwsException NoSuchEntity when the role does not exist
     */
    RoleSession assumeRole(String roleArn, String sessionName, Duration duration);

    /**
     * The test principal: the IAM user {@code drydock-test} with AdministratorAccess, whose long-term key the clients
     * Drydock builds sign with.
     */
    Caller testPrincipal();
}
