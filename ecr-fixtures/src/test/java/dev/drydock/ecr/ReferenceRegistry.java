package dev.drydock.ecr;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

/**
 * Debian's {@code docker-registry} (the reference distribution implementation, 2.8) on a loopback port with its
 * own storage directory, for comparing Drydock's registry with it. Starting it fails (never skips) when the
 * package is not installed: {@code apt-get install -y docker-registry} (scripts/lib.sh prepare_machine does).
 */
final class ReferenceRegistry implements AutoCloseable {
    static final String BINARY = "/usr/bin/docker-registry";
    private final Process process;
    private final Path root;
    private final String host;

    private ReferenceRegistry(Process process, Path root, String host) {
        this.process = process;
        this.root = root;
        this.host = host;
    }

    static ReferenceRegistry start() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new AssertionError(BINARY + " is missing: the conformance tests compare Drydock's registry with it. "
                    + "Install it with apt-get install -y docker-registry (scripts/lib.sh prepare_machine does).");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path root = Files.createTempDirectory("drydock-reference-registry");
        Path config = root.resolve("config.yml");
        Files.writeString(
                config,
                "version: 0.1\n"
                        + "log:\n  level: warn\n"
                        + "storage:\n  filesystem:\n    rootdirectory: " + root.resolve("data") + "\n"
                        + "http:\n  addr: 127.0.0.1:" + port + "\n");
        Process p = new ProcessBuilder(BINARY, "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("registry.log").toFile())
                .start();
        String host = "127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create("http://" + host + "/v2/"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return new ReferenceRegistry(p, root, host);
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("docker-registry did not start: "
                        + Files.readString(root.resolve("registry.log"), StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    String host() {
        return host;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
