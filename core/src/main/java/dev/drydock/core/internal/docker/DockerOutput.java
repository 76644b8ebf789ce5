package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.drydock.core.runtime.ContainerRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The output part of {@link DockerRuntime}: follows a container's output line by line, reads the last lines of its
 * logs.
 */
final class DockerOutput {
    private final DockerClient client;

    DockerOutput(DockerClient client) {
        this.client = client;
    }

    AutoCloseable followOutput(String containerId, Consumer<ContainerRuntime.OutputLine> lines, Runnable end) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                boolean stderr = frame.getStreamType() == StreamType.STDERR;
                StringBuilder partial = stderr ? err : out;
                partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    deliver(partial.substring(0, nl), stderr);
                    partial.delete(0, nl + 1);
                }
            }

            private void deliver(String timestamped, boolean stderr) {
                // with timestamps, Docker prefixes each line with its RFC 3339 time and a space
                int space = timestamped.indexOf(' ');
                Instant time;
                String text;
                try {
                    time = Instant.parse(timestamped.substring(0, Math.max(space, 0)));
                    text = timestamped.substring(space + 1);
                } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                    time = Instant.now();
                    text = timestamped;
                }
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                lines.accept(new ContainerRuntime.OutputLine(time, stderr, text));
            }

            @Override
            public void onComplete() {
                if (out.length() > 0) {
                    deliver(out.toString(), false);
                }
                if (err.length() > 0) {
                    deliver(err.toString(), true);
                }
                super.onComplete();
                end.run();
            }

            @Override
            public void onError(Throwable t) {
                super.onError(t);
                end.run();
            }
        };
        try {
            client.logContainerCmd(containerId)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .withTimestamps(true)
                    .exec(callback);
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "follow the output of container " + containerId);
        }
        return callback;
    }

    List<String> logTail(String containerId, int lines) {
        return logTails(List.of(containerId), lines).getOrDefault(containerId, List.of());
    }

    /** Asks the engine for every container's lines at once (one stream each), then waits for them all. */
    Map<String, List<String>> logTails(Collection<String> containerIds, int lines) {
        Map<String, LogCollector> started = new LinkedHashMap<>();
        try {
            for (String id : containerIds) {
                try {
                    started.put(
                            id,
                            client.logContainerCmd(id)
                                    .withStdOut(true)
                                    .withStdErr(true)
                                    .withTail(lines)
                                    .exec(new LogCollector(lines)));
                } catch (NotFoundException e) {
                    // gone: no lines
                }
            }
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (Map.Entry<String, LogCollector> e : started.entrySet()) {
                try {
                    e.getValue().awaitCompletion(10, TimeUnit.SECONDS);
                } catch (NotFoundException gone) {
                    continue;
                }
                result.put(e.getKey(), e.getValue().lines());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "read logs of containers " + containerIds);
        }
    }

    /** Collects a log stream's lines, keeping the last {@code max}. */
    private static final class LogCollector extends ResultCallback.Adapter<Frame> {
        private final int max;
        private final Deque<String> out = new ArrayDeque<>();
        private final StringBuilder partial = new StringBuilder();

        LogCollector(int max) {
            this.max = max;
        }

        @Override
        public synchronized void onNext(Frame frame) {
            partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                out.add(partial.substring(0, nl));
                partial.delete(0, nl + 1);
                if (out.size() > max) {
                    out.removeFirst();
                }
            }
        }

        synchronized List<String> lines() {
            List<String> result = new ArrayList<>(out);
            if (partial.length() > 0) {
                result.add(partial.toString());
            }
            return result.subList(Math.max(0, result.size() - max), result.size());
        }
    }
}
