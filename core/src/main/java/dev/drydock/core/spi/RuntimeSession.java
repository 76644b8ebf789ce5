package dev.drydock.core.spi;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.NetworkInfo;
import java.net.URI;

/**
 * The container runtime as one Drydock instance uses it.
 *
 * @param runtime the runtime
 * @param network the session's network, which every task's network namespace joins
 * @param endpointForContainers Drydock's endpoint as containers on that network reach it, e.g.
 *     {@code http://172.18.0.1:41235} (the network's gateway on a local Linux engine, the helper container elsewhere)
 * @param engine how this JVM and the engine reach each other: task ports, JVM ports, the registry address
 */
public record RuntimeSession(
        ContainerRuntime runtime, NetworkInfo network, URI endpointForContainers, EngineAccess engine) {}
