package dev.drydock.benchmarks;

import dev.drydock.core.Drydock;
import dev.drydock.ecr.EcrFixtures;
import dev.drydock.ecr.EcrModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code @EcrRepository(image = @ImageBuild(...))} of a ~300 MB Java image costs a test class: a fresh Drydock
 * instance (as each test class has) applies {@code EcrFixtures.repository("app").buildImage(context, "v1")}, which
 * builds the image ({@code FROM drydock/java17:local} plus a 5 MiB application directory) and pushes it into
 * Drydock's registry. The first round starts with an empty ECR storage directory (nothing to reuse); the next rounds
 * are the classes after it, the image unchanged. The same rounds with {@code build-cache=off} and
 * {@code ecr.layer-cache=off} show what every class paid before images and layers were reused.
 */
final class ImageReuseBenchmark {
    static final int ROUNDS = 5;

    private ImageReuseBenchmark() {}

    static void run() throws Exception {
        Path work = Files.createTempDirectory("drydock-reuse-bench");
        try {
            Path context = context(work);
            System.out.printf(
                    Locale.ROOT,
                    "%nAn unchanged ~300 MB Java image built and pushed by a test class's @EcrRepository(image = "
                            + "@ImageBuild(...)) (a fresh Drydock each round; %d rounds):%n",
                    ROUNDS);
            Set<String> built = new TreeSet<>();
            for (String cache : List.of("on", "off")) {
                Path storage = Files.createDirectories(work.resolve("storage-" + cache));
                List<Double> times = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    try (Drydock drydock = Drydock.builder()
                            .setting("ecr.storage-directory", storage.toString())
                            .setting("ecr.layer-cache", cache)
                            .setting("build-cache", cache)
                            .start()) {
                        drydock.runtime(); // connected, as it is by the time a class's fixtures apply
                        long t0 = System.nanoTime();
                        drydock.apply(EcrFixtures.repository("app").buildImage(context.toString(), "v1"));
                        times.add((System.nanoTime() - t0) / 1e6);
                        drydock.runtime()
                                .imageId(drydock.service(EcrModule.class).registryHost() + "/app:v1")
                                .ifPresent(built::add);
                    }
                }
                List<Double> again = times.subList(1, times.size());
                System.out.printf(
                        Locale.ROOT,
                        "  reuse %-3s (build-cache, ecr.layer-cache)  first class %6.0f ms   each class after it:"
                                + " median %6.0f ms (min %.0f, max %.0f)%n",
                        cache,
                        times.get(0),
                        Benchmarks.median(again),
                        again.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        again.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            }
            for (String id : built) { // the build cache of this temporary context (the off rounds' images are gone)
                new ProcessBuilder("docker", "image", "rm", "-f", id)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor();
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A build context: the Java base image plus 5 MiB of application files with fixed contents and times. */
    private static Path context(Path work) throws Exception {
        Path context = Files.createDirectories(work.resolve("context"));
        Path app = Files.createDirectories(context.resolve("app"));
        Random random = new Random(7);
        byte[] chunk = new byte[1024 * 1024];
        for (int i = 0; i < 5; i++) {
            random.nextBytes(chunk);
            Path jar = app.resolve("lib-" + i + ".jar");
            Files.write(jar, chunk);
            Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        }
        Files.writeString(
                context.resolve("Dockerfile"),
                "FROM drydock/java17:local\nCOPY app /app\nCMD [\"java\", \"-version\"]\n");
        return context;
    }
}
