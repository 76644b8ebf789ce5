package dev.drydock.core.spi;

import dev.drydock.core.iam.policy.NamedPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an operation handler knows about the call it serves, and how it asks IAM whether the caller may do what the
 * call does. Core creates it for every request (and for an {@link AdminCalls administrator call}); handlers never
 * implement it.
 *
 * <p>Each handler authorizes as the Service Authorization Reference lists for its operation: every IAM action the
 * operation maps to, on the resource ARN of the action's resource type (or {@code *}), with the service-specific
 * condition keys the request or the model gives a value. The global {@code aws:} keys ({@code aws:PrincipalArn},
 * {@code aws:SourceIp}, {@code aws:ResourceTag/*} ...) are added by core.
 */
public interface CallContext {

    /** The request id answered in {@code x-amzn-RequestId}. */
    String requestId();

    /** The SigV4 signing name of the service the call addresses, e.g. {@code ecs}. */
    String signingName();

    /** The operation name as AWS names it, e.g. {@code RunTask}. */
    String operation();

    /** The authenticated principal. */
    Caller caller();

    /** The client's IP address ({@code aws:SourceIp}). */
    String sourceIp();

    /** Whether the request came over TLS ({@code aws:SecureTransport}). */
    boolean secureTransport();

    /** When the request arrived, by Drydock's clock. */
    Instant receivedAt();

    /**
     * Authorizes {@code action} on {@code resource} with the caller's identity-based policies, permissions boundary
     * and session policies, and records the decision in Drydock's decision log.
     *
     * @param action the IAM action, e.g. {@code ecs:RunTask}
     * @param resource the resource ARN the Service Authorization Reference lists for the action, or {@code *}
     * @param conditionKeys the request's service-specific condition keys, e.g. {@code ecs:cluster}
     * @throws AwsException the service's access-denied error ({@code AccessDeniedException} for JSON services,
     *     {@code AccessDenied} for query services) with AWS's message, when it is not allowed
     */
    void authorize(String action, String resource, Map<String, List<String>> conditionKeys);

    /**
     * Authorizes {@code action} on {@code resource} with no service-specific condition keys.
     *
     * @throws AwsException the service's access-denied error when it is not allowed
     */
    default void authorize(String action, String resource) {
        authorize(action, resource, Map.of());
    }

    /**
     * Authorizes with a resource-based policy in play as well (a repository policy, a file system policy, a role's
     * trust policy).
     *
     * @param resourcePolicy the resource's policy, or {@code null} when it has none
     * @param resourceOwnerAccount the account owning the resource
     * @throws AwsException the service's access-denied error when it is not allowed
     */
    void authorize(
            String action,
            String resource,
            Map<String, List<String>> conditionKeys,
            NamedPolicy resourcePolicy,
            String resourceOwnerAccount);

    /**
     * Whether the caller may do {@code action}, evaluated as {@link #authorize(String, String, Map, NamedPolicy,
     * String)} would, without recording a decision and without throwing: for checks that ask about a request not made
     * yet (KMS's key policy lockout safety check: would the new policy still let the caller change it).
     */
    boolean allows(
            String action,
            String resource,
            Map<String, List<String>> conditionKeys,
            NamedPolicy resourcePolicy,
            String resourceOwnerAccount);

    /**
     * The service's access-denied error with {@code message}: {@code AccessDeniedException} (HTTP 400) for JSON
     * services, {@code AccessDenied} (HTTP 403) for IAM and STS, {@code AccessDeniedException} (HTTP 403) for
     * REST-JSON services.
     */
    AwsException accessDenied(String message);
}
