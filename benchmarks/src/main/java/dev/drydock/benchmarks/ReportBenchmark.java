package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.report.Report;
import dev.drydock.ecs.EcsFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * What the HTML report costs a test class: a class with a 10-task Fargate service (and an IAM role), the report
 * gathered from the modules ({@code drydock.report}) and written ({@code Report.writeHtml}), 100 times after a first
 * (cold) one, on the simulated runtime and on Docker (where the running containers' last log lines are asked from the
 * engine), with the file's size.
 */
final class ReportBenchmark {
    static final int ROUNDS = 100;

    private ReportBenchmark() {}

    static void run() throws Exception {
        System.out.printf(
                Locale.ROOT, "%nHTML report of a class with a 10-task service (%d writes after the first):%n", ROUNDS);
        for (String runtime : List.of("simulated", "docker")) {
            Path dir = Files.createTempDirectory("drydock-report-bench");
            try (Drydock drydock = Drydock.builder()
                            .setting("runtime", runtime)
                            .setting("sandbox.image", Benchmarks.IMAGE)
                            .fixture(IamFixtures.role("web-task"))
                            .fixture(EcsFixtures.cluster("shop"))
                            .start();
                    EcsClient ecs = drydock.client(EcsClient.builder())) {
                ecs.registerTaskDefinition(r -> r.family("web")
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .taskRoleArn("web-task")
                        .containerDefinitions(c ->
                                c.name("web").image(Benchmarks.IMAGE).command("sh", "-c", "echo started; sleep 3600")));
                ecs.createService(r -> r.cluster("shop")
                        .serviceName("web")
                        .taskDefinition("web")
                        .desiredCount(10)
                        .launchType("FARGATE")
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))));
                ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("web"));
                Path file = dir.resolve("report.html");
                List<Double> gather = new ArrayList<>();
                List<Double> write = new ArrayList<>();
                double[] first = null;
                for (int i = 0; i <= ROUNDS; i++) {
                    long t0 = System.nanoTime();
                    Report report = drydock.report("ReportBenchmark");
                    long t1 = System.nanoTime();
                    report.writeHtml(file);
                    long t2 = System.nanoTime();
                    if (i == 0) {
                        first = new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
                    } else {
                        gather.add((t1 - t0) / 1e6);
                        write.add((t2 - t1) / 1e6);
                    }
                }
                List<Double> total = new ArrayList<>();
                for (int i = 0; i < gather.size(); i++) {
                    total.add(gather.get(i) + write.get(i));
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %-9s  %6.1f KB   median %5.2f ms (gather %5.2f + write %5.2f), p90 %5.2f ms;"
                                + " first %5.1f ms (gather %5.1f + write %5.1f)%n",
                        runtime,
                        Files.size(file) / 1000.0,
                        Benchmarks.median(total),
                        Benchmarks.median(gather),
                        Benchmarks.median(write),
                        Benchmarks.percentile(total, 90),
                        first[0] + first[1],
                        first[0],
                        first[1]);
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
