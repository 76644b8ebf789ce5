package dev.drydock.elb.internal.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The event loops every load balancer of one Drydock instance runs on (proxies and health checks): one thread per
 * core, NIO (no native transport), daemon threads named {@code drydock-elb-N}. Closed with the module.
 */
public final class ProxyLoops implements AutoCloseable {
    static {
        // Netty's leak detector samples buffers and records stack traces: a debugging aid for Netty's users, which
        // costs the proxies throughput; Drydock's own tests release every buffer they are given
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }

    private final EventLoopGroup group;

    /** @param threads the number of event loop threads (at least 1) */
    public ProxyLoops(int threads) {
        this.group = new MultiThreadIoEventLoopGroup(
                Math.max(1, threads), new DefaultThreadFactory("drydock-elb", true), NioIoHandler.newFactory());
    }

    /** The event loop group. */
    public EventLoopGroup group() {
        return group;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
