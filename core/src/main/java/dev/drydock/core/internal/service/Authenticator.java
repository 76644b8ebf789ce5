package dev.drydock.core.internal.service;

import dev.drydock.core.internal.http.HttpRequest;

/**
 * Establishes who sent a request. Throws an {@link dev.drydock.core.internal.protocol.AwsException} with the AWS
 * error for the protocol family when the request is not acceptable (unknown key, bad signature ...).
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param request the request as received
     * @param signingName the service it addresses, e.g. {@code ecs}
     * @return the caller
     */
    Caller authenticate(HttpRequest request, String signingName);
}
