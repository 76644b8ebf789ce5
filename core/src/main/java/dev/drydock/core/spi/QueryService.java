package dev.drydock.core.spi;

import dev.drydock.core.internal.service.QueryProtocol;
import java.time.Clock;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The routing table of an AWS service spoken over the AWS query protocol (IAM, STS, and later CloudWatch, Elastic
 * Load Balancing, Auto Scaling: {@code Action=CreateRole&Version=2010-05-08&...} in a form-encoded POST body or a GET
 * query string, XML answers): one handler per operation. Register it with
 * {@link ServiceContext#register(QueryService)}.
 *
 * <p>Before a handler runs, core answers {@code ValidationError} listing each missing required member in AWS's words;
 * an {@code Action} AWS does not have answers HTTP 400 {@code InvalidAction}; one AWS has but Drydock does not
 * implement answers HTTP 501 {@code NotImplemented} naming it. IAM denials answer {@code AccessDenied} with HTTP 403.
 */
public interface QueryService {

    /**
     * Starts a routing table.
     *
     * @param signingName the SigV4 signing name, e.g. {@code iam}
     * @param version the API version, e.g. {@code 2010-05-08}
     * @param xmlNamespace the namespace of the XML answers, e.g. {@code https://iam.amazonaws.com/doc/2010-05-08/}
     * @param clientInterface the SDK's synchronous client interface, e.g. {@code IamClient.class}; its methods name
     *     every operation AWS has
     */
    static Builder builder(String signingName, String version, String xmlNamespace, Class<?> clientInterface) {
        return QueryProtocol.builder(signingName, version, xmlNamespace, clientInterface);
    }

    /** The SigV4 signing name, e.g. {@code iam}. */
    String signingName();

    /** The API version, e.g. {@code 2010-05-08}. */
    String version();

    /** Names of the operations Drydock implements, sorted. */
    Set<String> implementedOperations();

    /** Names of every operation AWS has for this service, sorted (computed on first use). */
    Set<String> awsOperations();

    /** Builds a {@link QueryService}. */
    interface Builder {

        /** The clock that stamps {@link CallContext#receivedAt()} (default: the system UTC clock). */
        Builder clock(Clock clock);

        /**
         * Routes {@code name} to {@code handler}.
         *
         * @param name the operation as AWS names it, e.g. {@code CreateRole}
         * @param requestType the SDK request shape, which must be named {@code <name>Request}
         * @param required the members AWS requires (the SDK's query-protocol models do not mark them), by location
         *     name, e.g. {@code RoleName}
         * @throws IllegalArgumentException when the request type's name does not match
         */
        <I extends SdkPojo, O extends SdkPojo> Builder operation(
                String name, Class<I> requestType, Operation<I, O> handler, String... required);

        /** The routing table. */
        QueryService build();
    }
}
