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
 * <p>Before a handler runs, core checks the request against the service's model (required members, lengths, ranges,
 * patterns, enum values, list and map sizes, nested members; docs/request-checks.md) and answers {@code
 * ValidationError} listing each violation in AWS's words, or the service's {@link ValidationStyle}; an {@code Action}
 * AWS does not have answers HTTP 400 {@code InvalidAction}; one AWS has but Drydock does not implement answers HTTP 501
 * {@code NotImplemented} naming it (as AWS spells it, from the model). IAM denials answer {@code AccessDenied} with
 * HTTP 403.
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
         * Speaks the EC2 query protocol ({@code ec2Query}) instead of {@code awsQuery}: request lists flattened
         * ({@code LaunchTemplateId.1}) under each member's query name, answers without a result element and with a
         * {@code requestId} first, errors as {@code <Response><Errors><Error><Code>..}, IAM denials as {@code
         * UnauthorizedOperation} (HTTP 403). Signature failures keep the query protocol's codes and statuses, which
         * EC2 lists among its common errors (AuthFailure aside).
         */
        Builder ec2Query();

        /**
         * How the service answers a request that breaks its model's constraints (default: AWS's common validation
         * error, {@code ValidationError}).
         */
        Builder validation(ValidationStyle style);

        /**
         * Routes {@code name} to {@code handler}.
         *
         * @param name the operation as AWS names it, e.g. {@code CreateRole} or {@code CreateSAMLProvider}
         * @param requestType the SDK request shape, which must be named {@code <name>Request} in any case
         * @param required members AWS requires, by member name, e.g. {@code RoleName}: the model's required members are
         *     checked anyway; these add any the model does not mark
         * @throws IllegalArgumentException when the request type's name does not match
         */
        <I extends SdkPojo, O extends SdkPojo> Builder operation(
                String name, Class<I> requestType, Operation<I, O> handler, String... required);

        /** The routing table. */
        QueryService build();
    }
}
