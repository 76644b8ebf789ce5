package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.spi.TaskLogSink;
import dev.drydock.core.spi.TaskSecretResolver;
import dev.drydock.logs.LogsFixtures;
import dev.drydock.logs.internal.LogsServiceModule;
import dev.drydock.secretsmanager.internal.SecretsManagerServiceModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * What a real task definition's secrets and logs cost, on Docker:
 *
 * <ul>
 *   <li>RunTask to RUNNING for the same one-container task without and with two secrets (a Secrets Manager JSON key
 *       and a Parameter Store SecureString, read as the execution role) and the awslogs log driver (its stream created
 *       as the execution role); interleaved runs, medians and the difference. Target: under 50 ms added.</li>
 *   <li>A log line's latency from the container's stdout to GetLogEvents: a container prints a line every 100 ms; the
 *       benchmark polls GetLogEvents every 2 ms and takes, for each event, the time it was first returned minus its
 *       timestamp (when Docker received the line). Median and 90th percentile. Target: median under 500 ms.</li>
 * </ul>
 */
final class TaskDefinitionsBenchmark {
    private static final String GROUP = "/ecs/bench";

    private TaskDefinitionsBenchmark() {}

    static void run() throws Exception {
        try (Drydock d = Drydock.builder()
                        .fixture(IamFixtures.role("bench-exec")
                                .managedPolicy("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
                                .policy("iam/bench-exec-secrets.json"))
                        .fixture(LogsFixtures.logGroup(GROUP))
                        .start();
                EcsClient ecs = d.client(EcsClient.builder());
                SecretsManagerClient sm = d.client(SecretsManagerClient.builder());
                SsmClient ssm = d.client(SsmClient.builder());
                CloudWatchLogsClient logs = d.client(CloudWatchLogsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("bench"));
            String secret = sm.createSecret(r -> r.name("bench/db").secretString("{\"password\":\"pw\"}"))
                    .arn();
            ssm.putParameter(r -> r.name("/bench/token").value("t0k3n").type("SecureString"));
            register(ecs, "plain", container("sleep 3600"));
            register(
                    ecs,
                    "secrets-awslogs",
                    awslogs(container("sleep 3600")
                            .secrets(
                                    s -> s.name("DB_PASSWORD").valueFrom(secret + ":password::"),
                                    s -> s.name("TOKEN").valueFrom("/bench/token"))));
            register(
                    ecs, "ticker", awslogs(container("i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.1; done")));
            startCost(ecs);
            spiCost(d, secret);
            logLatency(ecs, logs);
        }
    }

    private static void startCost(EcsClient ecs) throws Exception {
        int warmup = 2;
        int runs = 15;
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        samples.put("plain", new ArrayList<>());
        samples.put("secrets-awslogs", new ArrayList<>());
        for (int i = 0; i < warmup + runs; i++) {
            for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
                Thread.sleep(Benchmarks.PAUSE_MS);
                long t0 = System.nanoTime();
                Task task = start(ecs, e.getKey());
                double ms = awaitRunning(ecs, task, t0);
                ecs.stopTask(r -> r.cluster("bench").task(task.taskArn()));
                if (i >= warmup) {
                    e.getValue().add(ms);
                }
            }
        }
        double plain = Benchmarks.median(samples.get("plain"));
        double with = Benchmarks.median(samples.get("secrets-awslogs"));
        System.out.printf(
                Locale.ROOT,
                "%nRunTask to RUNNING with two secrets and awslogs vs. without (%d interleaved runs each, median):%n",
                runs);
        System.out.printf(Locale.ROOT, "  plain task                                             %8.1f ms%n", plain);
        System.out.printf(
                Locale.ROOT,
                "  two secrets (Secrets Manager, SecureString) + awslogs  %8.1f ms  %+.1f ms (target < 50 ms)%n",
                with,
                with - plain);
    }

    /**
     * The in-process part of that cost, without containers: what ECS asks the two modules before the container is
     * created (both secrets read as the execution role, the awslogs stream opened and closed), median of 200 tasks.
     */
    private static void spiCost(Drydock d, String secret) {
        TaskSecretResolver secrets = SecretsManagerServiceModule.of(d);
        TaskLogSink sink = LogsServiceModule.of(d);
        List<Double> resolve = new ArrayList<>();
        List<Double> open = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            String task = "arn:aws:ecs:" + d.region() + ":" + d.accountId() + ":task/bench/"
                    + String.format(Locale.ROOT, "%032x", i);
            long t0 = System.nanoTime();
            secrets.resolve(new TaskSecretResolver.TaskSecretsRequest(
                    task,
                    "bench-exec",
                    List.of(
                            new TaskSecretResolver.TaskSecret("DB_PASSWORD", secret + ":password::"),
                            new TaskSecretResolver.TaskSecret("TOKEN", "/bench/token"))));
            long t1 = System.nanoTime();
            sink.open(new TaskLogSink.AwsLogsRequest(
                            task, "app", "bench-exec", GROUP, "us-east-1", "spi", false, true, 10L << 20))
                    .close();
            long t2 = System.nanoTime();
            if (i >= 20) {
                resolve.add((t1 - t0) / 1e6);
                open.add((t2 - t1) / 1e6);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  of which in process (median of %d): both secrets read %.2f ms, awslogs stream opened and closed "
                        + "%.2f ms%n",
                resolve.size(),
                Benchmarks.median(resolve),
                Benchmarks.median(open));
    }

    private static void logLatency(EcsClient ecs, CloudWatchLogsClient logs) throws Exception {
        Task task = start(ecs, "ticker");
        awaitRunning(ecs, task, System.nanoTime());
        String stream = "bench/app/" + task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        List<Double> latencies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long end = System.nanoTime() + 12_000_000_000L;
        String token = null;
        while (System.nanoTime() < end) {
            String from = token;
            GetLogEventsResponse r = logs.getLogEvents(q -> q.logGroupName(GROUP)
                    .logStreamName(stream)
                    .startFromHead(true)
                    .nextToken(from));
            long now = System.currentTimeMillis();
            for (OutputLogEvent e : r.events()) {
                if (seen.add(e.message())) {
                    latencies.add((double) (now - e.timestamp()));
                }
            }
            token = r.nextForwardToken();
            Thread.sleep(2);
        }
        ecs.stopTask(r -> r.cluster("bench").task(task.taskArn()));
        List<Double> steady = latencies.subList(Math.min(5, latencies.size()), latencies.size());
        List<Double> sorted = new ArrayList<>(steady);
        sorted.sort(Double::compare);
        System.out.printf(
                Locale.ROOT,
                "%nA log line from the container's stdout to GetLogEvents (awslogs, flush interval 50 ms; %d lines):%n"
                        + "  median %.1f ms, p90 %.1f ms (target: median < 500 ms)%n",
                sorted.size(),
                Benchmarks.median(sorted),
                sorted.get((int) Math.floor(sorted.size() * 0.9)));
    }

    private static ContainerDefinition.Builder container(String script) {
        return ContainerDefinition.builder()
                .name("app")
                .image(Benchmarks.IMAGE)
                .entryPoint("sh", "-c")
                .command(script)
                .linuxParameters(l -> l.initProcessEnabled(true));
    }

    private static ContainerDefinition.Builder awslogs(ContainerDefinition.Builder c) {
        return c.logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                .options(Map.of(
                        "awslogs-group", GROUP, "awslogs-region", "us-east-1", "awslogs-stream-prefix", "bench")));
    }

    private static void register(EcsClient ecs, String family, ContainerDefinition.Builder c) {
        ecs.registerTaskDefinition(r -> r.family(family)
                .executionRoleArn("bench-exec")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(c.build()));
    }

    private static Task start(EcsClient ecs, String family) {
        return ecs.runTask(r -> r.cluster("bench")
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                .tasks()
                .get(0);
    }

    /** Polls until RUNNING; the milliseconds since {@code t0}, the RunTask call's start. */
    static double awaitRunning(EcsClient ecs, Task task, long t0) throws Exception {
        String status;
        do {
            Thread.sleep(Benchmarks.POLL_MS);
            status = ecs.describeTasks(r -> r.cluster("bench").tasks(task.taskArn()))
                    .tasks()
                    .get(0)
                    .lastStatus();
        } while (!status.equals("RUNNING") && !status.equals("STOPPED"));
        long t1 = System.nanoTime();
        if (!status.equals("RUNNING")) {
            throw new IllegalStateException("benchmark task stopped: "
                    + ecs.describeTasks(r -> r.cluster("bench").tasks(task.taskArn()))
                            .tasks()
                            .get(0)
                            .stoppedReason());
        }
        return (t1 - t0) / 1e6;
    }
}
