package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.ecr.EcrModule;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * {@code docker push} and {@code docker pull} of a ~50 MB image (one incompressible 50 MiB layer on the local
 * busybox) through Drydock's ECR registry and through Debian's docker-registry (distribution 2.8, the reference
 * implementation), as medians and their ratio (target: Drydock within 1.2x). Each round uses a fresh registry of
 * each kind (so nothing is already there and Docker mounts nothing), pushes from a freshly loaded image and pulls
 * into an engine that no longer has the layer. While Drydock receives the push, its JVM's old generation is sampled
 * every 10 ms: blobs stream to disk, so it stays flat.
 */
final class RegistryBenchmark {
    static final int ROUNDS = 5;
    static final String SOURCE = "drydock-bench/registry:50mb";

    private RegistryBenchmark() {}

    static void run() throws Exception {
        Path work = Files.createTempDirectory("drydock-registry-bench");
        try {
            Path tar = buildImage(work);
            List<Double> drydockPush = new ArrayList<>();
            List<Double> drydockPull = new ArrayList<>();
            List<Double> referencePush = new ArrayList<>();
            List<Double> referencePull = new ArrayList<>();
            long maxHeapGrowth = 0;
            for (int round = 0; round < ROUNDS; round++) {
                try (Drydock drydock = Drydock.builder()
                                .setting("runtime", "simulated")
                                .start();
                        EcrClient ecr = drydock.client(EcrClient.builder())) {
                    ecr.createRepository(r -> r.repositoryName("bench"));
                    String token = ecr.getAuthorizationToken()
                            .authorizationData()
                            .get(0)
                            .authorizationToken();
                    String password =
                            new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).substring(4);
                    String host = drydock.service(EcrModule.class).registryHost();
                    docker(work, password, "login", host, "-u", "AWS", "--password-stdin");
                    HeapSampler heap = new HeapSampler();
                    double[] times = pushAndPull(work, tar, host + "/bench:v1", heap);
                    drydockPush.add(times[0]);
                    drydockPull.add(times[1]);
                    maxHeapGrowth = Math.max(maxHeapGrowth, heap.maxGrowth());
                }
                try (Reference reference = Reference.start(work.resolve("reference-" + round))) {
                    double[] times = pushAndPull(work, tar, reference.host + "/bench:v1", null);
                    referencePush.add(times[0]);
                    referencePull.add(times[1]);
                }
            }
            System.out.printf(
                    Locale.ROOT, "%nRegistry: docker push/pull of a ~50 MB image (%d rounds, medians):%n", ROUNDS);
            System.out.printf(
                    Locale.ROOT,
                    "  push  Drydock %7.0f ms   docker-registry %7.0f ms   ratio %.2fx%n",
                    Benchmarks.median(drydockPush),
                    Benchmarks.median(referencePush),
                    Benchmarks.median(drydockPush) / Benchmarks.median(referencePush));
            System.out.printf(
                    Locale.ROOT,
                    "  pull  Drydock %7.0f ms   docker-registry %7.0f ms   ratio %.2fx%n",
                    Benchmarks.median(drydockPull),
                    Benchmarks.median(referencePull),
                    Benchmarks.median(drydockPull) / Benchmarks.median(referencePull));
            System.out.printf(
                    Locale.ROOT,
                    "  Drydock's %s growth while receiving a push: at most %.1f MB " + "(the layer is 52.4 MB)%n",
                    HeapSampler.what(),
                    maxHeapGrowth / 1e6);
        } finally {
            Benchmarks.run("docker", "image", "rm", "-f", SOURCE);
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Builds the image (busybox plus 50 MiB of random bytes) once and saves it, so every round loads it afresh. */
    private static Path buildImage(Path work) throws Exception {
        Path context = Files.createDirectories(work.resolve("context"));
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(42);
        try (var out = Files.newOutputStream(context.resolve("payload"))) {
            for (int i = 0; i < 50; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        Files.writeString(
                context.resolve("Dockerfile"),
                "FROM " + Benchmarks.IMAGE + "\nCOPY payload /payload\n" + "LABEL dev.drydock.benchmark=registry\n");
        Benchmarks.run("docker", "build", "-q", "-t", SOURCE, context.toString());
        Path tar = work.resolve("image.tar");
        Benchmarks.run("docker", "save", "-o", tar.toString(), SOURCE);
        Benchmarks.run("docker", "image", "rm", SOURCE);
        return tar;
    }

    /** Loads the image, pushes it as {@code target} (timed), removes it, pulls it (timed), removes it again. */
    private static double[] pushAndPull(Path work, Path tar, String target, HeapSampler heap) throws Exception {
        Benchmarks.run("docker", "load", "-q", "-i", tar.toString());
        Benchmarks.run("docker", "tag", SOURCE, target);
        if (heap != null) {
            heap.start();
        }
        long t0 = System.nanoTime();
        docker(work, null, "push", target);
        double push = (System.nanoTime() - t0) / 1e6;
        if (heap != null) {
            heap.stop();
        }
        Benchmarks.run("docker", "image", "rm", target, SOURCE);
        t0 = System.nanoTime();
        docker(work, null, "pull", target);
        double pull = (System.nanoTime() - t0) / 1e6;
        Benchmarks.run("docker", "image", "rm", target);
        return new double[] {push, pull};
    }

    private static void docker(Path work, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DOCKER_CONFIG", work.resolve("docker-config").toString());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " failed: " + out);
        }
    }

    /**
     * Samples this JVM's old generation every 10 ms between start and stop, against its level at start: a blob held
     * whole in the heap would land there (G1 allocates arrays that large directly in the old generation), while
     * streaming leaves it flat. Falls back to the whole heap when no pool is named "Old Gen".
     */
    private static final class HeapSampler {
        private static final MemoryPoolMXBean OLD = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().contains("Old Gen"))
                .findFirst()
                .orElse(null);
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running;
        private long baseline;
        private Thread thread;

        void start() {
            System.gc();
            baseline = used();
            running = true;
            thread = new Thread(
                    () -> {
                        while (running) {
                            max.accumulateAndGet(used() - baseline, Math::max);
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long maxGrowth() {
            return max.get();
        }

        static String what() {
            return OLD == null ? "heap" : OLD.getName();
        }

        private static long used() {
            return OLD != null
                    ? OLD.getUsage().getUsed()
                    : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    /** Debian's docker-registry on a loopback port with its own storage. */
    private static final class Reference implements AutoCloseable {
        final Process process;
        final String host;

        private Reference(Process process, String host) {
            this.process = process;
            this.host = host;
        }

        static Reference start(Path root) throws Exception {
            if (!Files.isExecutable(Path.of("/usr/bin/docker-registry"))) {
                throw new IllegalStateException("/usr/bin/docker-registry is missing: apt-get install -y "
                        + "docker-registry (scripts/lib.sh prepare_machine does)");
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Files.createDirectories(root);
            Path config = root.resolve("config.yml");
            Files.writeString(
                    config,
                    "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                            + root.resolve("data") + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
            Process p = new ProcessBuilder("/usr/bin/docker-registry", "serve", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve("log").toFile())
                    .start();
            String host = "127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 400; i++) {
                try {
                    if (http.send(
                                            HttpRequest.newBuilder(URI.create("http://" + host + "/v2/"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return new Reference(p, host);
                    }
                } catch (IOException e) {
                    Thread.sleep(50);
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("docker-registry did not start: " + Files.readString(root.resolve("log")));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
