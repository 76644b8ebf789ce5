package dev.drydock.elb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drydock.elb.internal.ElbServiceModule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * HTTP servers in the test JVM that stand for targets: each answers as its name and status say, records the headers
 * of what it received, and is reached through the module's target address seam at a made-up VPC address
 * ({@code 10.0.9.<n>:80}), so tests need no Docker.
 */
final class LocalTargets implements AutoCloseable {
    private final Map<String, InetSocketAddress> routes = new ConcurrentHashMap<>();
    private final List<HttpServer> servers = new ArrayList<>();
    final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();

    LocalTargets(ElbServiceModule elb) {
        elb.targetAddresses((ip, port) -> {
            InetSocketAddress local = routes.get(ip + ":" + port);
            return local != null ? local : new InetSocketAddress("127.0.0.1", 1);
        });
    }

    /**
     * A target at {@code 10.0.9.<n>:80} answering {@code <name> <path>} with the status {@code status} gives (read for
     * every request, so a test can turn it unhealthy), after {@code delayMillis}.
     */
    String start(int n, String name, IntSupplier status, long delayMillis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> answer(exchange, name, status.getAsInt(), delayMillis));
        server.start();
        servers.add(server);
        String ip = "10.0.9." + n;
        routes.put(ip + ":80", server.getAddress());
        return ip;
    }

    /** A made-up address where nothing listens. */
    String refusing(int n) {
        return "10.0.9." + n;
    }

    private void answer(HttpExchange exchange, String name, int status, long delayMillis) throws IOException {
        if (!"ELB-HealthChecker/2.0".equals(exchange.getRequestHeaders().getFirst("User-Agent"))) {
            received.add(Map.copyOf(exchange.getRequestHeaders()));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        exchange.getRequestBody().readAllBytes();
        byte[] body = (name + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }
}
