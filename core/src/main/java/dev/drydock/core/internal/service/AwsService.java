package dev.drydock.core.internal.service;

import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One AWS service on Drydock's endpoint, in its protocol: {@link JsonProtocol} (AWS JSON 1.0/1.1),
 * {@link QueryProtocol} (IAM, STS), {@link RestJsonProtocol} (REST-JSON: EFS). The router picks it by {@code X-Amz-Target} prefix
 * or by the SigV4 credential scope's service name, authenticates the caller, then hands the request over.
 */
public interface AwsService {

    /** The SigV4 signing name, e.g. {@code ecs}, {@code iam}, {@code sts}. */
    String signingName();

    /** The protocol family, which decides how authentication errors are answered. */
    ProtocolFamily protocolFamily();

    /**
     * The error code this service answers when IAM denies a call: {@code AccessDeniedException} (HTTP 400) for
     * JSON services, {@code AccessDenied} (HTTP 403) for IAM and STS.
     */
    AwsException accessDenied(String message);

    /**
     * Whether this service's AccessDenied messages say {@code on resource: *} for actions without a resource type, as
     * ECS does ("... is not authorized to perform: ecs:ListTasks on resource: * because ..."). Some services leave
     * the phrase out.
     */
    default boolean accessDeniedNamesStarResource() {
        return true;
    }

    /**
     * Whether a request that names no service (no {@code X-Amz-Target}, no SigV4 credential scope: an unsigned
     * request) is one of this service's by its method and path, e.g. EFS's {@code GET /2015-02-01/file-systems}, so
     * that it is answered in this service's error form ({@code MissingAuthenticationTokenException}). REST services
     * say yes for their operations' routes; others never.
     */
    default boolean claims(HttpRequest request) {
        return false;
    }

    /**
     * Serves one authenticated request.
     *
     * @param request the HTTP request
     * @param caller the authenticated principal
     * @param authorizer IAM authorization for the call
     */
    HttpResponse handle(HttpRequest request, Caller caller, Authorizer authorizer);

    /** The error response for {@code e}, in this service's protocol. */
    HttpResponse error(AwsException e, String requestId);

    /**
     * Runs one operation on a request already in its SDK shape, through the same checks an HTTP request passes
     * after it is read (required members, the service's request check) and then the handler: what an
     * {@link dev.drydock.core.spi.AdminCalls administrator call} does.
     *
     * @param operation the operation name, e.g. {@code CreateCluster}
     * @param request the request shape ({@code <operation>Request})
     * @param context the call
     * @return the handler's response shape
     * @throws AwsException as an HTTP request would be answered, or {@code UnknownOperationException} when the
     *     service implements no such operation
     */
    SdkPojo invoke(String operation, SdkPojo request, Call context);
}
