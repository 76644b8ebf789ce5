package dev.drydock.samples;

import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.services.ecs.model.Task;

/** The web page a task serves, as a test reads it. */
final class TaskPages {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TaskPages() {}

    /**
     * GET / on the task's port 80: the task's private IP (its ENI's address, as another host in the VPC reaches it),
     * through {@link Drydock#taskAddress}, which answers where this JVM reaches that port on any Docker engine. Retries
     * for up to 30 s while the server starts.
     */
    static String page(Drydock drydock, Task task) {
        return page(address(drydock, task, 80));
    }

    /**
     * Where this JVM reaches a task's port: its private IP (its ENI's address) through {@link Drydock#taskAddress},
     * on any Docker engine.
     */
    static InetSocketAddress address(Drydock drydock, Task task, int port) {
        String ip = task.attachments().get(0).details().stream()
                .filter(d -> d.name().equals("privateIPv4Address"))
                .findFirst()
                .orElseThrow()
                .value();
        return drydock.taskAddress(ip, port);
    }

    /** GET / at {@code web} (an address from {@link Drydock#taskAddress}); retries for up to 30 s. */
    static String page(InetSocketAddress web) {
        return await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () -> HTTP.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        "http://" + web.getHostString() + ":" + web.getPort() + "/"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body(),
                        body -> body != null && !body.isEmpty());
    }
}
