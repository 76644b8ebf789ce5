package dev.drydock.core.internal.docker;

import dev.drydock.core.DrydockException;
import java.util.Optional;

/**
 * Whether a Docker engine answers, found the way {@link DockerRuntime#connect()} finds it; asked once per JVM (a test
 * run does not gain or lose its engine between classes), so that classes that skip without Docker pay for it once.
 */
public final class DockerProbe {
    private static volatile Optional<String> answer;

    private DockerProbe() {}

    /** Empty when an engine answers; otherwise why not (the message {@link DockerRuntime#connect()} fails with). */
    public static Optional<String> unavailable() {
        Optional<String> a = answer;
        if (a == null) {
            synchronized (DockerProbe.class) {
                a = answer;
                if (a == null) {
                    a = probe();
                    answer = a;
                }
            }
        }
        return a;
    }

    private static Optional<String> probe() {
        try (DockerRuntime runtime = DockerRuntime.connect()) {
            return Optional.empty();
        } catch (DrydockException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of("no Docker engine answers: " + e);
        }
    }
}
