/**
 * Core's insides, not API (modules reach core through {@link dev.drydock.core.spi}): {@code host} (the module host,
 * runtime connection, SDK defaults behind {@code Drydock}), {@code http} (the endpoint), {@code service} (the router,
 * the protocol implementations of the routing tables, calls), {@code protocol} (the AWS codecs), {@code auth} (SigV4),
 * {@code iam} and {@code sts} (the IAM and STS services, in the service module template), {@code docker} (the Docker
 * adapter), {@code events} (the event log).
 */
package dev.drydock.core.internal;
