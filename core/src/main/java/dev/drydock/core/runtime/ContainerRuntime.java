package dev.drydock.core.runtime;

import dev.drydock.core.internal.docker.DockerRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port through which Drydock's service models run containers: create, start, stop and remove them, their
 * networks, their logs and their exits. {@code DockerRuntime} implements it on a real Docker engine; a simulated
 * runtime implements it without one for fast control-plane tests.
 *
 * <p>Every object a runtime creates must carry the labels it is given, so that a sweep can remove it. All methods
 * may block on the engine; callers never call them while holding a model lock. Failures are
 * {@link RuntimeFailure}s.
 */
public interface ContainerRuntime extends AutoCloseable {

    /**
     * Connects to the Docker engine Testcontainers' environment discovery finds ({@code DOCKER_HOST}, Docker Desktop,
     * colima, {@code ~/.testcontainers.properties}): the runtime Drydock uses by default, e.g. to wrap it with
     * {@code Drydock.builder().runtime(...)}.
     *
     * @throws dev.drydock.core.DrydockException when no engine answers, naming what was tried and what to do
     */
    static ContainerRuntime docker() {
        return DockerRuntime.connect();
    }

    /** One line for logs, e.g. {@code Docker 20.10.24 (API 1.41) at unix:///var/run/docker.sock}. */
    String description();

    /** Whether containers really run (so ports answer and processes exit on their own). */
    boolean realContainers();

    /**
     * Whether the engine may run on this machine's own kernel and network (a Linux engine reached through a local
     * socket or a loopback address): only then can this JVM share the engine's networks (listen on a network's
     * gateway, reach container IPs) and bind-mount this machine's directories into containers. {@code false} for
     * engines that are known to run elsewhere (a remote {@code tcp://} or {@code ssh://} engine, a Windows named pipe,
     * Podman); Drydock confirms a {@code true} by listening on its network's gateway (which fails on Docker Desktop and
     * colima, whose engines run in a virtual machine).
     */
    default boolean engineOnThisHost() {
        return true;
    }

    /**
     * The host name or address this JVM reaches the engine's published ports on: the host Testcontainers reports for
     * the engine ({@code TESTCONTAINERS_HOST_OVERRIDE}, the address of a {@code tcp://} engine, {@code localhost} for a
     * local socket ...).
     */
    default String publishedPortHost() {
        return "127.0.0.1";
    }

    /**
     * Runs a command in a running container, without standard input, and waits for it to end (at most a minute).
     *
     * @return its exit code and output
     * @throws RuntimeFailure when the container is not running or the engine refuses
     */
    default ExecResult exec(String containerId, List<String> command) {
        throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, description() + " cannot run commands in containers", null);
    }

    /**
     * What a command run with {@link #exec} did.
     *
     * @param exitCode its exit code
     * @param stdout what it wrote to standard output
     * @param stderr what it wrote to standard error (UTF-8)
     */
    record ExecResult(int exitCode, byte[] stdout, String stderr) {}

    /**
     * Creates a named volume with the local driver (or answers the existing one of that name).
     *
     * @param labels labels to put on it (so a sweep removes it)
     * @param driverOptions the local driver's options ({@code type}, {@code o}, {@code device}), empty for a plain
     *     volume
     * @return the volume's directory on the engine's host ({@code Mountpoint})
     * @throws RuntimeFailure when the engine refuses
     */
    default String createVolume(String name, Map<String, String> labels, Map<String, String> driverOptions) {
        throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, description() + " cannot create volumes", null);
    }

    /** Removes a named volume; absent volumes are ignored. */
    default void removeVolume(String name) {}

    /**
     * Makes sure an image is present, pulling it when it is not.
     *
     * @return the image's content id, e.g. {@code sha256:...}
     * @throws RuntimeFailure {@link RuntimeFailure.Kind#IMAGE_PULL} with the engine's reason
     */
    String ensureImage(String image);

    /** The image's content id when the image is present locally. */
    Optional<String> imageId(String image);

    /**
     * What the runtime knows of a local image: its id, tags, labels and layers. This default knows only its id.
     *
     * @param image a reference or content id
     */
    default Optional<LocalImage> inspectImage(String image) {
        return imageId(image).map(id -> new LocalImage(id, List.of(), Instant.EPOCH, Map.of(), List.of()));
    }

    /** The local images that carry all the given labels (none, in this default). */
    default List<LocalImage> images(Map<String, String> labels) {
        return List.of();
    }

    /**
     * Builds an image from a directory holding a {@code Dockerfile}, without pulling base images.
     *
     * @param contextDirectory the build context
     * @param tag the image reference to tag it with, e.g. {@code my-app:test}
     * @param labels labels to put on the image (so a sweep removes it)
     * @return the image's content id
     * @throws RuntimeFailure {@link RuntimeFailure.Kind#OTHER} with the build's error
     */
    String buildImage(Path contextDirectory, String tag, Map<String, String> labels);

    /** Creates a bridge network with the given labels. */
    NetworkInfo createNetwork(String name, Map<String, String> labels);

    /** Removes a network; absent networks are ignored. */
    void removeNetwork(String networkId);

    /**
     * Creates a container (not started).
     *
     * @return the container id
     */
    String createContainer(ContainerSpec spec);

    /** Starts a created container. */
    void startContainer(String containerId);

    /** The container's current state. */
    ContainerState inspectContainer(String containerId);

    /**
     * Stops a container: SIGTERM, then SIGKILL after {@code timeout}. Stopped or absent containers are ignored.
     */
    void stopContainer(String containerId, Duration timeout);

    /** Removes a container, running or not, with its anonymous volumes; absent containers are ignored. */
    void removeContainer(String containerId);

    /**
     * The last lines the container wrote to stdout and stderr, oldest first.
     *
     * @param lines at most this many lines
     */
    List<String> logTail(String containerId, int lines);

    /**
     * The last lines of several containers' output, by container id (absent ones left out); a runtime may ask for them
     * all at once. This default asks one after the other.
     *
     * @param lines at most this many lines each
     */
    default Map<String, List<String>> logTails(Collection<String> containerIds, int lines) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String id : containerIds) {
            result.put(id, logTail(id, lines));
        }
        return result;
    }

    /**
     * Follows a container's output from its beginning: every line it writes to stdout and stderr, in order, with the
     * time the runtime received it, until it exits; then {@code end} runs. Delivery happens on a runtime thread, one
     * line at a time; a listener that blocks holds the following lines back (never the container, whose output the
     * runtime keeps).
     *
     * @return stops following
     * @throws RuntimeFailure {@link RuntimeFailure.Kind#NOT_FOUND} when the container is gone
     */
    default AutoCloseable followOutput(String containerId, Consumer<OutputLine> lines, Runnable end) {
        throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, description() + " does not follow container output", null);
    }

    /**
     * One line of a container's output.
     *
     * @param time when the runtime received it
     * @param stderr whether it came from stderr
     * @param text the line without its line break
     */
    record OutputLine(Instant time, boolean stderr, String text) {}

    /**
     * Whether the runtime learned, at any time, that the kernel's out-of-memory killer killed a process of this
     * container; still answers after the container was removed. {@link ContainerState#oomKilled()} says the same at
     * the time of the inspect; this catches a report that arrives after the exit (Docker 20.10 under load).
     */
    default boolean outOfMemoryKilled(String containerId) {
        return false;
    }

    /**
     * Sets the limits of a running (or created) container, which its child cgroups share (see
     * {@link #childCgroupParent(String)}): a task's size on its sandbox.
     *
     * @param memoryMiB the hard memory limit in MiB, or {@code null} to leave it
     * @param cpuUnits the CPU limit in ECS CPU units (1024 = one vCPU, enforced as a quota), or {@code null}
     * @throws RuntimeFailure when the runtime refuses
     */
    default void updateLimits(String containerId, Long memoryMiB, Integer cpuUnits) {}

    /**
     * The cgroup parent under which new containers share {@code containerId}'s limits ({@code --cgroup-parent}), when
     * the engine nests cgroups that way (Docker with the cgroupfs driver on cgroup v1); empty when it does not, and
     * each container is then limited on its own.
     */
    default Optional<String> childCgroupParent(String containerId) {
        return Optional.empty();
    }

    /**
     * One sample of the container's resource usage, in the Docker Engine API's {@code ContainerStats} JSON shape
     * ({@code read}, {@code preread}, {@code cpu_stats}, {@code precpu_stats}, {@code memory_stats},
     * {@code blkio_stats}, {@code pids_stats}, {@code networks} ...; bytes, nanoseconds). Blocks up to about two
     * seconds while the engine takes the sample.
     *
     * @throws RuntimeFailure {@link RuntimeFailure.Kind#NOT_FOUND} when the container is gone
     */
    default String stats(String containerId) {
        throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, description() + " does not report container stats", null);
    }

    /**
     * Calls {@code listener} with the id of every container carrying all {@code labels} that exits (or is removed)
     * from now on, and of every such container whose health check status changes. Delivery happens on a runtime
     * thread; the listener must not block for long.
     *
     * @return closes the subscription
     */
    AutoCloseable onExit(Map<String, String> labels, Consumer<String> listener);

    /**
     * Removes every container, image, network and volume that carries all the given labels.
     *
     * @return how many objects were removed
     */
    int removeLabelled(Map<String, String> labels);

    /** Lists the label sets of every container, network and volume that carries all the given labels. */
    List<Map<String, String>> labelledObjects(Map<String, String> labels);

    /**
     * Pulls an image from a registry with the given credentials (HTTP Basic, as {@code docker login} sends them),
     * even when an image of that name is present, and answers its content id. For images in Drydock's own registry.
     *
     * @param image the reference, e.g. {@code 127.0.0.1:40123/orders@sha256:...}
     * @throws RuntimeFailure {@link RuntimeFailure.Kind#IMAGE_PULL} with the registry's reason
     */
    String pullImage(String image, String username, String password);

    /**
     * Adds a reference to a local image ({@code docker tag}).
     *
     * @param image the image, by id or reference
     * @param reference the new reference, e.g. {@code 127.0.0.1:40123/orders:v1}
     * @throws RuntimeFailure {@link RuntimeFailure.Kind#NOT_FOUND} when the image is absent
     */
    void tagImage(String image, String reference);

    /**
     * Pushes a local image reference to its registry with the given credentials ({@code docker push}).
     *
     * @param reference e.g. {@code 127.0.0.1:40123/orders:v1}
     * @throws RuntimeFailure {@link RuntimeFailure.Kind#OTHER} with the registry's reason
     */
    void pushImage(String reference, String username, String password);

    /**
     * Removes one image reference ({@code docker rmi <reference>} without force): the image itself stays while
     * other references name it. Absent references are ignored.
     */
    void removeImageReference(String reference);

    @Override
    void close();
}
