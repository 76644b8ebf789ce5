package dev.drydock.core.spi;

import software.amazon.awssdk.core.SdkPojo;

/**
 * Calls a registered operation handler as Drydock's test principal (the administrator {@code drydock-test}), through
 * the same path an HTTP request takes after it is read: the required-member and request checks, then the handler. So
 * a programmatic fixture can never accept what the API refuses, and never repeats a handler's checks.
 *
 * <p>The call is authorized by IAM as the test principal's would be (it has AdministratorAccess, so only a
 * resource-based policy's explicit deny refuses it), but not recorded in the decision log: it stands for the test's
 * own setup, not for a request the code under test made.
 *
 * <pre>{@code
 * CreateClusterResponse created = context.adminCalls()
 *         .call("ecs", CreateClusterRequest.builder().clusterName("shop").build(), CreateClusterResponse.class);
 * }</pre>
 */
public interface AdminCalls {

    /**
     * Runs one operation.
     *
     * @param signingName the signing name of a registered service, e.g. {@code ecs}, {@code elasticfilesystem}
     * @param request the request shape; its class names the operation ({@code CreateClusterRequest} is
     *     {@code CreateCluster})
     * @param responseType the operation's response shape
     * @return the handler's answer
     * @throws AwsException the service's error, as the API would answer it
     * @throws IllegalArgumentException when no service with that signing name is registered
     */
    <O extends SdkPojo> O call(String signingName, SdkPojo request, Class<O> responseType);

    /**
     * Runs one operation as another caller, a role session the service holds (ECS reading a task's secrets as a
     * session of its execution role, {@link Iam#assumeRole}): the same checks as {@link #call}, authorized with the
     * caller's policies and recorded in the decision log under {@code requestId}, as the caller's own request would
     * be.
     *
     * @param caller who calls, e.g. {@link RoleSession#caller()}
     * @param requestId the request id the decision log records (and a failure message may quote)
     * @param signingName the signing name of a registered service, e.g. {@code ssm}
     * @param request the request shape; its class names the operation
     * @param responseType the operation's response shape
     * @return the handler's answer
     * @throws AwsException the service's error, as the API would answer the caller
     * @throws IllegalArgumentException when no service with that signing name is registered, or the caller was not
     *     made by core
     */
    <O extends SdkPojo> O callAs(
            Caller caller, String requestId, String signingName, SdkPojo request, Class<O> responseType);
}
