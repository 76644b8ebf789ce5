package dev.drydock.core.spi;

import dev.drydock.core.DrydockException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
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

    /**
     * Runs a fixture's calls that create one thing, so that a refusal midway leaves nothing behind: {@code create} makes
     * its calls and, after each part it creates, says how to remove it ({@link Undo#onRefusal}). When a call is refused
     * ({@link AwsException}), what was registered is removed, last first, and a {@link DrydockException} reads
     * {@code <refusal>: <error code>: <message>}, followed by {@code Fix src/test/resources/<policyResource>.} when
     * the error blames the policy (its code starts with {@code policyErrorPrefix}).
     *
     * <pre>{@code
     * AdminCalls.undoingOnRefusal("KMS refuses the key 'alias/orders'", "kms/orders.json", "MalformedPolicy", undo -> {
     *     CreateKeyResponse key = calls.call("kms", createKey, CreateKeyResponse.class);
     *     undo.onRefusal(() -> calls.call("kms", scheduleDeletionOf(key), ScheduleKeyDeletionResponse.class));
     *     calls.call("kms", createAlias, CreateAliasResponse.class);
     *     return key;
     * });
     * }</pre>
     *
     * @param refusal the message's start, naming the service and the thing, e.g. {@code Secrets Manager refuses the
     *     secret 'db'}
     * @param policyResource the classpath resource the thing's policy was read from, or {@code null}
     * @param policyErrorPrefix the start of the error codes that blame the policy, e.g. {@code MalformedPolicy}
     * @param create the calls
     * @return what {@code create} returns
     * @throws DrydockException when a call is refused (an undo that fails too is attached as suppressed)
     */
    static <T> T undoingOnRefusal(
            String refusal, String policyResource, String policyErrorPrefix, Function<Undo, T> create) {
        Deque<Runnable> undos = new ArrayDeque<>();
        try {
            return create.apply(undos::push);
        } catch (AwsException e) {
            DrydockException refused = new DrydockException(
                    refusal + ": " + e.errorCode() + ": " + e.getMessage()
                            + (policyResource != null && e.errorCode().startsWith(policyErrorPrefix)
                                    ? " Fix src/test/resources/" + policyResource + "."
                                    : ""),
                    e);
            while (!undos.isEmpty()) {
                try {
                    undos.pop().run();
                } catch (RuntimeException undoFailed) {
                    refused.addSuppressed(undoFailed);
                }
            }
            throw refused;
        }
    }

    /**
     * {@link #undoingOnRefusal(String, String, String, Function)} for a thing declared without a policy file (a log
     * group, a target group): a refusal reads {@code <refusal>: <error code>: <message>}.
     *
     * @param refusal the message's start, naming the service and the thing, e.g. {@code ELB refuses the target group
     *     'web'}
     * @param create the calls
     * @return what {@code create} returns
     * @throws DrydockException when a call is refused (an undo that fails too is attached as suppressed)
     */
    static <T> T undoingOnRefusal(String refusal, Function<Undo, T> create) {
        return undoingOnRefusal(refusal, null, "", create);
    }

    /** Where {@link #undoingOnRefusal}'s calls register how to remove what they created. */
    @FunctionalInterface
    interface Undo {
        /** Runs {@code undo} if a later call (of the same fixture) is refused. */
        void onRefusal(Runnable undo);
    }
}
