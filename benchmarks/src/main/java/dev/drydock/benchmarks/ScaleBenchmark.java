package dev.drydock.benchmarks;

import static dev.drydock.benchmarks.Benchmarks.median;
import static dev.drydock.benchmarks.Benchmarks.percentile;

import dev.drydock.core.Drydock;
import dev.drydock.core.events.EventStream;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * How the control plane scales with the number of tasks, on the simulated runtime (no Docker): for a cluster of 10,
 * 100, 1,000 and 10,000 running tasks (in services of at most 1,000 tasks, as ECS's default quota of tasks per
 * service is 5,000), the time until every service is steady, then the latency through the SDK's EcsClient of
 * DescribeServices (one service), ListTasks (one page of 100 of one service, and every page of the cluster) and
 * DescribeTasks (100 tasks). Each size runs in a fresh Drydock instance, measured once its event stream has caught
 * up. Section {@code scale} of {@code scripts/benchmark.sh}.
 */
final class ScaleBenchmark {
    /** The cluster sizes measured; the system property {@code scale.sizes} (comma-separated) picks others. */
    private static final int[] SIZES = Arrays.stream(
                    System.getProperty("scale.sizes", "10,100,1000,10000").split(","))
            .mapToInt(x -> Integer.parseInt(x.trim()))
            .toArray();

    private static final int PER_SERVICE = 1_000;
    private static final int SAMPLES = 200;
    private static final int WARMUP = 300;

    private ScaleBenchmark() {}

    static void run() {
        System.out.printf(
                Locale.ROOT,
                "%nControl plane at scale, simulated runtime, services of at most %d tasks "
                        + "(median / p90 ms over %d calls after %d warm-up; one unreported run of 100 tasks first):%n",
                PER_SERVICE,
                SAMPLES,
                WARMUP);
        measure(100, false); // class loading and JIT compilation, so that the first reported size does not pay them
        System.out.printf(
                Locale.ROOT,
                "  %7s  %8s  %11s  %17s  %17s  %17s  %17s%n",
                "tasks",
                "services",
                "to steady s",
                "DescribeServices",
                "ListTasks 1 page",
                "ListTasks all",
                "DescribeTasks 100");
        for (int size : SIZES) {
            measure(size, true);
        }
    }

    private static void measure(int size, boolean report) {
        try (Drydock drydock = Drydock.builder().runtime(SimulatedRuntime::new).start();
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("scale"));
            ecs.registerTaskDefinition(r -> r.family("web")
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(ContainerDefinition.builder()
                            .name("app")
                            .image(Benchmarks.IMAGE)
                            .command("httpd-foreground")
                            .build()));
            int services = (size + PER_SERVICE - 1) / PER_SERVICE;
            long t0 = System.nanoTime();
            for (int i = 0; i < services; i++) {
                String name = "web" + i;
                int desired = Math.min(PER_SERVICE, size - i * PER_SERVICE);
                ecs.createService(r -> r.cluster("scale")
                        .serviceName(name)
                        .taskDefinition("web")
                        .desiredCount(desired)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))));
            }
            for (int i = 0; i < services; i++) {
                while (!steady(ecs, "web" + i, Math.min(PER_SERVICE, size - i * PER_SERVICE))) {
                    sleep(50);
                }
            }
            double toSteady = (System.nanoTime() - t0) / 1e9;
            EventStream events = drydock.events();
            while (!events.idle()) {
                sleep(50);
            }
            List<String> hundred = ecs.listTasks(
                            r -> r.cluster("scale").serviceName("web0").maxResults(100))
                    .taskArns();
            List<Double> describeServices =
                    time(() -> ecs.describeServices(r -> r.cluster("scale").services("web0")));
            List<Double> listPage = time(() ->
                    ecs.listTasks(r -> r.cluster("scale").serviceName("web0").maxResults(100)));
            List<Double> listAll = time(
                    () -> {
                        int n = 0;
                        String token = null;
                        do {
                            String t = token;
                            ListTasksResponse page = ecs.listTasks(
                                    r -> r.cluster("scale").maxResults(100).nextToken(t));
                            n += page.taskArns().size();
                            token = page.nextToken();
                        } while (token != null);
                        if (n != size) {
                            throw new IllegalStateException("ListTasks listed " + n + " tasks, not " + size);
                        }
                        return n;
                    },
                    Math.max(10, SAMPLES * 10 / size),
                    Math.max(5, WARMUP * 10 / size));
            List<Double> describeTasks =
                    time(() -> ecs.describeTasks(r -> r.cluster("scale").tasks(hundred)));
            if (!report) {
                return;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %7d  %8d  %11.1f  %17s  %17s  %17s  %17s%n",
                    size,
                    services,
                    toSteady,
                    stats(describeServices),
                    stats(listPage),
                    stats(listAll),
                    stats(describeTasks));
        }
    }

    private static boolean steady(EcsClient ecs, String service, int size) {
        Service s = ecs.describeServices(r -> r.cluster("scale").services(service))
                .services()
                .get(0);
        return s.runningCount() == size
                && s.deployments().size() == 1
                && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString());
    }

    private static List<Double> time(Supplier<?> call) {
        return time(call, SAMPLES, WARMUP);
    }

    private static List<Double> time(Supplier<?> call, int samples, int warmup) {
        List<Double> result = new ArrayList<>();
        for (int i = 0; i < warmup + samples; i++) {
            long t0 = System.nanoTime();
            call.get();
            long t1 = System.nanoTime();
            if (i >= warmup) {
                result.add((t1 - t0) / 1e6);
            }
        }
        return result;
    }

    private static String stats(List<Double> values) {
        return String.format(Locale.ROOT, "%.2f / %.2f", median(values), percentile(values, 90));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
