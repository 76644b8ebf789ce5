package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.NetworkInfo;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskMetadataDocuments;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task metadata endpoint, version 4, as Fargate serves it
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-metadata-endpoint-v4-fargate.html): every
 * container gets {@code ECS_CONTAINER_METADATA_URI_V4=http://127.0.0.1:51679/v4/<task id>-<number>} (the task
 * sandbox's loopback forwarder, which also serves the credentials endpoint, forwards it to Drydock), and these paths
 * answer with AWS's documented JSON (version 3, {@code ECS_CONTAINER_METADATA_URI=.../v3/...}, answers the same
 * paths except {@code /taskWithTags}, without what version 4 added):
 * <ul>
 *   <li>{@code ${uri}}: the container;</li>
 *   <li>{@code ${uri}/task} and {@code ${uri}/taskWithTags} (plus {@code TaskTags}): the task and its containers;</li>
 *   <li>{@code ${uri}/stats} and {@code ${uri}/task/stats}: Docker stats of the container, or of every container of
 *   the task keyed by {@code DockerId}, with the task's network counters and {@code network_rate_stats}.</li>
 * </ul>
 *
 * <p>Requests are answered on the endpoint's dispatcher thread and never wait for Docker: stats are sampled in the
 * background when a task first asks for metadata and then at most once a second while it keeps asking, and answered
 * from the latest sample ({@code null} for a container not sampled yet, as the ECS agent does).
 */
public final class TaskMetadataEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(TaskMetadataEndpoint.class);
    /** The path prefix the endpoint answers on. */
    public static final String PATH = "/v4/";
    /** The path prefix of version 3. */
    public static final String PATH_V3 = "/v3/";
    /** The environment variable that carries a container's metadata URI. */
    public static final String ENVIRONMENT_VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";
    /** The environment variable that carries a container's version 3 metadata URI. */
    public static final String ENVIRONMENT_VARIABLE_V3 = "ECS_CONTAINER_METADATA_URI";
    /** Docker's embedded DNS server, which containers on a user-defined network use. */
    private static final String DOCKER_DNS = "127.0.0.11";

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

    private final EcsBackend backend;
    private final Executor sampler;
    private final Map<String, Served> byMetadataId = new ConcurrentHashMap<>();
    private final Map<String, TaskEntry> byTask = new ConcurrentHashMap<>();

    /**
     * @param sampler where stats samples are taken (they block on the container runtime)
     */
    public TaskMetadataEndpoint(EcsBackend backend, Executor sampler) {
        this.backend = backend;
        this.sampler = sampler;
    }

    /**
     * Starts serving a task's metadata: from now on its containers' metadata ids answer.
     *
     * @param sandboxId the task sandbox's runtime id (its network counters are the task's)
     * @param network the network the task's ENI is on
     */
    void taskStarted(TaskRecord task, ContainerRuntime runtime, String sandboxId, NetworkInfo network) {
        TaskEntry entry = new TaskEntry(
                task,
                runtime,
                sandboxId,
                new TaskMetadataDocuments.Network(
                        network == null ? null : network.subnet(),
                        network == null ? null : network.gateway(),
                        DOCKER_DNS));
        byTask.put(task.arn(), entry);
        for (ContainerRecord c : task.containers()) {
            byMetadataId.put(c.metadataId(), new Served(entry, c));
        }
    }

    /** The container was created with this runtime id (its stats can be sampled). */
    void containerCreated(TaskRecord task, ContainerRecord container, String runtimeId) {
        TaskEntry entry = byTask.get(task.arn());
        if (entry != null) {
            entry.runtimeIds.put(container.name(), runtimeId);
        }
    }

    /** The environment a container gets: its {@value #ENVIRONMENT_VARIABLE} and {@value #ENVIRONMENT_VARIABLE_V3}. */
    static Map<String, String> environment(ContainerRecord container) {
        String base = "http://127.0.0.1:" + TaskCredentials.SANDBOX_PORT;
        return Map.of(
                ENVIRONMENT_VARIABLE,
                base + PATH + container.metadataId(),
                ENVIRONMENT_VARIABLE_V3,
                base + PATH_V3 + container.metadataId());
    }

    /** Stops serving a task's metadata (its containers are gone). */
    void taskStopped(TaskRecord task) {
        TaskEntry entry = byTask.remove(task.arn());
        if (entry != null) {
            for (ContainerRecord c : task.containers()) {
                byMetadataId.remove(c.metadataId());
            }
        }
    }

    /** The endpoint's answer to one request, on {@link #PATH} or {@link #PATH_V3}. */
    public HttpResponse handle(HttpRequest request) {
        int version = request.rawPath().startsWith(PATH_V3) ? 3 : 4;
        String rest = request.rawPath().substring((version < 4 ? PATH_V3 : PATH).length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Served served = byMetadataId.get(id);
        if (served == null) {
            return json(
                    404,
                    "Unable to get metadata for container " + id + ": no running task has this container; "
                            + "the task may have stopped.");
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return json(405, "The task metadata endpoint answers GET requests only.");
        }
        TaskEntry entry = served.entry;
        requestSample(entry);
        TaskRecord task = entry.task;
        switch (path) {
            case "":
                return json(
                        200,
                        backend.read(
                                () -> TaskMetadataDocuments.container(task, served.container, entry.network, version)));
            case "/task":
                return json(200, backend.read(() -> TaskMetadataDocuments.task(task, entry.network, null, version)));
            case "/taskWithTags": {
                if (version < 4) {
                    break;
                }
                Map<String, String> tags = backend.tagMap(task.arn());
                return json(200, backend.read(() -> TaskMetadataDocuments.task(task, entry.network, tags, version)));
            }
            case "/stats": {
                Object sample = entry.samples.get(served.container.name());
                return json(200, sample == null ? JsonTree.NULL : version < 4 ? withoutRates(sample) : sample);
            }
            case "/task/stats": {
                Map<String, Object> all = new LinkedHashMap<>();
                for (ContainerRecord c : task.containers()) {
                    Object sample = entry.samples.get(c.name());
                    if (sample != null || entry.runtimeIds.containsKey(c.name())) {
                        all.put(
                                c.metadataId(),
                                sample == null ? JsonTree.NULL : version < 4 ? withoutRates(sample) : sample);
                    }
                }
                return json(200, all);
            }
            default:
                break;
        }
        return json(
                404,
                "The task metadata endpoint has no path " + path + ". Paths: ${"
                        + (version < 4
                                ? ENVIRONMENT_VARIABLE_V3 + "}, /task, "
                                : ENVIRONMENT_VARIABLE + "}, /task, /taskWithTags, ")
                        + "/stats, /task/stats.");
    }

    /** A stats sample as version 3 reports it: without version 4's {@code network_rate_stats}. */
    private static Object withoutRates(Object sample) {
        Map<String, Object> copy = new LinkedHashMap<>(map(sample));
        copy.remove("network_rate_stats");
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** Takes a stats sample of the task in the background unless one is under way or was taken a moment ago. */
    private void requestSample(TaskEntry entry) {
        if (System.nanoTime() - entry.lastSampleStart < SAMPLE_EVERY.toNanos()
                || !entry.sampling.compareAndSet(false, true)) {
            return;
        }
        entry.lastSampleStart = System.nanoTime();
        try {
            sampler.execute(() -> {
                try {
                    sample(entry);
                } finally {
                    entry.sampling.set(false);
                }
            });
        } catch (RuntimeException e) {
            entry.sampling.set(false);
            LOG.debug("Could not schedule a stats sample for task {}", entry.task.id(), e);
        }
    }

    /**
     * Samples the sandbox (the task's network counters) and every created container at the same time: the engine
     * takes about a second per sample.
     */
    private void sample(TaskEntry entry) {
        CompletableFuture<Map<String, Object>> sandbox =
                CompletableFuture.supplyAsync(() -> stats(entry, entry.sandboxId, "the sandbox"), sampler);
        Map<String, CompletableFuture<Map<String, Object>>> containers = new LinkedHashMap<>();
        for (ContainerRecord c : entry.task.containers()) {
            String runtimeId = entry.runtimeIds.get(c.name());
            if (runtimeId != null) {
                containers.put(
                        c.name(), CompletableFuture.supplyAsync(() -> stats(entry, runtimeId, c.name()), sampler));
            }
        }
        Object networks = sandbox.join() == null ? null : sandbox.join().get("networks");
        Map<String, Object> rates = networks instanceof Map<?, ?> now ? rates(entry, now) : null;
        Map<String, Object> samples = new LinkedHashMap<>(entry.samples);
        for (ContainerRecord c : entry.task.containers()) {
            Map<String, Object> stats =
                    containers.containsKey(c.name()) ? containers.get(c.name()).join() : null;
            if (stats == null) {
                continue;
            }
            stats.put("name", c.name());
            stats.put("id", c.metadataId());
            if (networks != null) {
                stats.put("networks", networks);
            }
            if (rates != null) {
                stats.put("network_rate_stats", rates);
            }
            samples.put(c.name(), stats);
        }
        entry.samples = Map.copyOf(samples); // one sample of the whole task, seen at once
    }

    private static Map<String, Object> stats(TaskEntry entry, String runtimeId, String what) {
        try {
            return parse(entry.runtime.stats(runtimeId));
        } catch (RuntimeFailure | IOException e) {
            LOG.debug("No stats for {} of task {}: {}", what, entry.task.id(), e.getMessage());
            return null;
        }
    }

    /** Bytes per second received and sent since the previous sample of the task's network counters. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> rates(TaskEntry entry, Map<?, ?> networks) {
        Instant at = Instant.now();
        long[] totals = totals((Map<String, Object>) networks);
        Map<String, Object> rates = null;
        if (entry.lastNetworkTotals != null) {
            double seconds = Duration.between(entry.lastNetworkAt, at).toNanos() / 1e9;
            if (seconds > 0) {
                rates = new LinkedHashMap<>();
                rates.put("rx_bytes_per_sec", (totals[0] - entry.lastNetworkTotals[0]) / seconds);
                rates.put("tx_bytes_per_sec", (totals[1] - entry.lastNetworkTotals[1]) / seconds);
            }
        }
        entry.lastNetworkTotals = totals;
        entry.lastNetworkAt = at;
        return rates;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) throws IOException {
        Object value = JsonTree.parse(json.getBytes(StandardCharsets.UTF_8));
        if (!(value instanceof Map<?, ?>)) {
            throw new IOException("the runtime's stats are not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /** Received and sent bytes over every interface. */
    @SuppressWarnings("unchecked")
    private static long[] totals(Map<String, Object> networks) {
        long rx = 0;
        long tx = 0;
        for (Object n : networks.values()) {
            if (n instanceof Map<?, ?> counters) {
                rx += number(((Map<String, Object>) counters).get("rx_bytes"));
                tx += number(((Map<String, Object>) counters).get("tx_bytes"));
            }
        }
        return new long[] {rx, tx};
    }

    private static long number(Object o) {
        if (o instanceof BigDecimal d) {
            return d.longValue();
        }
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static HttpResponse json(int status, Object body) {
        return HttpResponse.of(status, "application/json", JsonTree.write(body));
    }

    /** One metadata id: a container of a task. */
    private record Served(TaskEntry entry, ContainerRecord container) {}

    /** What the endpoint keeps per task. */
    private static final class TaskEntry {
        final TaskRecord task;
        final ContainerRuntime runtime;
        final String sandboxId;
        final TaskMetadataDocuments.Network network;
        final Map<String, String> runtimeIds = new ConcurrentHashMap<>();
        /** The latest stats sample of each container, by name. */
        volatile Map<String, Object> samples = Map.of();

        final AtomicBoolean sampling = new AtomicBoolean();
        volatile long lastSampleStart = System.nanoTime() - SAMPLE_EVERY.toNanos();
        long[] lastNetworkTotals;
        Instant lastNetworkAt;

        TaskEntry(TaskRecord task, ContainerRuntime runtime, String sandboxId, TaskMetadataDocuments.Network network) {
            this.task = task;
            this.runtime = runtime;
            this.sandboxId = sandboxId;
            this.network = network;
        }
    }
}
