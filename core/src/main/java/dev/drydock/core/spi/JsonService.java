package dev.drydock.core.spi;

import dev.drydock.core.internal.service.JsonProtocol;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The routing table of an AWS service spoken over the AWS JSON 1.0/1.1 protocol ({@code X-Amz-Target:
 * Prefix.Operation}, a JSON body, errors as {@code {"__type": code, "message": ...}}): one handler per operation.
 * Register it with {@link ServiceContext#register(JsonService)} (or build it on first use with
 * {@link ServiceContext#registerOnFirstUse}).
 *
 * <pre>{@code
 * JsonService api = JsonService.builder("ecs", "AmazonEC2ContainerServiceV20141113", EcsClient.class)
 *         .clock(context.clock())
 *         .operation("CreateCluster", CreateClusterRequest.class, new CreateCluster(backend))
 *         .build();
 * }</pre>
 *
 * <p>Before a handler runs, core reads the request into its SDK shape, checks it against the service's model (required
 * members, lengths, ranges, patterns, enum values, list and map sizes, nested members; docs/request-checks.md),
 * answering the service's {@link ValidationStyle} (by default {@code ValidationException} in AWS's words), and runs
 * the request check; an operation AWS has but Drydock does not implement answers
 * HTTP 501 {@code NotImplementedException} naming it; one AWS does not have answers
 * {@code UnknownOperationException}; a handler's {@link AwsException} is answered as is, anything else as
 * {@code InternalFailure} (HTTP 500).
 */
public interface JsonService {

    /**
     * Starts a routing table.
     *
     * @param signingName the SigV4 signing name, e.g. {@code ecs}
     * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code AmazonEC2ContainerServiceV20141113}
     * @param clientInterface the SDK's synchronous client interface, e.g. {@code EcsClient.class}; its methods name
     *     every operation AWS has
     */
    static Builder builder(String signingName, String targetPrefix, Class<?> clientInterface) {
        return JsonProtocol.builder(signingName, targetPrefix, clientInterface);
    }

    /** The SigV4 signing name, e.g. {@code ecs}. */
    String signingName();

    /** The {@code X-Amz-Target} prefix. */
    String targetPrefix();

    /** Names of the operations Drydock implements, sorted. */
    Set<String> implementedOperations();

    /** Names of every operation AWS has for this service, sorted (computed on first use: loads every request class). */
    Set<String> awsOperations();

    /** Builds a {@link JsonService}. */
    interface Builder {

        /** The protocol version: {@code 1.0} or {@code 1.1} (default). */
        Builder jsonVersion(String version);

        /** The clock that stamps {@link CallContext#receivedAt()} (default: the system UTC clock). */
        Builder clock(Clock clock);

        /**
         * How the service answers a request that breaks its model's constraints (default: AWS's common validation
         * error, {@code ValidationException}: "1 validation error detected: Value null at '...' failed to satisfy
         * constraint: Member must not be null").
         */
        Builder validation(ValidationStyle style);

        /**
         * A check every request passes after the model's checks and before its handler runs, for rules the model does
         * not state (e.g. ECS's reserved {@code aws:} tag prefix), throwing the service's {@link AwsException} for bad
         * input; by default none.
         */
        Builder requestCheck(Consumer<SdkPojo> check);

        /**
         * Routes {@code name} to {@code handler}.
         *
         * @param name the operation as AWS names it, e.g. {@code CreateCluster}
         * @param requestType the SDK request shape, which must be named {@code <name>Request} (in any case)
         * @param required members AWS requires although its model does not mark them, by member path in model names
         *     (e.g. {@code taskDefinition}); the model's checks refuse a request without them
         * @throws IllegalArgumentException when the request type's name does not match
         */
        <I extends SdkPojo, O extends SdkPojo> Builder operation(
                String name, Class<I> requestType, Operation<I, O> handler, String... required);

        /** The routing table. */
        JsonService build();
    }
}
