package dev.drydock.core.runtime;

import dev.drydock.core.spi.Labels;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ContainerRuntime} without Docker: containers are records in memory that "run" as soon as they start
 * and stop when told to, when a test calls {@link #exit(String, int)}, or when their command says so. A container
 * with a health check is healthy once it starts (or what {@link #healthOnStart(ContainerState.Health)} says), until a
 * test calls {@link #health(String, ContainerState.Health)}.
 * For fast control-plane tests and large-scale runs; nothing listens on any port, and stats are zero.
 *
 * <p><b>Scripted exits.</b> A container whose command (entry point and command together, or the script of
 * {@code sh -c <script>}) consists only of {@code sleep <seconds>}, {@code exit [code]}, {@code true} and
 * {@code false} (which ends it with code 1) statements, separated by {@code ;}, {@code &&} or new lines, exits as a
 * shell would run it: {@code sh -c "exit 1"} exits with code 1 at once, {@code sh -c "sleep 2; exit 3"} with code 3
 * after 2 seconds, {@code sleep 600} with code 0 after 600 seconds. Any other command runs until the container is
 * stopped, like a server, except in a container labelled {@code dev.drydock.runs-to-completion=true} (ECS puts it on
 * a container another container of its task waits for with {@code dependsOn} SUCCESS or COMPLETE, such as an init
 * container preparing files): that one is meant to finish, so it exits with code 0 right after it starts, and the
 * runtime logs so once per command. A container without a command of its own (the image's) runs until stopped or
 * until a test calls {@link #exit(String, int)}. So a task definition written for Docker behaves the same on the
 * simulated runtime.
 *
 * <p>Every image is present unless declared missing with {@link #missingImage(String)}.
 */
public final class SimulatedRuntime implements ContainerRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedRuntime.class);
    private final Clock clock;
    /** Commands already reported as ended with code 0 because a dependent waits for them (one line each). */
    private final Set<String> uninterpreted = ConcurrentHashMap.newKeySet();

    private final Map<String, SimContainer> containers = new ConcurrentHashMap<>();
    private volatile boolean nestsCgroups = true;
    /** Containers removed after exiting with 137 (SIGKILL), for a late out-of-memory report; few in practice. */
    private final Map<String, SimContainer> killed = new ConcurrentHashMap<>();

    private final Map<String, NetworkInfo> networks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> networkLabels = new ConcurrentHashMap<>();
    private final Set<String> missingImages = ConcurrentHashMap.newKeySet();
    private volatile ContainerState.Health healthOnStart = ContainerState.Health.HEALTHY;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextIp = new AtomicInteger(2);
    private final AtomicInteger nextNetwork = new AtomicInteger(1);
    /** Container names in use, so that creating one is O(1) even with thousands of containers. */
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drydock-simulated-exits");
        t.setDaemon(true);
        return t;
    });

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

    /**
     * From now on, what the health check of a container that starts reports until a test calls
     * {@link #health(String, ContainerState.Health)}: {@code HEALTHY} (the default), or {@code STARTING} to keep the
     * container, and so its task, at health {@code UNKNOWN}, as in the first {@code interval} (or {@code startPeriod})
     * of its checks on Docker. Containers already started keep what they report.
     */
    public SimulatedRuntime healthOnStart(ContainerState.Health health) {
        this.healthOnStart = Objects.requireNonNull(health, "health");
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

    /**
     * Makes a running container end as the kernel's out-of-memory killer ends it: exit code 137 (SIGKILL) and
     * {@link ContainerState#oomKilled()} true, as Docker's inspect reports {@code State.OOMKilled}.
     *
     * @throws IllegalArgumentException when there is no such container
     */
    public void oomKill(String containerId) {
        SimContainer c = containers.get(containerId);
        if (c == null) {
            throw new IllegalArgumentException("No simulated container " + containerId);
        }
        synchronized (c) {
            if (c.exitCode == null) {
                c.oomKilled = true;
            }
        }
        if (c.markExited(137, clock.instant())) {
            fireExit(c);
        }
    }

    /**
     * Delivers an out-of-memory report after the container's exit, as Docker 20.10 does under load (its {@code oom}
     * event after the {@code die}, {@code State.OOMKilled} left false): exit listeners hear of the container again and
     * {@link #outOfMemoryKilled} answers true. Works for a container removed since it exited with 137.
     *
     * @throws IllegalArgumentException when there is no such container, or it has not exited
     */
    public void reportOutOfMemoryLate(String containerId) {
        SimContainer c = containers.getOrDefault(containerId, killed.get(containerId));
        if (c == null || c.exitCode == null) {
            throw new IllegalArgumentException("No exited simulated container " + containerId);
        }
        c.oomKilled = true;
        fireExit(c);
    }

    @Override
    public boolean outOfMemoryKilled(String containerId) {
        SimContainer c = containers.getOrDefault(containerId, killed.get(containerId));
        return c != null && c.oomKilled;
    }

    /** Whether {@link #childCgroupParent} nests containers, as Docker on cgroupfs v1 (default); not as Podman. */
    public SimulatedRuntime nestsCgroups(boolean nests) {
        this.nestsCgroups = nests;
        return this;
    }

    /**
     * What {@link #updateLimits} set on this container so far (nothing: both {@code null}).
     *
     * @throws RuntimeFailure {@link RuntimeFailure.Kind#NOT_FOUND} when there is no such container
     */
    public ContainerLimits limits(String containerId) {
        return find(containerId).limits;
    }

    @Override
    public void updateLimits(String containerId, Long memoryMiB, Integer cpuUnits) {
        SimContainer c = find(containerId);
        synchronized (c) {
            c.limits = new ContainerLimits(
                    memoryMiB != null ? memoryMiB : c.limits.memoryMiB(),
                    cpuUnits != null ? cpuUnits : c.limits.cpuUnits());
        }
    }

    /** {@code /simulated/<id>} while {@link #nestsCgroups} is on (the default), like Docker's {@code /docker/<id>}. */
    @Override
    public Optional<String> childCgroupParent(String containerId) {
        SimContainer c = find(containerId);
        return nestsCgroups ? Optional.of("/simulated/" + c.id) : Optional.empty();
    }

    /**
     * Makes a running container write a line, as if its process printed it: followers of its output
     * ({@link #followOutput}) receive it and {@link #logTail} shows it.
     *
     * @param stderr whether it goes to stderr
     */
    public void output(String containerId, String line, boolean stderr) {
        find(containerId).write(new OutputLine(clock.instant(), stderr, line));
    }

    /**
     * Sets what a running container's health check reports from now on, as if its checks had started to pass or
     * fail, and tells the exit listeners (who also hear about health changes).
     */
    public void health(String containerId, ContainerState.Health health) {
        SimContainer c = find(containerId);
        synchronized (c) {
            c.health = health;
        }
        fireExit(c);
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
            throw new RuntimeFailure(
                    RuntimeFailure.Kind.IMAGE_PULL,
                    "pull access denied for " + image + ", repository does not exist or may require 'docker login'",
                    null);
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
    public String buildImage(Path contextDirectory, String tag, Map<String, String> labels) {
        if (!Files.isRegularFile(contextDirectory.resolve("Dockerfile"))) {
            throw new RuntimeFailure(
                    RuntimeFailure.Kind.OTHER,
                    "building image " + tag + ": " + contextDirectory + " has no Dockerfile",
                    null);
        }
        missingImages.remove(tag);
        return imageId(tag).orElseThrow();
    }

    @Override
    public NetworkInfo createNetwork(String name, Map<String, String> labels) {
        int n = nextNetwork.getAndIncrement();
        NetworkInfo info = new NetworkInfo(
                UUID.randomUUID().toString().replace("-", ""), name, "10." + n + ".0.0/16", "10." + n + ".0.1");
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
        if (!names.add(spec.name())) {
            throw new RuntimeFailure(
                    RuntimeFailure.Kind.OTHER,
                    "Conflict. The container name \"/" + spec.name() + "\" is already in use",
                    null);
        }
        String id = (UUID.randomUUID().toString() + UUID.randomUUID().toString()).replace("-", "");
        containers.put(id, new SimContainer(id, spec, nextIp.getAndIncrement()));
        return id;
    }

    @Override
    public void startContainer(String containerId) {
        SimContainer c = find(containerId);
        boolean started = false;
        synchronized (c) {
            if (c.exitCode == null && c.startedAt == null) {
                c.startedAt = clock.instant();
                if (c.health == null && c.spec.healthCheck() != null) {
                    c.health = healthOnStart;
                }
                started = true;
            }
        }
        Script script = started ? script(c.spec) : null;
        if (script != null) {
            script.output().forEach(line -> c.write(new OutputLine(clock.instant(), false, line)));
            Runnable exit = () -> {
                if (c.markExited(script.exitCode(), clock.instant())) {
                    fireExit(c);
                }
            };
            if (script.delay().isZero()) {
                exit.run();
            } else {
                timers.schedule(exit, script.delay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (started && c.spec.healthCheck() != null) {
            fireExit(c); // its health check now reports healthy, as a health_status event would tell
        }
    }

    /**
     * How a container's command ends: its {@link Script}; else, for a command of its own (not the image's) in a
     * container meant to finish, at once with code 0; else never ({@code null}).
     */
    private Script script(ContainerSpec spec) {
        Script script = Script.of(spec);
        boolean ownCommand = spec.entryPoint() != null && !spec.entryPoint().isEmpty()
                || spec.command() != null && !spec.command().isEmpty();
        if (script != null || !ownCommand || !"true".equals(spec.labels().get(Labels.RUNS_TO_COMPLETION))) {
            return script;
        }
        if (uninterpreted.add(spec.entryPoint() + " " + spec.command())) {
            LOG.info(
                    "Simulated container {} runs a command the simulated runtime cannot interpret (entry point {}, "
                            + "command {}); another container of its task waits for it to finish (dependsOn SUCCESS or "
                            + "COMPLETE), so it exits with code 0 right after it starts",
                    spec.name(),
                    spec.entryPoint(),
                    spec.command());
        }
        return new Script(Duration.ZERO, 0, List.of());
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
            ContainerState.Health health = c.spec.healthCheck() == null
                    ? null
                    : c.health != null
                            ? c.health
                            : c.startedAt != null ? ContainerState.Health.HEALTHY : ContainerState.Health.STARTING;
            return new ContainerState(
                    c.id,
                    c.startedAt != null && c.exitCode == null,
                    c.exitCode,
                    c.oomKilled,
                    null,
                    c.startedAt,
                    c.finishedAt,
                    ip,
                    published,
                    imageId(c.spec.image()).orElse(null),
                    health);
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
        if (c != null) {
            names.remove(c.spec.name());
            if (Integer.valueOf(137).equals(c.exitCode)) { // a late out-of-memory report may still come
                killed.put(containerId, c);
            }
        }
        if (c != null && c.markExited(137, clock.instant())) {
            fireExit(c);
        }
    }

    /** A sample with every counter at zero, read now. */
    @Override
    public String stats(String containerId) {
        find(containerId);
        String now = clock.instant().toString();
        return "{\"read\":\"" + now + "\",\"preread\":\"" + now + "\",\"pids_stats\":{},\"blkio_stats\":{},"
                + "\"num_procs\":0,\"storage_stats\":{},\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":0},"
                + "\"system_cpu_usage\":0,\"online_cpus\":1},\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":0},"
                + "\"system_cpu_usage\":0,\"online_cpus\":1},\"memory_stats\":{\"usage\":0,\"limit\":0}}";
    }

    @Override
    public List<String> logTail(String containerId, int lines) {
        SimContainer c = containers.get(containerId);
        if (c == null) {
            return List.of();
        }
        synchronized (c) {
            List<String> all = c.output.stream().map(OutputLine::text).toList();
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    /** Replays what the container wrote so far, then delivers each new line, until it exits. */
    @Override
    public AutoCloseable followOutput(String containerId, Consumer<OutputLine> lines, Runnable end) {
        return find(containerId).follow(lines, end);
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
        timers.shutdownNow();
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
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a container's command does when it only echoes, sleeps and exits: write {@code output} when it starts,
     * exit with {@code exitCode} after {@code delay}.
     */
    record Script(Duration delay, int exitCode, List<String> output) {
        private static final Pattern SEPARATORS = Pattern.compile("\\s*(;|&&|\\n)\\s*");

        /** The script of a container's command, or {@code null} when it does anything else (it then runs on). */
        static Script of(ContainerSpec spec) {
            List<String> argv = new ArrayList<>();
            if (spec.entryPoint() != null) {
                argv.addAll(spec.entryPoint());
            }
            if (spec.command() != null) {
                argv.addAll(spec.command());
            }
            String text;
            if (argv.size() == 3
                    && (argv.get(0).equals("sh") || argv.get(0).equals("/bin/sh"))
                    && argv.get(1).equals("-c")) {
                text = argv.get(2);
            } else if (argv.size() >= 2
                    && (argv.get(0).equals("sh") || argv.get(0).equals("/bin/sh"))) {
                return null;
            } else {
                text = String.join(" ", argv);
            }
            text = text.trim();
            if (text.isEmpty()) {
                return null;
            }
            long millis = 0;
            List<String> output = new ArrayList<>();
            for (String statement : SEPARATORS.split(text)) {
                String[] words = statement.trim().split("\\s+");
                switch (words[0]) {
                    case "echo":
                        String echoed = statement.trim().substring(4).trim();
                        if (echoed.matches(".*[$`\\\\|><*?(){}].*")) {
                            return null;
                        }
                        output.add(
                                echoed.length() >= 2
                                                && (echoed.startsWith("'") && echoed.endsWith("'")
                                                        || echoed.startsWith("\"") && echoed.endsWith("\""))
                                        ? echoed.substring(1, echoed.length() - 1)
                                        : echoed.replaceAll("\\s+", " "));
                        break;
                    case "true":
                    case "false":
                        if (words.length != 1) {
                            return null;
                        }
                        if (words[0].equals("false")) {
                            return new Script(Duration.ofMillis(millis), 1, output);
                        }
                        break;
                    case "sleep":
                    case "exit":
                        if (words.length == 1 && words[0].equals("exit")) {
                            return new Script(Duration.ofMillis(millis), 0, output);
                        }
                        if (words.length != 2) {
                            return null;
                        }
                        try {
                            if (words[0].equals("exit")) {
                                return new Script(Duration.ofMillis(millis), Integer.parseInt(words[1]) & 0xff, output);
                            }
                            millis += new BigDecimal(words[1]).movePointRight(3).longValueExact();
                        } catch (NumberFormatException | ArithmeticException e) {
                            return null;
                        }
                        break;
                    default:
                        return null;
                }
            }
            return new Script(Duration.ofMillis(millis), 0, output);
        }
    }

    private record Subscription(Map<String, String> labels, Consumer<String> listener) {}

    private static final class SimContainer {
        private static final AtomicInteger SERIAL = new AtomicInteger();
        final String id;
        final ContainerSpec spec;
        final int ip;
        final long serial = SERIAL.incrementAndGet();
        Instant startedAt;
        ContainerState.Health health;
        Instant finishedAt;
        Integer exitCode;
        volatile boolean oomKilled;
        volatile ContainerLimits limits = new ContainerLimits(null, null);

        SimContainer(String id, ContainerSpec spec, int ip) {
            this.id = id;
            this.spec = spec;
            this.ip = ip;
        }

        final List<OutputLine> output = new ArrayList<>();
        final List<Follower> followers = new ArrayList<>();

        boolean markExited(int code, Instant now) {
            List<Follower> ended;
            synchronized (this) {
                if (exitCode != null) {
                    return false;
                }
                exitCode = code;
                finishedAt = now;
                ended = List.copyOf(followers);
                followers.clear();
            }
            ended.forEach(f -> f.end.run());
            return true;
        }

        void write(OutputLine line) {
            List<Follower> now;
            synchronized (this) {
                if (exitCode != null) {
                    return;
                }
                output.add(line);
                now = List.copyOf(followers);
            }
            now.forEach(f -> f.lines.accept(line));
        }

        AutoCloseable follow(Consumer<OutputLine> lines, Runnable end) {
            Follower f = new Follower(lines, end);
            List<OutputLine> past;
            boolean exited;
            synchronized (this) {
                past = List.copyOf(output);
                exited = exitCode != null;
                if (!exited) {
                    followers.add(f);
                }
            }
            past.forEach(lines);
            if (exited) {
                end.run();
            }
            return () -> {
                synchronized (this) {
                    followers.remove(f);
                }
            };
        }

        private record Follower(Consumer<OutputLine> lines, Runnable end) {}
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
            throw new RuntimeFailure(
                    RuntimeFailure.Kind.OTHER, "An image does not exist locally with the tag: " + reference, null);
        }
    }

    @Override
    public void removeImageReference(String reference) {
        // simulated images have no references to remove
    }
}
