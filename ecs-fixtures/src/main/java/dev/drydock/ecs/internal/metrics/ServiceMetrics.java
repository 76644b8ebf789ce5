package dev.drydock.ecs.internal.metrics;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.spi.MetricSink;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.RunningServiceTasks;
import dev.drydock.ecs.internal.backend.RunningServiceTasks.Reservation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes ECS's service utilization metrics to CloudWatch (through core's {@link MetricSink}, when a module provides
 * one): {@code AWS/ECS} {@code CPUUtilization} and {@code MemoryUtilization}, unit Percent, dimensions
 * {@code ClusterName} and {@code ServiceName}, one data point per RUNNING task every 20 seconds of the scaling clock,
 * as "Amazon ECS service utilization metrics"
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_utilization.html) defines them: a task's CPU
 * units used (cores x 1024) x 100 / the CPU units its task definition specifies, and its MiB of memory used x 100 / the
 * MiB specified; so Average over a period is the service's utilization (for tasks of one task definition), Minimum and
 * Maximum the least and most loaded task's. Services without RUNNING tasks publish nothing ("Amazon ECS CloudWatch
 * metrics", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html).
 *
 * <p>On real containers the usage comes from the engine's stats of the task's containers ({@link ContainerUsage}; on an
 * engine whose samples carry no previous CPU reading, Podman's, from two consecutive samples, so a task's first round
 * publishes nothing);
 * on the simulated runtime from {@link #simulate(String, String, double, double)} (0% until a test sets it).
 */
public final class ServiceMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);
    /** How often ECS samples a task's utilization ("every 20 seconds"). */
    static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(20);

    private final ServiceContext context;
    private final EcsBackend backend;
    private final ScalingTime time;
    private final Map<String, double[]> simulated = new ConcurrentHashMap<>();
    /** Each running container's last stats sample, for engines whose samples carry no previous reading (Podman). */
    private final Map<String, ContainerUsage> lastSample = new ConcurrentHashMap<>();

    private final ScheduledExecutorService timer;
    private final ExecutorService statsPool;

    public ServiceMetrics(ServiceContext context, EcsBackend backend, ScalingTime time) {
        this.context = context;
        this.backend = backend;
        this.time = time;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "drydock-ecs-metrics"));
        this.statsPool = Executors.newFixedThreadPool(4, r -> daemon(r, "drydock-ecs-stats"));
        long every = Math.max(20, time.real(SAMPLE_INTERVAL).toMillis());
        timer.scheduleAtFixedRate(this::sample, every, every, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Sets the utilization the simulated runtime's tasks of a service report from now on.
     *
     * @param cpuPercent percent of the task's CPU, 0 or more (above 100 is possible on EC2, as on ECS)
     * @param memoryPercent percent of the task's memory, 0 or more
     */
    public void simulate(String cluster, String service, double cpuPercent, double memoryPercent) {
        if (cpuPercent < 0 || memoryPercent < 0 || !Double.isFinite(cpuPercent) || !Double.isFinite(memoryPercent)) {
            throw new IllegalArgumentException("Utilization must be a percentage of 0 or more; got CPU " + cpuPercent
                    + "%, memory " + memoryPercent + "%.");
        }
        simulated.put(cluster + "/" + service, new double[] {cpuPercent, memoryPercent});
    }

    private void sample() {
        try {
            Optional<MetricSink> sink = context.module(MetricSink.class);
            Optional<RuntimeSession> session = context.runtimeIfReady();
            if (sink.isEmpty() || session.isEmpty()) {
                return;
            }
            List<Reservation> tasks = RunningServiceTasks.snapshot(backend);
            if (tasks.isEmpty()) {
                return;
            }
            ContainerRuntime runtime = session.get().runtime();
            Set<String> containers = new HashSet<>();
            tasks.forEach(r -> containers.addAll(r.runtimeIds()));
            lastSample.keySet().retainAll(containers);
            List<CompletableFuture<MetricSink.Datum[]>> pending = new ArrayList<>();
            for (Reservation r : tasks) {
                if (r.cpuUnits() <= 0 && r.memoryMiB() <= 0) {
                    continue;
                }
                pending.add(
                        runtime.realContainers()
                                ? CompletableFuture.supplyAsync(() -> measured(runtime, r), statsPool)
                                : CompletableFuture.completedFuture(simulated(r)));
            }
            List<MetricSink.Datum> data = new ArrayList<>();
            for (CompletableFuture<MetricSink.Datum[]> f : pending) {
                MetricSink.Datum[] d = f.join();
                if (d != null) {
                    data.addAll(List.of(d));
                }
            }
            if (!data.isEmpty()) {
                sink.get().put("AWS/ECS", data);
            }
        } catch (RuntimeException e) {
            LOG.warn("Publishing ECS service metrics failed", e);
        }
    }

    private MetricSink.Datum[] simulated(Reservation r) {
        double[] u = simulated.getOrDefault(r.clusterName() + "/" + r.serviceName(), new double[] {0, 0});
        return data(r, u[0], u[1], time.clock().instant());
    }

    private MetricSink.Datum[] measured(ContainerRuntime runtime, Reservation r) {
        double cores = 0;
        long bytes = 0;
        boolean complete = true;
        for (String id : r.runtimeIds()) {
            try {
                ContainerUsage u = ContainerUsage.parse(runtime.stats(id)).since(lastSample.get(id));
                lastSample.put(id, u);
                complete &= u.measured();
                cores += u.cores();
                bytes += u.memoryBytes();
            } catch (RuntimeException e) {
                LOG.debug("No stats for container {} of {}: {}", id, r.taskArn(), e.getMessage());
                return null; // the task is stopping: no sample, as the agent reports none
            }
        }
        if (!complete) {
            return null; // a first sample without a previous reading (Podman): the CPU needs the next one
        }
        double cpu = r.cpuUnits() > 0 ? cores * 1024 * 100 / r.cpuUnits() : 0;
        double memory = r.memoryMiB() > 0 ? bytes * 100.0 / (r.memoryMiB() * 1024.0 * 1024.0) : 0;
        return data(r, cpu, memory, time.clock().instant());
    }

    private static MetricSink.Datum[] data(Reservation r, double cpu, double memory, Instant at) {
        Map<String, String> dims = Map.of("ClusterName", r.clusterName(), "ServiceName", r.serviceName());
        List<MetricSink.Datum> out = new ArrayList<>();
        if (r.cpuUnits() > 0) {
            out.add(new MetricSink.Datum("CPUUtilization", dims, at, cpu, "Percent"));
        }
        if (r.memoryMiB() > 0) {
            out.add(new MetricSink.Datum("MemoryUtilization", dims, at, memory, "Percent"));
        }
        return out.toArray(MetricSink.Datum[]::new);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        statsPool.shutdownNow();
    }
}
