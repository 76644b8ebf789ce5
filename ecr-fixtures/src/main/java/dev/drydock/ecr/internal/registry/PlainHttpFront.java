package dev.drydock.ecr.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's public loopback port: forwards plain HTTP connections to the HTTP server behind it and closes
 * TLS connections at their first byte. Docker tries HTTPS first even for an insecure registry and falls back to
 * HTTP when the TLS handshake fails; the JDK's HTTP server would instead wait for a request line that never comes,
 * and every Docker login, push and pull would first sit out Docker's 10-second TLS handshake timeout.
 */
final class PlainHttpFront implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlainHttpFront.class);
    private static final int TLS_HANDSHAKE = 0x16;
    /**
     * Copy buffer: large enough that a layer moves in few system calls, small enough to stay out of G1's
     * humongous (old generation) allocations.
     */
    private static final int BUFFER = 256 * 1024;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService pool;
    private volatile boolean closed;

    PlainHttpFront(InetSocketAddress target, ExecutorService pool) throws IOException {
        this.target = target;
        this.pool = pool;
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "drydock-ecr-registry-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The public address. */
    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                pool.execute(() -> serve(client));
            } catch (IOException | RejectedExecutionException e) {
                if (!closed) {
                    LOG.debug("Registry accept failed", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first < 0 || first == TLS_HANDSHAKE) {
                return;
            }
            try (Socket upstream = new Socket(target.getAddress(), target.getPort())) {
                upstream.setTcpNoDelay(true);
                upstream.getOutputStream().write(first);
                pool.execute(() -> pump(upstream, client));
                pump(client, upstream);
                // wait for the response direction to finish before both sockets close
                synchronized (upstream) {
                    while (!upstream.isClosed() && !upstream.isInputShutdown()) {
                        upstream.wait(1000);
                    }
                }
            }
        } catch (IOException e) {
            LOG.trace("Registry connection ended", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies {@code from} to {@code to} until end of stream, then half-closes {@code to}. */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        } finally {
            synchronized (from) {
                try {
                    from.shutdownInput();
                } catch (IOException ignored) {
                    // already closed
                }
                from.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the registry port failed", e);
        }
    }
}
