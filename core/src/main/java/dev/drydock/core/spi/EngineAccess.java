package dev.drydock.core.spi;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * How this JVM and the Docker engine reach each other, decided when the container runtime connects. On a local Linux
 * engine ({@link #direct()}) the JVM shares the engine's networks: containers reach the JVM at the gateway of Drydock's
 * network, and the JVM reaches container IPs. On any other engine (Docker Desktop, colima, Podman, a remote or CI
 * engine) every connection runs from the JVM to the engine: containers reach the JVM through Drydock's helper container
 * on Drydock's network (an SSH tunnel the JVM opens), and the JVM reaches containers through ports the engine
 * publishes on the host Testcontainers reports for it.
 *
 * <p>Task networks register the ports they publish ({@link #registerPorts}), so that {@link #taskAddress} answers where
 * this JVM connects to a task's port, whatever the engine: the one accessor tests, load balancer proxies and other
 * JVM-side clients use. Thread-safe.
 */
public interface EngineAccess {

    /**
     * The host name containers on Drydock's network (every task) reach this JVM by: {@value}. Ports of this JVM are
     * reachable there once exposed ({@link #exposeHostPorts}).
     */
    String JVM_HOST_NAME = "host.drydock.internal";

    /**
     * Whether this JVM shares the engine's host and networks (a local Linux engine): container IPs answer from the JVM
     * and this machine's directories can be bind-mounted. {@code false} on every other engine.
     */
    boolean direct();

    /**
     * The address containers on Drydock's network reach this JVM at: the network's gateway (direct), else the helper
     * container's address on the network.
     */
    String jvmAddress();

    /**
     * Extra {@code /etc/hosts} entries for containers on Drydock's network, host name to address: at least
     * {@value #JVM_HOST_NAME} (this JVM) and {@code host.docker.internal}.
     */
    Map<String, String> extraHosts();

    /**
     * The engine host's address to publish task ports on: {@code 127.0.0.1} when this JVM reaches the engine's host on
     * a loopback address, else {@code 0.0.0.0}.
     */
    String publishAddress();

    /**
     * Makes ports of this JVM (e.g. a WireMock server a test started, on any address of this machine) reachable from
     * containers on Drydock's network at {@code host.drydock.internal:<port>}, on every engine. Idempotent.
     *
     * @throws dev.drydock.core.DrydockException when a port cannot be exposed, saying why
     */
    void exposeHostPorts(int... ports);

    /**
     * Records the ports a task (or another container on Drydock's network) publishes, until
     * {@link #releasePorts(String)}. Several owners may register one address: the tasks of one EC2 container instance
     * each register their host ports on the instance's address.
     *
     * @param owner who registers (e.g. the namespace container's id), to release them by
     * @param privateIp the address on Drydock's network the ports answer on (a task's ENI address, or a container
     *     instance's address for its bridge and host mode tasks)
     * @param published the port on that address with protocol ({@code 80/tcp}) to the host port the engine published
     *     it on (on a local Linux engine, where this JVM connects to the address itself, any value)
     */
    void registerPorts(String owner, String privateIp, Map<String, Integer> published);

    /** Forgets the ports {@code owner} registered. */
    void releasePorts(String owner);

    /**
     * Where this JVM connects to {@code port} of the task (or container) whose address on Drydock's network is
     * {@code privateIp} (a task's ENI {@code privateIPv4Address}): the address itself on a local Linux engine, else the
     * port the engine publishes on the host Testcontainers reports for it. Only ports the task publishes (its port
     * mappings) are reachable, on every engine.
     *
     * @param port a TCP port the task maps ({@code portMappings[].containerPort})
     * @throws IllegalArgumentException when no running task has that address, or it does not map that port
     */
    InetSocketAddress taskAddress(String privateIp, int port);

    /**
     * The registry address the engine pulls from and pushes to, for a registry this JVM serves on
     * {@code 127.0.0.1:<jvmPort>}: the same address on a local Linux engine, else the loopback port of the engine's host
     * that the helper publishes and forwards to this JVM. Docker treats registries on 127.0.0.0/8 as insecure (plain
     * HTTP) without configuration.
     *
     * @return {@code host:port}, e.g. {@code 127.0.0.1:40123}
     * @throws dev.drydock.core.DrydockException when the forward cannot be set up
     */
    String registryAddress(int jvmPort);
}
