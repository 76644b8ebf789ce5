package dev.drydock.ecr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Docker CLI ({@code docker} on PATH, talking to the running engine), with its own client configuration
 * directory so logins never touch the user's {@code ~/.docker/config.json}. Tests that use it need Docker and fail
 * without it.
 */
final class DockerCli implements AutoCloseable {
    private final Path config;
    private final List<String> createdReferences = new ArrayList<>();

    DockerCli() throws IOException {
        this.config = Files.createTempDirectory("drydock-docker-config");
    }

    /** The result of one command. */
    record Result(int exitCode, String output) {}

    /** Runs {@code docker args...}; fails the test unless it exits 0. */
    String ok(String... args) {
        Result r = run(null, args);
        if (r.exitCode != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " exited " + r.exitCode + ":\n" + r.output);
        }
        return r.output;
    }

    /** Runs {@code docker args...} with {@code stdin}, whatever its exit code. */
    Result run(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DOCKER_CONFIG", config.toString());
        try {
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Result(p.exitValue(), out.trim());
        } catch (IOException e) {
            throw new AssertionError("cannot run the docker CLI (is it on PATH?): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code docker login host -u AWS --password-stdin}. */
    Result login(String host, String password) {
        return run(password, "login", host, "-u", "AWS", "--password-stdin");
    }

    /** {@code docker tag source target}, removing {@code target} again at {@link #close()}. */
    void tag(String source, String target) {
        ok("tag", source, target);
        createdReferences.add(target);
    }

    /** Removes {@code reference} at {@link #close()} (e.g. after pulling it). */
    void removeLater(String reference) {
        createdReferences.add(reference);
    }

    @Override
    public void close() throws IOException {
        for (String ref : createdReferences) {
            run(null, "rmi", ref);
        }
        try (var files = Files.walk(config)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
