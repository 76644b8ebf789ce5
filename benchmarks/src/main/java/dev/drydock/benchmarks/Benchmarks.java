package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.ContainerSpec;
import dev.drydock.core.runtime.NetworkInfo;
import dev.drydock.ecs.internal.EcsServiceModule;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Drydock's benchmarks, printed as medians (and p90/p99 where there are many samples). Rerun with
 * {@code scripts/benchmark.sh [section...]}; sections: {@code runtask}, {@code describe}, {@code startup},
 * {@code heap}, {@code credentials}, {@code metadata}. Needs a Docker engine and the images of
 * {@code scripts/build-images.sh}.
 *
 * <ul>
 *   <li>runtask: RunTask to RUNNING for a one-container task, against starting the same container by hand (the
 *       docker-java create+start Drydock itself uses, and the docker CLI's {@code docker run -d}), as a ratio.</li>
 *   <li>describe: the DescribeTasks round trip through the SDK's EcsClient, in process.</li>
 *   <li>startup: from {@code Drydock.start()} in a fresh JVM to the endpoint's first answer.</li>
 *   <li>secrets: GetSecretValue and GetParameter round trips through the SDK, in process, and Drydock.start() with
 *       and without the secrets and logs modules ({@link SecretsBenchmark}).</li>
 *   <li>taskdefs: RunTask to RUNNING with two secrets and awslogs vs. without, and a log line's latency from the
 *       container's stdout to GetLogEvents ({@link TaskDefinitionsBenchmark}).</li>
 *   <li>heap: Drydock's heap (after GC) with a 10-task service running, over the JVM's baseline.</li>
 *   <li>credentials, metadata: the container credentials endpoint and the task metadata endpoint's {@code /task},
 *       asked from inside a task's container.</li>
 *   <li>scale: DescribeServices, ListTasks and DescribeTasks latency for a service of 10 to 10,000 tasks, on the
 *       simulated runtime ({@link ScaleBenchmark}).</li>
 *   <li>scaling: from a load change to a target tracking policy's new tasks RUNNING, stage by stage, on the simulated
 *       and the Docker runtime, with compressed time ({@link ScalingBenchmark}).</li>
 * </ul>
 */
public final class Benchmarks {
    static final String IMAGE = "drydock/busybox:1.35-local";
    /** Between runs, so background work (the sandbox pool's refill) settles, as between a test's RunTask calls. */
    static final long PAUSE_MS = 1000;
    /** How often the RunTask measurement polls DescribeTasks (adds up to this much to each sample). */
    static final long POLL_MS = 10;

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Set<String> sections = new TreeSet<>(
                args.length == 0
                        ? List.of("runtask", "describe", "startup", "heap", "credentials", "metadata")
                        : Arrays.asList(args));
        System.out.printf(
                Locale.ROOT,
                "Drydock benchmarks (%d cores, Java %s)%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (sections.contains("startup")) {
            startup();
        }
        if (sections.contains("runtask")) {
            runTask();
        }
        if (sections.contains("bridge")) {
            BridgeBenchmark.run();
        }
        if (sections.contains("describe")) {
            describe();
        }
        if (sections.contains("heap")) {
            heap();
        }
        if (sections.contains("credentials")) {
            credentials();
        }
        if (sections.contains("efs")) {
            EfsBenchmark.run();
        }
        if (sections.contains("metadata")) {
            metadata();
        }
        if (sections.contains("scale")) {
            ScaleBenchmark.run();
        }
        if (sections.contains("registry")) {
            RegistryBenchmark.run();
        }
        if (sections.contains("report")) {
            ReportBenchmark.run();
        }
        if (sections.contains("registry") || sections.contains("reuse")) {
            ImageReuseBenchmark.run();
        }
        if (sections.contains("secrets")) {
            SecretsBenchmark.run();
        }
        if (sections.contains("taskdefs")) {
            TaskDefinitionsBenchmark.run();
        }
        if (sections.contains("scaling")) {
            ScalingBenchmark.run();
        }
        if (sections.contains("loadbalancer")) {
            LoadBalancerBenchmark.run();
            RollingDeploymentBenchmark.run();
        }
    }

    // ------------------------------------------------------------------------------------------- credentials

    /**
     * From inside a task's container (Python's urllib in the AWS CLI image): the container credentials endpoint
     * round trip, through the task sandbox's loopback forwarder to Drydock.
     */
    static void credentials() {
        String[] parts = probe(
                "creds",
                "bench-task",
                "u=os.environ['AWS_CONTAINER_CREDENTIALS_FULL_URI']\n"
                        + "h={'Authorization':os.environ['AWS_CONTAINER_AUTHORIZATION_TOKEN']}\n");
        System.out.printf(
                Locale.ROOT,
                "%nContainer credentials endpoint round trip, from inside a task (300 requests, "
                        + "new connection each, via the sandbox forwarder):%n");
        System.out.printf(Locale.ROOT, "  median %s ms  p90 %s  p99 %s%n", parts[1], parts[2], parts[3]);
    }

    /**
     * From inside a task's container (Python's urllib in the AWS CLI image): the task metadata endpoint's
     * {@code ${ECS_CONTAINER_METADATA_URI_V4}/task} round trip, through the same forwarder.
     */
    static void metadata() {
        String[] parts = probe("metadata", null, "u=os.environ['ECS_CONTAINER_METADATA_URI_V4']+'/task'\nh={}\n");
        System.out.printf(
                Locale.ROOT,
                "%nTask metadata endpoint v4 /task round trip, from inside a task "
                        + "(300 requests, new connection each, via the sandbox forwarder):%n");
        System.out.printf(Locale.ROOT, "  median %s ms  p90 %s  p99 %s%n", parts[1], parts[2], parts[3]);
    }

    /**
     * Runs a Python probe in a task: {@code setup} sets the URL {@code u} and headers {@code h}; the probe requests
     * it 350 times and prints the median, p90 and p99 in ms of the last 300.
     *
     * @return {@code RESULT}, median, p90, p99
     */
    private static String[] probe(String family, String taskRole, String setup) {
        String script = "import os,time,urllib.request,statistics\n" + setup
                + "xs=[]\n"
                + "for i in range(350):\n"
                + "  s=time.perf_counter();urllib.request.urlopen(urllib.request.Request(u,headers=h))"
                + ".read();xs.append((time.perf_counter()-s)*1000)\n"
                + "xs=sorted(xs[50:]);print('RESULT %.3f %.3f %.3f' % (statistics.median(xs),xs[int(len(xs)*0.9)],"
                + "xs[int(len(xs)*0.99)]))\n";
        Drydock.Builder builder = Drydock.builder();
        if (taskRole != null) {
            builder.fixture(IamFixtures.role(taskRole));
        }
        try (Drydock d = builder.start();
                EcsClient ecs = d.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("bench"));
            ecs.registerTaskDefinition(r -> r.family(family)
                    .networkMode(NetworkMode.AWSVPC)
                    .taskRoleArn(taskRole)
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(ContainerDefinition.builder()
                            .name("probe")
                            .image("drydock/awscli:local")
                            .command("python3", "-c", script)
                            .build()));
            Task task = ecs.runTask(r -> r.cluster("bench")
                            .taskDefinition(family)
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                    .tasks()
                    .get(0);
            ecs.waiter()
                    .waitUntilTasksStopped(
                            r -> r.cluster("bench").tasks(task.taskArn()),
                            w -> w.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200)))
                                    .maxAttempts(600));
            var backend = EcsServiceModule.of(d).backend();
            String result = backend
                    .read(() -> backend.allTasks().get(0).containers().get(0).lastLogLines())
                    .stream()
                    .filter(l -> l.startsWith("RESULT"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("the probe printed no result; task: " + d.diagnostics()));
            return result.split(" ");
        }
    }

    // ------------------------------------------------------------------------------------------------ runtask

    static void runTask() throws Exception {
        int warmup = 2;
        int runs = 15;
        List<Double> drydock = new ArrayList<>();
        try (Drydock d = Drydock.start();
                EcsClient ecs = d.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("bench"));
            ecs.registerTaskDefinition(r -> r.family("one")
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(ContainerDefinition.builder()
                            .name("app")
                            .image(IMAGE)
                            .command("sleep", "3600")
                            .build()));
            for (int i = 0; i < warmup + runs; i++) {
                Thread.sleep(PAUSE_MS);
                long t0 = System.nanoTime();
                Task task = ecs.runTask(r -> r.cluster("bench")
                                .taskDefinition("one")
                                .launchType(LaunchType.FARGATE)
                                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                        .tasks()
                        .get(0);
                String status;
                do {
                    Thread.sleep(POLL_MS);
                    status = ecs.describeTasks(r -> r.cluster("bench").tasks(task.taskArn()))
                            .tasks()
                            .get(0)
                            .lastStatus();
                } while (!status.equals("RUNNING") && !status.equals("STOPPED"));
                long t1 = System.nanoTime();
                if (!status.equals("RUNNING")) {
                    throw new IllegalStateException("benchmark task stopped: " + task.taskArn());
                }
                if (i >= warmup) {
                    drydock.add((t1 - t0) / 1e6);
                }
                ecs.stopTask(r -> r.cluster("bench").task(task.taskArn()));
            }
        }
        List<Double> api = createAndStartByHand(warmup, runs);
        List<Double> cli = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            Thread.sleep(PAUSE_MS);
            long t0 = System.nanoTime();
            String id = run("docker", "run", "-d", "--label", "dev.drydock=true", IMAGE, "sleep", "3600")
                    .trim();
            long t1 = System.nanoTime();
            if (i >= warmup) {
                cli.add((t1 - t0) / 1e6);
            }
            run("docker", "rm", "-f", id);
        }
        double m = median(drydock);
        System.out.printf(Locale.ROOT, "%nRunTask to RUNNING, one container (%d runs, median):%n", runs);
        System.out.printf(
                Locale.ROOT, "  Drydock RunTask -> RUNNING (SDK, DescribeTasks every %d ms) %8.1f ms%n", POLL_MS, m);
        System.out.printf(
                Locale.ROOT,
                "  same container by hand, docker-java create+start      %8.1f ms  ratio %.2fx%n",
                median(api),
                m / median(api));
        System.out.printf(
                Locale.ROOT,
                "  same container by hand, docker run -d (CLI)            %8.1f ms  ratio %.2fx%n",
                median(cli),
                m / median(cli));
    }

    /**
     * The same container as the benchmarks' tasks ({@code sleep 3600}) started by hand on a network, with docker-java
     * create+start (and an inspect, as Drydock does): the milliseconds of each run after {@code warmup}.
     */
    static List<Double> createAndStartByHand(int warmup, int runs) throws Exception {
        return createAndStartByHand(warmup, runs, 1);
    }

    /**
     * As {@link #createAndStartByHand(int, int)}, {@code containers} containers one after the other per run: the
     * milliseconds each run took to create and start them all.
     */
    static List<Double> createAndStartByHand(int warmup, int runs, int containers) throws Exception {
        List<Double> api = new ArrayList<>();
        try (ContainerRuntime docker = ContainerRuntime.docker()) {
            NetworkInfo net = docker.createNetwork(
                    "drydock-bench", Map.of("dev.drydock", "true", "dev.drydock.session", "bench"));
            try {
                for (int i = 0; i < warmup + runs; i++) {
                    Thread.sleep(PAUSE_MS);
                    List<String> ids = new ArrayList<>();
                    long t0 = System.nanoTime();
                    for (int c = 0; c < containers; c++) {
                        docker.imageId(IMAGE);
                        String id = docker.createContainer(ContainerSpec.builder("drydock-bench-" + i + "-" + c, IMAGE)
                                .command(List.of("sleep", "3600"))
                                .network(net.name(), List.of())
                                .labels(Map.of("dev.drydock", "true", "dev.drydock.session", "bench"))
                                .build());
                        docker.startContainer(id);
                        docker.inspectContainer(id);
                        ids.add(id);
                    }
                    long t1 = System.nanoTime();
                    if (i >= warmup) {
                        api.add((t1 - t0) / 1e6);
                    }
                    for (String id : ids) {
                        docker.removeContainer(id);
                    }
                }
            } finally {
                docker.removeLabelled(Map.of("dev.drydock.session", "bench"));
            }
        }
        return api;
    }

    // ---------------------------------------------------------------------------------------------- describe

    static void describe() {
        int warmup = 2000;
        int runs = 5000;
        try (Drydock d = Drydock.start();
                EcsClient ecs = d.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("bench"));
            ecs.registerTaskDefinition(r -> r.family("one")
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(ContainerDefinition.builder()
                            .name("app")
                            .image(IMAGE)
                            .command("sleep", "3600")
                            .build()));
            Task task = ecs.runTask(r -> r.cluster("bench")
                            .taskDefinition("one")
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))))
                    .tasks()
                    .get(0);
            List<Double> sdk = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                ecs.describeTasks(r -> r.cluster("bench").tasks(task.taskArn()));
                long t1 = System.nanoTime();
                if (i >= warmup) {
                    sdk.add((t1 - t0) / 1e6);
                }
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest raw = HttpRequest.newBuilder(d.endpoint())
                    .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DescribeTasks")
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"cluster\":\"bench\",\"tasks\":[\"" + task.taskArn() + "\"]}"))
                    .build();
            List<Double> plain = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                try {
                    http.send(raw, HttpResponse.BodyHandlers.ofByteArray());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long t1 = System.nanoTime();
                if (i >= warmup) {
                    plain.add((t1 - t0) / 1e6);
                }
            }
            System.out.printf(
                    Locale.ROOT, "%nDescribeTasks round trip, in process (%d calls after %d warm-up):%n", runs, warmup);
            System.out.printf(
                    Locale.ROOT,
                    "  SDK EcsClient (Apache HTTP client, SigV4)  median %.3f ms  p90 %.3f  p99 %.3f%n",
                    median(sdk),
                    percentile(sdk, 90),
                    percentile(sdk, 99));
            System.out.printf(
                    Locale.ROOT,
                    "  raw JDK HttpClient, unsigned (endpoint, routing, SigV4 refusal only)  median "
                            + "%.3f ms  p90 %.3f  p99 %.3f%n",
                    median(plain),
                    percentile(plain, 90),
                    percentile(plain, 99));
        }
    }

    // ----------------------------------------------------------------------------------------------- startup

    static void startup() throws Exception {
        int runs = 7;
        List<Double> ready = new ArrayList<>();
        List<Double> firstAnswer = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String out = run(javaBinary(), "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName());
            String[] parts = out.trim().split("\\s+");
            ready.add(Double.parseDouble(parts[0]));
            firstAnswer.add(Double.parseDouble(parts[1]));
        }
        System.out.printf(
                Locale.ROOT,
                "%nEndpoint start in a fresh JVM, its HTTP client already loaded (%d runs, " + "median):%n",
                runs);
        System.out.printf(Locale.ROOT, "  Drydock.start() returns                 %7.1f ms%n", median(ready));
        System.out.printf(Locale.ROOT, "  first HTTP answer after start() began   %7.1f ms%n", median(firstAnswer));
    }

    // -------------------------------------------------------------------------------------------------- heap

    static void heap() throws Exception {
        System.gc();
        Thread.sleep(200);
        System.gc();
        long baseline = usedHeap();
        try (Drydock d = Drydock.start();
                EcsClient ecs = d.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("bench"));
            ecs.registerTaskDefinition(r -> r.family("one")
                    .networkMode(NetworkMode.AWSVPC)
                    .requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(ContainerDefinition.builder()
                            .name("app")
                            .image(IMAGE)
                            .command("sleep", "3600")
                            .build()));
            ecs.createService(r -> r.cluster("bench")
                    .serviceName("ten")
                    .taskDefinition("one")
                    .desiredCount(10)
                    .launchType(LaunchType.FARGATE)
                    .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))));
            ecs.waiter()
                    .waitUntilServicesStable(
                            r -> r.cluster("bench").services("ten"),
                            w -> w.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200)))
                                    .maxAttempts(600));
            for (int i = 0; i < 50; i++) {
                ecs.describeServices(r -> r.cluster("bench").services("ten"));
            }
            System.gc();
            Thread.sleep(200);
            System.gc();
            long running = usedHeap();
            System.out.printf(Locale.ROOT, "%nHeap with a 10-task service running (after GC):%n");
            System.out.printf(Locale.ROOT, "  JVM baseline before Drydock            %6.1f MB%n", baseline / 1e6);
            System.out.printf(Locale.ROOT, "  with Drydock and 10 RUNNING tasks      %6.1f MB%n", running / 1e6);
            System.out.printf(
                    Locale.ROOT, "  Drydock's own share (incl. SDK client) %6.1f MB%n", (running - baseline) / 1e6);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
        }
        return out;
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** Runs in a fresh JVM: prints ms until start() returned and until the endpoint's first answer. */
    public static final class StartupProbe {
        private StartupProbe() {}

        public static void main(String[] args) throws Exception {
            warmTheClient();
            long t0 = System.nanoTime();
            try (Drydock d = Drydock.start()) {
                long t1 = System.nanoTime();
                HttpURLConnectionProbe.answer(d.endpoint());
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "%.1f %.1f%n", (t1 - t0) / 1e6, (t2 - t0) / 1e6);
            }
        }
    }

    /**
     * Loads the probe's HTTP client classes first (against a bare socket answering a canned response), so the
     * measurement is Drydock's start and first answer, not the client's own start-up in a cold JVM.
     */
    static void warmTheClient() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                                    .getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            responder.start();
            HttpURLConnectionProbe.answer(URI.create("http://127.0.0.1:" + server.getLocalPort()));
            responder.join();
        }
    }

    /** The cheapest client there is, so the probe measures the endpoint and not a client's start-up. */
    static final class HttpURLConnectionProbe {
        private HttpURLConnectionProbe() {}

        static void answer(URI endpoint) throws Exception {
            HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters");
            c.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
            c.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
            // Unsigned, so the answer is MissingAuthenticationTokenException (HTTP 400): any AWS answer counts.
            int status = c.getResponseCode();
            if (status != 200 && status != 400) {
                throw new IllegalStateException("endpoint answered " + status);
            }
            (status == 200 ? c.getInputStream() : c.getErrorStream()).readAllBytes();
        }
    }
}
