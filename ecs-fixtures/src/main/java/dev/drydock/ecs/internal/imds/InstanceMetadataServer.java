package dev.drydock.ecs.internal.imds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * Serves one {@link InstanceMetadataService} on its own loopback port of this JVM ({@code 127.0.0.1:<port>}), so that
 * each instance's metadata is told apart by the port a request arrives on, as the instance's address tells them apart
 * on AWS.
 */
final class InstanceMetadataServer implements AutoCloseable {
    private final HttpServer server;

    /**
     * @throws UncheckedIOException when no port can be opened
     */
    InstanceMetadataServer(InstanceMetadataService service, Executor executor) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Drydock cannot open a port for an instance metadata service", e);
        }
        server.createContext("/", exchange -> serve(service, exchange));
        server.setExecutor(executor);
        server.start();
    }

    /** The loopback port it listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    private static void serve(InstanceMetadataService service, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath();
            HttpResponse response = service.handle(new HttpRequest(
                    exchange.getRequestMethod(),
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    body,
                    exchange.getRemoteAddress(),
                    exchange.getLocalAddress()));
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
