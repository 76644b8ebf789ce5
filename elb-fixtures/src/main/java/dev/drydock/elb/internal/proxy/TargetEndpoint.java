package dev.drydock.elb.internal.proxy;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One registered target as the proxies see it: where to connect, how many requests it has in flight, and its open
 * connections, so that deregistration can drain it (no new requests, in-flight ones complete) and then close what is
 * left. Thread-safe.
 */
public final class TargetEndpoint {
    /** Marks a backend channel that is serving a request (idle keep-alive channels lack it or hold false). */
    static final AttributeKey<Boolean> BUSY = AttributeKey.valueOf("drydock-elb-busy");

    private final String id;
    private final int port;
    private final String address;
    private final TargetAddresses addresses;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    /**
     * @param id the target id as registered (an IP address, or an instance id)
     * @param port the port traffic goes to
     * @param address the IP address to reach it at (for an IP target, its id)
     * @param addresses the seam that turns that address into one this JVM connects to
     */
    public TargetEndpoint(String id, int port, String address, TargetAddresses addresses) {
        this.id = id;
        this.port = port;
        this.address = address;
        this.addresses = addresses;
    }

    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    /** The target's own address, e.g. {@code 172.18.0.5}. */
    public String address() {
        return address;
    }

    /** Where this JVM connects to reach the target (through {@link TargetAddresses}). */
    public InetSocketAddress connectAddress() {
        return addresses.connectAddress(address, port);
    }

    /** Requests (ALB) or connections (NLB) the target is serving right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Requests (ALB) or connections (NLB) it has been given since registration. */
    public long served() {
        return served.get();
    }

    /** Whether it may be given new requests (false once it drains). */
    public boolean accepting() {
        return accepting;
    }

    void started() {
        inFlight.incrementAndGet();
        served.incrementAndGet();
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    void opened(Channel channel) {
        connections.add(channel);
        channel.closeFuture().addListener(f -> connections.remove(channel));
        if (!accepting) {
            closeIfIdle(channel);
        }
    }

    /**
     * Starts draining: no new requests or connections; idle keep-alive connections are closed now, busy ones after
     * their response.
     */
    public void drain() {
        accepting = false;
        for (Channel c : connections) {
            closeIfIdle(c);
        }
    }

    /** Closes every connection to the target (the deregistration delay is over, or the target group is deleted). */
    public void closeAll() {
        accepting = false;
        for (Channel c : connections) {
            c.close();
        }
    }

    private static void closeIfIdle(Channel c) {
        c.eventLoop().execute(() -> {
            if (!Boolean.TRUE.equals(c.attr(BUSY).get())) {
                c.close();
            }
        });
    }

    @Override
    public String toString() {
        return id + ":" + port;
    }
}
