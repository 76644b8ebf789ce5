package dev.drydock.core.testing;

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
 * own storage directory: for comparing Drydock's registry with it, and as a private registry that wants a login
 * ({@link #startWithLogin()}, HTTP Basic against an htpasswd file, as Docker Hub's private repositories and most
 * self-hosted registries want one). The Docker engine pulls from {@code 127.0.0.1:<port>} over plain HTTP without
 * configuration. Starting it fails (never skips) when the package is not installed:
 * {@code apt-get install -y docker-registry} (scripts/lib.sh prepare_machine does).
 */
public final class ReferenceRegistry implements AutoCloseable {
    static final String BINARY = "/usr/bin/docker-registry";
    /** The user {@link #startWithLogin()}'s registry knows. */
    public static final String USER = "puller";
    /** {@link #USER}'s password. */
    public static final String PASSWORD = "drydock-pull-secret";
    /** {@link #USER}:bcrypt({@link #PASSWORD}) (cost 5), the htpasswd line docker-registry checks logins against. */
    private static final String HTPASSWD = USER + ":$2b$05$qRajao1N75335.8wK3hoxuZUbeMm.peh2I2Dkg3V5u6.UIG37IfuK";

    private final Process process;
    private final Path root;
    private final String host;

    private ReferenceRegistry(Process process, Path root, String host) {
        this.process = process;
        this.root = root;
        this.host = host;
    }

    /** A registry anyone may push to and pull from. */
    public static ReferenceRegistry start() throws IOException, InterruptedException {
        return start(false);
    }

    /** A registry that answers 401 without a login as {@link #USER} / {@link #PASSWORD}. */
    public static ReferenceRegistry startWithLogin() throws IOException, InterruptedException {
        return start(true);
    }

    private static ReferenceRegistry start(boolean login) throws IOException, InterruptedException {
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
                        + "http:\n  addr: 127.0.0.1:" + port + "\n"
                        + (login
                                ? "auth:\n  htpasswd:\n    realm: drydock-test\n    path: " + root.resolve("htpasswd")
                                        + "\n"
                                : ""));
        Files.writeString(root.resolve("htpasswd"), HTPASSWD + "\n");
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
                        == (login ? 401 : 200)) {
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
    public String host() {
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
