package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the engine's {@code die}, {@code destroy}, {@code health_status} and {@code oom} events for labelled
 * containers, resubscribing on errors, until closed or until the runtime closes. An {@code oom} event is first handed
 * to the {@code outOfMemory} sink (so the runtime remembers it), then to the listener like the others: Docker 20.10 can
 * deliver it after the container's {@code die}, and then leaves {@code State.OOMKilled} false.
 */
final class DockerExitWatcher implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DockerExitWatcher.class);

    private final DockerClient client;
    private final AtomicBoolean closed;
    private final Map<String, String> labels;
    private final Consumer<String> listener;
    private final Consumer<String> outOfMemory;
    private volatile Closeable stream;
    private volatile boolean stopped;

    DockerExitWatcher(
            DockerClient client,
            AtomicBoolean closed,
            Map<String, String> labels,
            Consumer<String> listener,
            Consumer<String> outOfMemory) {
        this.client = client;
        this.closed = closed;
        this.labels = labels;
        this.listener = listener;
        this.outOfMemory = outOfMemory;
    }

    void subscribe() {
        if (stopped || closed.get()) {
            return;
        }
        stream = client.eventsCmd()
                .withEventTypeFilter("container")
                .withEventFilter("die", "destroy", "health_status", "oom")
                .withLabelFilter(labels)
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        if (event.getId() != null) {
                            try {
                                if ("oom".equals(event.getAction())) {
                                    outOfMemory.accept(event.getId());
                                }
                                listener.accept(event.getId());
                            } catch (RuntimeException e) {
                                LOG.warn("Container exit listener failed for {}", event.getId(), e);
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        if (!stopped && !closed.get()) {
                            LOG.debug("Docker event stream failed; resubscribing", t);
                            resubscribeLater();
                        }
                    }

                    @Override
                    public void onComplete() {
                        if (!stopped && !closed.get()) {
                            resubscribeLater();
                        }
                    }
                });
    }

    private void resubscribeLater() {
        Thread t = new Thread(
                () -> {
                    try {
                        Thread.sleep(1000);
                        subscribe();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        LOG.debug("Resubscribing to Docker events failed", e);
                        resubscribeLater();
                    }
                },
                "drydock-docker-events");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        Closeable s = stream;
        if (s != null) {
            s.close();
        }
    }
}
