package dev.drydock.elb.internal.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The event loops every load balancer of one Drydock instance runs on (proxies and health checks): one thread per
 * core, NIO (no native transport), daemon threads named {@code drydock-elb-N}. Closed with the module.
 *
 * <p>The group is created on first use (the first listener or health check), not with the module: Netty's classes
 * and threads cost about 100 ms of a fresh JVM's {@code Drydock.start()}, which a test without a load balancer never
 * needs.
 */
public final class ProxyLoops implements AutoCloseable {
    private final int threads;
    private volatile EventLoopGroup group;
    private boolean closed;

    /** @param threads the number of event loop threads (at least 1) */
    public ProxyLoops(int threads) {
        this.threads = Math.max(1, threads);
    }

    /**
     * The event loop group, created on the first call.
     *
     * @throws RejectedExecutionException after {@link #close()}
     */
    public EventLoopGroup group() {
        EventLoopGroup g = group;
        // read without the lock on every connection and health check once created
        return g != null ? g : create();
    }

    private synchronized EventLoopGroup create() {
        if (closed) {
            throw new RejectedExecutionException("The load balancers' event loops are closed (Drydock is closed)");
        }
        if (group == null) {
            // Netty's leak detector samples buffers and records stack traces: a debugging aid for Netty's users,
            // which costs the proxies throughput; Drydock's own tests release every buffer they are given
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
            group = new MultiThreadIoEventLoopGroup(
                    threads, new DefaultThreadFactory("drydock-elb", true), NioIoHandler.newFactory());
        }
        return group;
    }

    @Override
    public void close() {
        EventLoopGroup started;
        synchronized (this) {
            closed = true;
            started = group;
        }
        if (started != null) {
            started.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
