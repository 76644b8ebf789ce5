package dev.drydock.core.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link ContainerRuntime} without Docker: containers are records in memory that "run" as soon as they start
 * and stop when told to or when a test calls {@link #exit(String, int)}. For fast control-plane tests and
 * large-scale runs; nothing listens on any port.
 *
 * <p>Every image is present unless declared missing with {@link #missingImage(String)}.
 */
public final class SimulatedRuntime implements ContainerRuntime {
    private final Clock clock;
    private final Map<String, SimContainer> containers = new ConcurrentHashMap<>();
    private final Map<String, NetworkInfo> networks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> networkLabels = new ConcurrentHashMap<>();
    private final Set<String> missingImages = ConcurrentHashMap.newKeySet();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextIp = new AtomicInteger(2);
    private final AtomicInteger nextNetwork = new AtomicInteger(1);

    /** A simulated runtime on the system clock. */
    public SimulatedRuntime() {
        this(Clock.systemUTC());
    }

    /** A simulated runtime on the given clock. */
    public SimulatedRuntime(Clock clock) {
        this.clock = clock;
    }

    /** From now on, {@code image} cannot be pulled (tasks using it fail with CannotPullContainerError). */
    public SimulatedRuntime missingImage(String image) {
        missingImages.add(image);
        return this;
    }

    /** Makes a running container's main process exit with {@code exitCode}, as if it ended on its own. */
    public void exit(String containerId, int exitCode) {
        SimContainer c = containers.get(containerId);
        if (c == null) {
            throw new IllegalArgumentException("No simulated container " + containerId);
        }
        if (c.markExited(exitCode, clock.instant())) {
            fireExit(c);
        }
    }

    /** Ids of the simulated containers that currently exist, in creation order. */
    public List<String> containerIds() {
        List<SimContainer> all = new ArrayList<>(containers.values());
        all.sort((a, b) -> Long.compare(a.serial, b.serial));
        List<String> ids = new ArrayList<>();
        all.forEach(c -> ids.add(c.id));
        return ids;
    }

    /** The spec a simulated container was created from. */
    public ContainerSpec spec(String containerId) {
        SimContainer c = containers.get(containerId);
        if (c == null) {
            throw new IllegalArgumentException("No simulated container " + containerId);
        }
        return c.spec;
    }

    @Override
    public String description() {
        return "simulated runtime (no Docker)";
    }

    @Override
    public boolean realContainers() {
        return false;
    }

    @Override
    public String ensureImage(String image) {
        if (missingImages.contains(image)) {
            throw new RuntimeFailure(RuntimeFailure.Kind.IMAGE_PULL, "pull access denied for " + image
                    + ", repository does not exist or may require 'docker login'", null);
        }
        return imageId(image).orElseThrow();
    }

    @Override
    public Optional<String> imageId(String image) {
        if (missingImages.contains(image)) {
            return Optional.empty();
        }
        return Optional.of("sha256:" + sha256Hex(image));
    }

    @Override
    public String buildImage(java.nio.file.Path contextDirectory, String tag, Map<String, String> labels) {
        if (!java.nio.file.Files.isRegularFile(contextDirectory.resolve("Dockerfile"))) {
            throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "building image " + tag + ": " + contextDirectory
                    + " has no Dockerfile", null);
        }
        missingImages.remove(tag);
        return imageId(tag).orElseThrow();
    }

    @Override
    public NetworkInfo createNetwork(String name, Map<String, String> labels) {
        int n = nextNetwork.getAndIncrement();
        NetworkInfo info = new NetworkInfo(UUID.randomUUID().toString().replace("-", ""), name,
                "10." + n + ".0.0/16", "10." + n + ".0.1");
        networks.put(info.id(), info);
        networkLabels.put(info.id(), Map.copyOf(labels));
        return info;
    }

    @Override
    public void removeNetwork(String networkId) {
        networks.remove(networkId);
        networkLabels.remove(networkId);
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        if (missingImages.contains(spec.image())) {
            throw new RuntimeFailure(RuntimeFailure.Kind.IMAGE_PULL, "No such image: " + spec.image(), null);
        }
        for (SimContainer c : containers.values()) {
            if (c.spec.name().equals(spec.name())) {
                throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "Conflict. The container name \"/" + spec.name()
                        + "\" is already in use", null);
            }
        }
        String id = (UUID.randomUUID().toString() + UUID.randomUUID().toString()).replace("-", "");
        containers.put(id, new SimContainer(id, spec, nextIp.getAndIncrement()));
        return id;
    }

    @Override
    public void startContainer(String containerId) {
        SimContainer c = find(containerId);
        synchronized (c) {
            if (c.exitCode == null && c.startedAt == null) {
                c.startedAt = clock.instant();
            }
        }
    }

    @Override
    public ContainerState inspectContainer(String containerId) {
        SimContainer c = find(containerId);
        synchronized (c) {
            String ip = c.spec.network() == null ? null : "10.0." + (c.ip / 250) + "." + (c.ip % 250 + 2);
            Map<String, Integer> published = new LinkedHashMap<>();
            for (ContainerSpec.PortBinding p : c.spec.publishedPorts()) {
                published.put(p.containerPort() + "/" + p.protocol(), 30000 + c.ip);
            }
            return new ContainerState(c.id, c.startedAt != null && c.exitCode == null, c.exitCode, false, null,
                    c.startedAt, c.finishedAt, ip, published, imageId(c.spec.image()).orElse(null));
        }
    }

    @Override
    public void stopContainer(String containerId, Duration timeout) {
        SimContainer c = containers.get(containerId);
        if (c != null && c.markExited(c.startedAt == null ? 0 : 143, clock.instant())) {
            fireExit(c);
        }
    }

    @Override
    public void removeContainer(String containerId) {
        SimContainer c = containers.remove(containerId);
        if (c != null && c.markExited(137, clock.instant())) {
            fireExit(c);
        }
    }

    @Override
    public List<String> logTail(String containerId, int lines) {
        return List.of();
    }

    @Override
    public AutoCloseable onExit(Map<String, String> labels, Consumer<String> listener) {
        Subscription s = new Subscription(Map.copyOf(labels), listener);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    @Override
    public int removeLabelled(Map<String, String> labels) {
        int removed = 0;
        for (SimContainer c : List.copyOf(containers.values())) {
            if (c.spec.labels().entrySet().containsAll(labels.entrySet())) {
                removeContainer(c.id);
                removed++;
            }
        }
        for (Map.Entry<String, Map<String, String>> n : List.copyOf(networkLabels.entrySet())) {
            if (n.getValue().entrySet().containsAll(labels.entrySet())) {
                removeNetwork(n.getKey());
                removed++;
            }
        }
        return removed;
    }

    @Override
    public List<Map<String, String>> labelledObjects(Map<String, String> labels) {
        List<Map<String, String>> result = new ArrayList<>();
        for (SimContainer c : containers.values()) {
            if (c.spec.labels().entrySet().containsAll(labels.entrySet())) {
                result.add(c.spec.labels());
            }
        }
        for (Map<String, String> n : networkLabels.values()) {
            if (n.entrySet().containsAll(labels.entrySet())) {
                result.add(n);
            }
        }
        return result;
    }

    @Override
    public void close() {
        subscriptions.clear();
    }

    private SimContainer find(String containerId) {
        SimContainer c = containers.get(containerId);
        if (c == null) {
            throw new RuntimeFailure(RuntimeFailure.Kind.NOT_FOUND, "No such container: " + containerId, null);
        }
        return c;
    }

    private void fireExit(SimContainer c) {
        for (Subscription s : subscriptions) {
            if (c.spec.labels().entrySet().containsAll(s.labels.entrySet())) {
                s.listener.accept(c.id);
            }
        }
    }

    private static String sha256Hex(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Subscription(Map<String, String> labels, Consumer<String> listener) {
    }

    private static final class SimContainer {
        private static final AtomicInteger SERIAL = new AtomicInteger();
        final String id;
        final ContainerSpec spec;
        final int ip;
        final long serial = SERIAL.incrementAndGet();
        Instant startedAt;
        Instant finishedAt;
        Integer exitCode;

        SimContainer(String id, ContainerSpec spec, int ip) {
            this.id = id;
            this.spec = spec;
            this.ip = ip;
        }

        synchronized boolean markExited(int code, Instant now) {
            if (exitCode != null) {
                return false;
            }
            exitCode = code;
            finishedAt = now;
            return true;
        }
    }

    /** Registries are not contacted: the image counts as pulled unless declared missing. */
    @Override
    public String pullImage(String image, String username, String password) {
        return ensureImage(image);
    }

    @Override
    public void tagImage(String image, String reference) {
        missingImages.remove(reference);
    }

    /** Nothing is sent anywhere. */
    @Override
    public void pushImage(String reference, String username, String password) {
        if (missingImages.contains(reference)) {
            throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "An image does not exist locally with the tag: "
                    + reference, null);
        }
    }

    @Override
    public void removeImageReference(String reference) {
        // simulated images have no references to remove
    }
}
