package dev.drydock.ecs;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.ContainerState;
import dev.drydock.core.runtime.NetworkInfo;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The simulated runtime, with image pulls that can be held: a task whose image is held stays PENDING (its ENI is
 * attached, its pull has started) until the test releases the image. Lets tests see the states between PROVISIONING
 * and RUNNING, which the simulated runtime otherwise passes in an instant.
 */
final class GatedRuntime implements ContainerRuntime {
    private final SimulatedRuntime delegate;
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> pulling = new ConcurrentHashMap<>();

    GatedRuntime(SimulatedRuntime delegate) {
        this.delegate = delegate;
    }

    /** From now on, pulls of {@code image} wait until {@link #release(String)}. */
    void hold(String image) {
        held.put(image, new CountDownLatch(1));
        pulling.put(image, new CountDownLatch(1));
    }

    /** Waits (up to 10 s) until a pull of the held {@code image} has begun, i.e. a task is really stuck in it. */
    void awaitPull(String image) throws InterruptedException {
        if (!pulling.get(image).await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No pull of " + image + " began");
        }
    }

    /** Lets waiting and future pulls of {@code image} go on. */
    void release(String image) {
        CountDownLatch latch = held.remove(image);
        if (latch != null) {
            latch.countDown();
        }
    }

    @Override
    public String buildImage(Path contextDirectory, String tag, Map<String, String> labels) {
        return delegate.buildImage(contextDirectory, tag, labels);
    }

    @Override
    public String ensureImage(String image) {
        CountDownLatch latch = held.get(image);
        if (latch != null) {
            pulling.get(image).countDown();
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released image " + image);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return delegate.ensureImage(image);
    }

    @Override
    public String description() {
        return "gated " + delegate.description();
    }

    @Override
    public boolean realContainers() {
        return delegate.realContainers();
    }

    @Override
    public Optional<String> imageId(String image) {
        return delegate.imageId(image);
    }

    @Override
    public NetworkInfo createNetwork(String name, Map<String, String> labels) {
        return delegate.createNetwork(name, labels);
    }

    @Override
    public void removeNetwork(String networkId) {
        delegate.removeNetwork(networkId);
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        return delegate.createContainer(spec);
    }

    @Override
    public void startContainer(String containerId) {
        delegate.startContainer(containerId);
    }

    @Override
    public ContainerState inspectContainer(String containerId) {
        return delegate.inspectContainer(containerId);
    }

    @Override
    public boolean outOfMemoryKilled(String containerId) {
        return delegate.outOfMemoryKilled(containerId);
    }

    @Override
    public void stopContainer(String containerId, Duration timeout) {
        delegate.stopContainer(containerId, timeout);
    }

    @Override
    public void removeContainer(String containerId) {
        delegate.removeContainer(containerId);
    }

    @Override
    public List<String> logTail(String containerId, int lines) {
        return delegate.logTail(containerId, lines);
    }

    @Override
    public AutoCloseable onExit(Map<String, String> labels, Consumer<String> listener) {
        return delegate.onExit(labels, listener);
    }

    @Override
    public int removeLabelled(Map<String, String> labels) {
        return delegate.removeLabelled(labels);
    }

    @Override
    public List<Map<String, String>> labelledObjects(Map<String, String> labels) {
        return delegate.labelledObjects(labels);
    }

    @Override
    public void close() {
        held.keySet().forEach(this::release);
        delegate.close();
    }

    @Override
    public String pullImage(String image, String username, String password) {
        return delegate.pullImage(image, username, password);
    }

    @Override
    public void tagImage(String image, String reference) {
        delegate.tagImage(image, reference);
    }

    @Override
    public void pushImage(String reference, String username, String password) {
        delegate.pushImage(reference, username, password);
    }

    @Override
    public void removeImageReference(String reference) {
        delegate.removeImageReference(reference);
    }
}
