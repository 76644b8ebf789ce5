package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsFixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * RunTask to RUNNING for an EC2 task in bridge mode (one container, port 80 on a dynamic host port: a task sandbox
 * plus a forwarder started in the container instance's sandbox) vs. the same container as an awsvpc (Fargate) task vs.
 * the same container by hand (docker-java create+start). The two task variants run interleaved, so drift on a shared
 * machine hits them alike; the instance sandbox is created once, before the measured runs (the first task on an
 * instance pays it, printed separately).
 */
final class BridgeBenchmark {
    private BridgeBenchmark() {}

    static void run() throws Exception {
        int warmup = 2;
        int runs = 15;
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        samples.put("bridge", new ArrayList<>());
        samples.put("awsvpc", new ArrayList<>());
        double firstOnInstance;
        try (Drydock d = Drydock.start();
                EcsClient ecs = d.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("bench"));
            // room for the tasks still stopping (sleep ignores SIGTERM: each takes its 30 s stop timeout)
            d.apply(EcsFixtures.containerInstances("bench", 1, "m5.4xlarge"));
            for (NetworkMode mode : List.of(NetworkMode.BRIDGE, NetworkMode.AWSVPC)) {
                ecs.registerTaskDefinition(r -> r.family(mode.toString())
                        .networkMode(mode)
                        .requiresCompatibilitiesWithStrings(mode == NetworkMode.BRIDGE ? "EC2" : "FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image(Benchmarks.IMAGE)
                                .command("sleep", "3600")
                                .portMappings(p -> p.containerPort(80))
                                .build()));
            }
            firstOnInstance = runOnce(ecs, bridge());
            for (int i = 0; i < warmup + runs; i++) {
                for (String variant : samples.keySet()) {
                    Thread.sleep(Benchmarks.PAUSE_MS);
                    double ms = runOnce(ecs, variant.equals("bridge") ? bridge() : awsvpc());
                    if (i >= warmup) {
                        samples.get(variant).add(ms);
                    }
                }
            }
        }
        List<Double> api = Benchmarks.createAndStartByHand(warmup, runs);
        double bridge = Benchmarks.median(samples.get("bridge"));
        double awsvpc = Benchmarks.median(samples.get("awsvpc"));
        double byHand = Benchmarks.median(api);
        System.out.printf(
                Locale.ROOT, "%nRunTask to RUNNING by network mode, one container (%d runs, median):%n", runs);
        System.out.printf(
                Locale.ROOT,
                "  EC2 bridge, port 80 on a dynamic host port        %8.1f ms  ratio %.2fx (to create+start), %.2fx"
                        + " (to awsvpc)%n",
                bridge,
                bridge / byHand,
                bridge / awsvpc);
        System.out.printf(
                Locale.ROOT,
                "  Fargate awsvpc, port 80                           %8.1f ms  ratio %.2fx%n",
                awsvpc,
                awsvpc / byHand);
        System.out.printf(Locale.ROOT, "  same container by hand, docker-java create+start  %8.1f ms%n", byHand);
        System.out.printf(
                Locale.ROOT,
                "  (the first bridge task on an instance, which starts its sandbox: %.1f ms)%n",
                firstOnInstance);
    }

    private static RunTaskRequest bridge() {
        return RunTaskRequest.builder()
                .cluster("bench")
                .taskDefinition("bridge")
                .launchType(LaunchType.EC2)
                .build();
    }

    private static RunTaskRequest awsvpc() {
        return RunTaskRequest.builder()
                .cluster("bench")
                .taskDefinition("awsvpc")
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678")))
                .build();
    }

    /** RunTask, then DescribeTasks every few ms until RUNNING: the time in ms; the task is stopped afterwards. */
    private static double runOnce(EcsClient ecs, RunTaskRequest request) throws Exception {
        long t0 = System.nanoTime();
        RunTaskResponse response = ecs.runTask(request);
        if (response.tasks().isEmpty()) {
            throw new IllegalStateException("RunTask placed no task: " + response.failures());
        }
        Task task = response.tasks().get(0);
        double ms = TaskDefinitionsBenchmark.awaitRunning(ecs, task, t0);
        ecs.stopTask(r -> r.cluster("bench").task(task.taskArn()));
        return ms;
    }
}
