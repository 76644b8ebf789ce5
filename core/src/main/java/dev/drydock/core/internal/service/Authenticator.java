package dev.drydock.core.internal.service;

import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.HttpRequest;

/**
 * Establishes who sent a request. Throws an {@link dev.drydock.core.spi.AwsException} with the AWS
 * error for the protocol family when the request is not acceptable (unknown key, bad signature ...).
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param request the request as received
     * @param service the service it addresses
     * @return the caller
     * @throws dev.drydock.core.spi.AwsException the AWS authentication error for the service's
     *     protocol family
     */
    Caller authenticate(HttpRequest request, AwsService service);
}
