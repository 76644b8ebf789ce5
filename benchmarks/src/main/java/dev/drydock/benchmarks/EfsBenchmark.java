package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.spi.TaskVolumeProvider;
import dev.drydock.efs.EfsFixtures;
import dev.drydock.efs.internal.EfsServiceModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * What an EFS volume adds to a task's start: RunTask to RUNNING for the same one-container task without a volume,
 * with an EFS volume (the file system's directory bind-mounted), and with an EFS volume through an access point with
 * a POSIX user and IAM authorization (three policy decisions, the access point's root directory, a bindfs view on
 * first use). The variants run interleaved, so drift on a shared machine hits them alike; medians and the difference
 * to the plain task are printed. Target: under 100 ms added.
 */
final class EfsBenchmark {
    private EfsBenchmark() {}

    static void run() throws Exception {
        int warmup = 2;
        int runs = 15;
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        Map<String, Double> prepare;
        samples.put("plain", new ArrayList<>());
        samples.put("efs", new ArrayList<>());
        samples.put("efs-ap-iam", new ArrayList<>());
        try (Drydock d = Drydock.builder()
                        .fixture(IamFixtures.role("bench-task"))
                        .fixture(EfsFixtures.fileSystem("bench")
                                .accessPoint("app", "/app", 1000L, 1000L, "755", 1000L, 1000L))
                        .start();
                EcsClient ecs = d.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("bench"));
            register(ecs, "plain", null);
            register(
                    ecs,
                    "efs",
                    Volume.builder()
                            .name("data")
                            .efsVolumeConfiguration(e -> e.fileSystemId("bench"))
                            .build());
            register(
                    ecs,
                    "efs-ap-iam",
                    Volume.builder()
                            .name("data")
                            .efsVolumeConfiguration(e -> e.fileSystemId("bench")
                                    .transitEncryption("ENABLED")
                                    .authorizationConfig(
                                            a -> a.accessPointId("app").iam("ENABLED")))
                            .build());
            prepare = prepareVolume(d);
            for (int i = 0; i < warmup + runs; i++) {
                for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
                    Thread.sleep(Benchmarks.PAUSE_MS);
                    double ms = runToRunning(ecs, e.getKey());
                    if (i >= warmup) {
                        e.getValue().add(ms);
                    }
                }
            }
        }
        double plain = Benchmarks.median(samples.get("plain"));
        System.out.printf(
                Locale.ROOT,
                "%nRunTask to RUNNING with and without an EFS volume (%d interleaved runs each," + " median):%n",
                runs);
        System.out.printf(Locale.ROOT, "  no volume                                              %8.1f ms%n", plain);
        System.out.printf(
                Locale.ROOT,
                "  EFS volume (bind mount of the file system)             %8.1f ms  %+.1f ms%n",
                Benchmarks.median(samples.get("efs")),
                Benchmarks.median(samples.get("efs")) - plain);
        System.out.printf(
                Locale.ROOT,
                "  EFS volume, access point with POSIX user, IAM enabled  %8.1f ms  %+.1f ms%n",
                Benchmarks.median(samples.get("efs-ap-iam")),
                Benchmarks.median(samples.get("efs-ap-iam")) - plain);
        System.out.printf(
                Locale.ROOT,
                "  of which the EFS side prepares the volume (median of %d calls): plain %.2f ms, "
                        + "access point + IAM %.2f ms%n",
                PREPARE_CALLS,
                prepare.get("efs"),
                prepare.get("efs-ap-iam"));
    }

    private static final int PREPARE_CALLS = 200;

    /** The EFS model's own part of a task start (what ECS asks it), without containers: median ms per call. */
    private static Map<String, Double> prepareVolume(Drydock d) {
        var efs = EfsServiceModule.of(d);
        String role = "arn:aws:iam::" + d.accountId() + ":role/bench-task";
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String variant : List.of("efs", "efs-ap-iam")) {
            boolean ap = variant.equals("efs-ap-iam");
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < PREPARE_CALLS + 20; i++) {
                String task = "arn:aws:ecs:" + d.region() + ":" + d.accountId() + ":task/bench/"
                        + String.format(Locale.ROOT, "%032x", i);
                long t0 = System.nanoTime();
                efs.efsVolume(new TaskVolumeProvider.EfsVolumeRequest(
                        task, role, "data", "bench", null, "ENABLED", ap ? "app" : null, ap ? "ENABLED" : null));
                if (i >= 20) {
                    times.add((System.nanoTime() - t0) / 1e6);
                }
            }
            medians.put(variant, Benchmarks.median(times));
        }
        return medians;
    }

    private static void register(EcsClient ecs, String family, Volume volume) {
        ContainerDefinition.Builder c = ContainerDefinition.builder()
                .name("app")
                .image(Benchmarks.IMAGE)
                .command("sleep", "3600");
        RegisterTaskDefinitionRequest.Builder r = RegisterTaskDefinitionRequest.builder()
                .family(family)
                .taskRoleArn("bench-task")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512");
        if (volume != null) {
            c.mountPoints(m -> m.sourceVolume("data").containerPath("/data"));
            r.volumes(volume);
        }
        ecs.registerTaskDefinition(r.containerDefinitions(c.build()).build());
    }

    private static double runToRunning(EcsClient ecs, String family) throws Exception {
        long t0 = System.nanoTime();
        Task task = ecs.runTask(r -> r.cluster("bench")
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                .tasks()
                .get(0);
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
            throw new IllegalStateException("benchmark task " + family + " stopped: "
                    + ecs.describeTasks(r -> r.cluster("bench").tasks(task.taskArn()))
                            .tasks()
                            .get(0)
                            .stoppedReason());
        }
        ecs.stopTask(r -> r.cluster("bench").task(task.taskArn()));
        return (t1 - t0) / 1e6;
    }
}
