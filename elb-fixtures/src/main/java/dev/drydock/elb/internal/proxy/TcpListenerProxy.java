package dev.drydock.elb.internal.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One TCP listener of a Network Load Balancer: each client connection is relayed, byte for byte, to one target the
 * target group's {@link TargetPool} picks when the connection opens, and stays with it. A connection no target can
 * take (none registered, or the target refuses) is closed (reset), as NLB does. Idle connections close after NLB's TCP
 * idle timeout (350 s, "Network Load Balancers", Connection idle timeout,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html).
 */
public final class TcpListenerProxy implements AutoCloseable {
    private final Channel server;
    private volatile Routes routes;

    /**
     * Starts listening.
     *
     * @param loops the event loops
     * @param bindAddress where to listen, e.g. {@code 127.0.0.1}
     * @param routes the listener's routing (its default action forwards)
     * @param idleTimeoutMillis the idle timeout of a connection
     */
    public TcpListenerProxy(ProxyLoops loops, String bindAddress, Routes routes, IntSupplier idleTimeoutMillis) {
        this.routes = routes;
        this.server = new ServerBootstrap()
                .group(loops.group())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        new IdleStateHandler(0, 0, idleTimeoutMillis.getAsInt(), TimeUnit.MILLISECONDS))
                                .addLast(new ClientSide());
                    }
                })
                .bind(bindAddress, 0)
                .syncUninterruptibly()
                .channel();
    }

    /** The local address the listener accepts connections on. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Replaces the routing; open connections keep their target. */
    public void routes(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }

    private final class ClientSide extends ChannelInboundHandlerAdapter {
        private Channel target;
        private TargetEndpoint endpoint;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Routes.RouteAction action = routes.route();
            TargetEndpoint chosen =
                    action instanceof Routes.Forward f ? f.pool().pick() : null;
            if (chosen == null) {
                ctx.close();
                return;
            }
            endpoint = chosen;
            chosen.started();
            ((Routes.Forward) action).pool().countRequest(); // a new flow
            Channel client = ctx.channel();
            new Bootstrap()
                    .group(client.eventLoop())
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                    .handler(new Relay(client))
                    .connect(chosen.connectAddress())
                    .addListener((ChannelFutureListener) f -> {
                        if (!f.isSuccess()) {
                            client.close();
                            return;
                        }
                        target = f.channel();
                        target.attr(TargetEndpoint.BUSY).set(Boolean.TRUE);
                        chosen.opened(target);
                        if (!client.isActive()) {
                            target.close();
                            return;
                        }
                        client.read();
                        target.read();
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            target.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    ctx.channel().read();
                } else {
                    f.channel().close();
                }
            });
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (endpoint != null) {
                endpoint.finished();
                endpoint = null;
            }
            if (target != null && target.isActive()) {
                target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The target side of one relayed connection. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        private final Channel client;

        Relay(Channel client) {
            this.client = client;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            client.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    ctx.channel().read();
                } else {
                    f.channel().close();
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (client.isActive()) {
                client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
