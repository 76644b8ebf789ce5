package dev.drydock.core.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drydock's HTTP endpoint: the JDK's built-in HTTP server on one or more addresses, all sharing one port choice
 * and one handler. Every AWS API call, credentials request and metadata request arrives here.
 *
 * <p>Binding is explicit: loopback for the test JVM, and later the gateway address of Drydock's Docker network so
 * containers reach it. It never binds the wildcard address.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    static {
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs add ~40 ms to small responses. Only read when the server classes initialise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Function<HttpRequest, HttpResponse> handler;
    private final List<HttpServer> servers = new ArrayList<>();
    private final InetSocketAddress loopback;

    private HttpEndpoint(Function<HttpRequest, HttpResponse> handler) throws IOException {
        this.handler = handler;
        this.loopback = bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts an endpoint on an ephemeral loopback port.
     *
     * @param handler turns each request into a response; an exception it throws becomes an HTTP 500
     * @throws IOException when the port cannot be bound
     */
    public static HttpEndpoint start(Function<HttpRequest, HttpResponse> handler) throws IOException {
        return new HttpEndpoint(handler);
    }

    /**
     * Also listens on the given address (for example the gateway of Drydock's Docker network). A port of 0 picks
     * an ephemeral port.
     *
     * @return the bound address
     * @throws IOException when the address cannot be bound
     */
    public synchronized InetSocketAddress bindAddress(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 128);
        server.createContext("/", this::exchange);
        // Requests are handled on the server's own dispatcher thread: a hand-off to a pool costs ~0.1 ms per call,
        // a tenth of a DescribeTasks round trip. Handlers never block (no Docker work, no waiting), so one thread
        // per address serves everything; the test JVM (loopback) and the containers (gateway) have one each.
        server.setExecutor(Runnable::run);
        // The dispatcher thread inherits the daemon flag of the thread that starts the server: start it from a daemon
        // thread, so an instance nobody closed does not keep the JVM from exiting.
        Thread starter = new Thread(server::start, "drydock-http-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new IOException("interrupted while starting the endpoint", e);
        }
        servers.add(server);
        InetSocketAddress bound = server.getAddress();
        LOG.debug("Drydock endpoint listening on {}:{}", bound.getAddress().getHostAddress(), bound.getPort());
        return bound;
    }

    /** The loopback URI the test JVM uses, e.g. {@code http://127.0.0.1:41234}. */
    public URI loopbackUri() {
        return URI.create("http://" + loopback.getAddress().getHostAddress() + ":" + loopback.getPort());
    }

    private void exchange(HttpExchange exchange) throws IOException {
        HttpResponse response;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            URI uri = exchange.getRequestURI();
            HttpRequest request = new HttpRequest(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    uri.getRawQuery(),
                    exchange.getRequestHeaders(),
                    body,
                    exchange.getRemoteAddress(),
                    exchange.getLocalAddress());
            response = handler.apply(request);
        } catch (RuntimeException | Error e) {
            LOG.error("Drydock endpoint failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = HttpResponse.text(500, "Drydock internal error: " + e);
        }
        try {
            for (Map.Entry<String, String> h : response.headers().entrySet()) {
                exchange.getResponseHeaders().set(h.getKey(), h.getValue());
            }
            boolean noBody =
                    "HEAD".equals(exchange.getRequestMethod()) || response.status() == 204 || response.status() == 304;
            exchange.sendResponseHeaders(
                    response.status(), noBody ? -1 : response.body().length == 0 ? -1 : response.body().length);
            if (!noBody && response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public synchronized void close() {
        for (HttpServer server : servers) {
            server.stop(0);
        }
        servers.clear();
    }
}
