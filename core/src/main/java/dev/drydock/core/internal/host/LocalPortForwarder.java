package dev.drydock.core.internal.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a local Linux engine, makes a port of this JVM that listens on loopback only reachable from containers at the
 * gateway of Drydock's network: listens on {@code <gateway>:<port>} and copies each connection to
 * {@code 127.0.0.1:<port>}. A server listening on every address already answers on the gateway; its port is then taken
 * there and nothing needs forwarding.
 */
final class LocalPortForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPortForwarder.class);
    private static final int BUFFER = 64 * 1024;

    private final ServerSocket server;
    private final int port;
    private volatile boolean closed;

    private LocalPortForwarder(ServerSocket server, int port) {
        this.server = server;
        this.port = port;
        Thread acceptor = new Thread(this::accept, "drydock-expose-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Forwards {@code gateway:port} to {@code 127.0.0.1:port}, or answers {@code null} when the port is already taken
     * on the gateway (by the server itself, listening on every address).
     */
    static LocalPortForwarder open(InetAddress gateway, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(gateway, port), 64);
        } catch (IOException e) {
            server.close();
            if (e instanceof BindException) {
                return null;
            }
            throw e;
        }
        return new LocalPortForwarder(server, port);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(InetAddress.getLoopbackAddress(), port);
                in.setTcpNoDelay(true);
                out.setTcpNoDelay(true);
                AtomicInteger open = new AtomicInteger(2);
                pump(in, out, open);
                pump(out, in, open);
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("Forwarding a connection to port {} failed: {}", port, e.toString());
                }
            }
        }
    }

    /** Copies one direction; an end of stream half-closes the other side, an error closes both. */
    private static void pump(Socket from, Socket to, AtomicInteger open) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[BUFFER];
                    boolean failed = false;
                    try {
                        InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream();
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                        }
                        to.shutdownOutput();
                    } catch (IOException e) {
                        failed = true;
                    }
                    if (failed || open.decrementAndGet() == 0) {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "drydock-expose-copy");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    static void closeAll(List<LocalPortForwarder> forwarders) {
        for (LocalPortForwarder f : new ArrayList<>(forwarders)) {
            f.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}
