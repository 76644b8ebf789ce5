package dev.drydock.core.spi;

import dev.drydock.core.internal.service.RestJsonProtocol;
import java.time.Clock;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The routing table of an AWS service spoken over the AWS REST-JSON protocol ({@code restJson1}, e.g. Amazon EFS:
 * {@code GET /2015-02-01/file-systems?FileSystemId=fs-...}): one handler per operation. Each operation's HTTP method
 * and URI pattern come from the SDK's generated marshaller for it, and its members are bound to the path, query
 * string, headers and JSON body by the SDK model's field metadata, so nothing is written by hand per shape. Register
 * it with {@link ServiceContext#register(RestJsonService)}.
 *
 * <p>Errors carry the AWS error code in the {@code x-amzn-ErrorType} header and in a JSON body (members named per
 * service), so the SDK throws its typed exception. A method and path of an operation AWS has but Drydock does not
 * implement answers HTTP 501 naming it; one that matches no operation answers 404 {@code UnknownOperationException}.
 */
public interface RestJsonService {

    /**
     * Starts a routing table.
     *
     * @param signingName the SigV4 signing name, e.g. {@code elasticfilesystem}
     * @param clientInterface the SDK's synchronous client interface, e.g. {@code EfsClient.class}; its methods name
     *     every operation AWS has
     */
    static Builder builder(String signingName, Class<?> clientInterface) {
        return RestJsonProtocol.builder(signingName, clientInterface);
    }

    /** The SigV4 signing name, e.g. {@code elasticfilesystem}. */
    String signingName();

    /** Names of the operations Drydock implements, sorted. */
    Set<String> implementedOperations();

    /** Builds a {@link RestJsonService}. */
    interface Builder {

        /** The clock that stamps {@link CallContext#receivedAt()} (default: the system UTC clock). */
        Builder clock(Clock clock);

        /**
         * How the service answers a request that breaks its model's constraints (default: AWS's common validation
         * error, {@code ValidationException}, which EFS answers, e.g. "1 validation error detected: Value '//x' at
         * 'rootDirectory.path' failed to satisfy constraint: Member must satisfy regular expression pattern: ...",
         * kubernetes-sigs/aws-efs-csi-driver#1073).
         */
        Builder validation(ValidationStyle style);

        /**
         * The JSON members of the service's error bodies (default {@code code} and {@code message}; EFS writes
         * {@code ErrorCode} and {@code Message}).
         */
        Builder errorMembers(String codeMember, String messageMember);

        /**
         * Routes {@code name} to {@code handler}, at the HTTP method and URI pattern the SDK's marshaller for
         * {@code requestType} uses.
         *
         * @param name the operation as AWS names it, e.g. {@code CreateFileSystem}
         * @param requestType the SDK request shape, which must be named {@code <name>Request} (in any case)
         * @param successStatus the HTTP status of a successful answer (AWS's model says, e.g. 201 or 204)
         * @param required members AWS requires although its model does not mark them, by member path in model names
         * @throws IllegalArgumentException when the request type's name does not match or the SDK has no marshaller
         */
        <I extends SdkPojo, O extends SdkPojo> Builder operation(
                String name, Class<I> requestType, int successStatus, Operation<I, O> handler, String... required);

        /** The routing table. */
        RestJsonService build();
    }
}
