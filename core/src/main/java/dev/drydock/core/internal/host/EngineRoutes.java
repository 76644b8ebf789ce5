package dev.drydock.core.internal.host;

import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.EngineAccess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link EngineAccess} for one session: direct on a local Linux engine (containers reach the JVM at the network's
 * gateway, the JVM reaches container IPs), else through the {@link EngineHelper} (containers reach the JVM at the
 * helper's address, the JVM reaches published ports on the engine's host).
 */
final class EngineRoutes implements EngineAccess {
    private final String jvmAddress;
    private final String publishAddress;
    private final String publishedPortHost;
    private final EngineHelper helper;
    private final Map<String, String> extraHosts;
    /** Private IP to the registration that holds it (the latest one wins when an address is reused). */
    private final Map<String, Registration> byOwner = new ConcurrentHashMap<>();

    private final List<LocalPortForwarder> forwarders = new ArrayList<>();
    private final Map<Integer, Boolean> exposed = new ConcurrentHashMap<>();

    private record Registration(String owner, String ip, Map<String, Integer> published) {}

    private EngineRoutes(
            String jvmAddress,
            String publishAddress,
            String publishedPortHost,
            EngineHelper helper,
            Map<String, String> extraHosts) {
        this.jvmAddress = jvmAddress;
        this.publishAddress = publishAddress;
        this.publishedPortHost = publishedPortHost;
        this.helper = helper;
        this.extraHosts = Map.copyOf(extraHosts);
    }

    /**
     * A local Linux engine: containers reach this JVM at {@code gateway}, this JVM reaches container IPs.
     *
     * @param gateway the gateway of Drydock's network, or {@code null} on a simulated runtime
     */
    static EngineRoutes direct(String gateway) {
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put(JVM_HOST_NAME, gateway == null ? "127.0.0.1" : gateway);
        hosts.put("host.docker.internal", gateway == null ? "host-gateway" : gateway);
        return new EngineRoutes(gateway == null ? "127.0.0.1" : gateway, "127.0.0.1", "127.0.0.1", null, hosts);
    }

    /**
     * Any other engine: containers reach this JVM through {@code helper}; the engine's published ports answer on
     * {@code publishedPortHost}.
     */
    static EngineRoutes forwarded(EngineHelper helper, String publishedPortHost) {
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put(JVM_HOST_NAME, helper.address());
        // on such an engine the JVM's host is reached through the helper too (host.docker.internal names the JVM's
        // machine on a local engine and on Docker Desktop)
        hosts.put("host.docker.internal", helper.address());
        return new EngineRoutes(
                helper.address(), forwardedPublishAddress(publishedPortHost), publishedPortHost, helper, hosts);
    }

    /** The engine host's address to publish ports on, for a JVM reaching the engine's host at {@code host}. */
    static String forwardedPublishAddress(String host) {
        return loopback(host) ? "127.0.0.1" : "0.0.0.0";
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean direct() {
        return helper == null;
    }

    @Override
    public String jvmAddress() {
        return jvmAddress;
    }

    @Override
    public Map<String, String> extraHosts() {
        return extraHosts;
    }

    @Override
    public String publishAddress() {
        return publishAddress;
    }

    /** The helper, when the engine is reached through one. */
    EngineHelper helper() {
        return helper;
    }

    @Override
    public void exposeHostPorts(int... ports) {
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new DrydockException("Cannot expose port " + port + " of this JVM: a TCP port is 1 to 65535.");
            }
            if (exposed.putIfAbsent(port, Boolean.TRUE) != null) {
                continue;
            }
            try {
                if (helper != null) {
                    if (port == helper.registryContainerPort()) {
                        throw new DrydockException("Port " + port + " of Drydock's helper forwards to its ECR registry;"
                                + " expose another port.");
                    }
                    helper.forward(port, port);
                } else if (!"127.0.0.1".equals(jvmAddress)) {
                    LocalPortForwarder f = LocalPortForwarder.open(InetAddress.getByName(jvmAddress), port);
                    if (f != null) {
                        synchronized (forwarders) {
                            forwarders.add(f);
                        }
                    }
                }
            } catch (IOException e) {
                exposed.remove(port);
                throw new DrydockException(
                        "Drydock cannot expose port " + port + " of this JVM to containers: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                exposed.remove(port);
                throw e;
            }
        }
    }

    @Override
    public void registerPorts(String owner, String privateIp, Map<String, Integer> published) {
        if (privateIp == null) {
            return;
        }
        byOwner.put(owner, new Registration(owner, privateIp, Map.copyOf(published)));
    }

    @Override
    public void releasePorts(String owner) {
        byOwner.remove(owner);
    }

    @Override
    public InetSocketAddress taskAddress(String privateIp, int port) {
        // several owners may share an address: the tasks of one container instance (bridge and host mode)
        Set<String> mapped = new TreeSet<>();
        Integer hostPort = null;
        for (Registration r : byOwner.values()) {
            if (r.ip.equals(privateIp)) {
                mapped.addAll(r.published.keySet());
                hostPort = hostPort != null ? hostPort : r.published.get(port + "/tcp");
            }
        }
        if (mapped.isEmpty()) {
            throw new IllegalArgumentException("No running task of this Drydock instance has the private IP "
                    + privateIp + " (a task's ENI privateIPv4Address, or its container instance's address, while it"
                    + " runs).");
        }
        if (hostPort == null) {
            throw new IllegalArgumentException("The task at " + privateIp + " maps no TCP port " + port + " (it maps "
                    + mapped + "): add {\"containerPort\": " + port
                    + "} to its container's"
                    + " portMappings, as its security group would have to allow it on AWS.");
        }
        return helper == null
                ? new InetSocketAddress(privateIp, port)
                : new InetSocketAddress(publishedPortHost, hostPort);
    }

    @Override
    public String registryAddress(int jvmPort) {
        if (helper == null) {
            return "127.0.0.1:" + jvmPort;
        }
        helper.forward(helper.registryContainerPort(), jvmPort);
        return "127.0.0.1:" + helper.registryHostPort();
    }

    /** Stops the local forwarders (the helper is closed by its owner). */
    void close() {
        synchronized (forwarders) {
            LocalPortForwarder.closeAll(forwarders);
            forwarders.clear();
        }
    }
}
