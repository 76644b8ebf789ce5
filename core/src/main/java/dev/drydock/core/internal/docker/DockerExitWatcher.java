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
 * Streams the engine's {@code die}, {@code destroy} and {@code health_status} events for labelled containers,
 * resubscribing on errors, until closed or until the runtime closes.
 */
final class DockerExitWatcher implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DockerExitWatcher.class);

    private final DockerClient client;
    private final AtomicBoolean closed;
    private final Map<String, String> labels;
    private final Consumer<String> listener;
    private volatile Closeable stream;
    private volatile boolean stopped;

    DockerExitWatcher(
            DockerClient client, AtomicBoolean closed, Map<String, String> labels, Consumer<String> listener) {
        this.client = client;
        this.closed = closed;
        this.labels = labels;
        this.listener = listener;
    }

    void subscribe() {
        if (stopped || closed.get()) {
            return;
        }
        stream = client.eventsCmd()
                .withEventTypeFilter("container")
                .withEventFilter("die", "destroy", "health_status")
                .withLabelFilter(labels)
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        if (event.getId() != null) {
                            try {
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
