/**
 * Drydock's public face: {@link dev.drydock.core.Drydock} (one local cloud: an account in one region on an HTTP
 * endpoint, with every service module on the classpath and a container runtime), {@link dev.drydock.core.Fixture}
 * (declared infrastructure, the programmatic twin of the JUnit annotations), {@link dev.drydock.core.IamFixtures}
 * (roles), {@link dev.drydock.core.AwsJson} (SDK model objects to and from AWS's JSON) and
 * {@link dev.drydock.core.DrydockException}.
 *
 * <p>Service modules build on {@link dev.drydock.core.spi}; {@code dev.drydock.core.internal} is not API.
 */
package dev.drydock.core;
