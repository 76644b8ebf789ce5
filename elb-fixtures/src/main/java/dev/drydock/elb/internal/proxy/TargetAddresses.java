package dev.drydock.elb.internal.proxy;

import java.net.InetSocketAddress;

/**
 * The one seam through which every connection to a target is made (the proxies' requests and the health checks): from
 * a target's address as ELB knows it (a task's ENI IP and container port, later an instance's address and port) to the
 * socket address this JVM connects to. On a local Linux engine that is the address itself; where the JVM cannot reach
 * container addresses (Docker Desktop, remote engines, Podman) it is a port the engine publishes.
 */
@FunctionalInterface
public interface TargetAddresses {

    /**
     * The address to connect to for a target.
     *
     * @param ip the target's IP address, e.g. {@code 172.18.0.5}
     * @param port the target's port, e.g. {@code 80}
     */
    InetSocketAddress connectAddress(String ip, int port);

    /** Connects to the target's own address. */
    static TargetAddresses direct() {
        return (ip, port) -> new InetSocketAddress(ip, port);
    }
}
