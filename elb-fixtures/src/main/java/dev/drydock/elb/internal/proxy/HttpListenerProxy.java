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
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One HTTP listener of an Application Load Balancer: an HTTP/1.1 reverse proxy on a local port. Each request is routed
 * by the listener's rules ({@link Routes}); a forwarded request goes to a target the target group's {@link TargetPool}
 * picks, over a keep-alive connection to that target, with {@code X-Forwarded-For} (the client's address appended),
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Port} (the listener's port) and {@code X-Amzn-Trace-Id} added, as ALB
 * does ("HTTP headers and Application Load Balancers",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/x-forwarded-headers.html). Bodies stream in both
 * directions. The load balancer answers itself, as ALB does: 503 when the target group has no registered target, 502
 * when the target refuses the connection, closes it or answers what is not HTTP, 504 when the target does not answer
 * within the idle timeout, 400 for a malformed request, and the rules' fixed responses and redirects. Requests on one
 * client connection are served in order (pipelined ones wait their turn). Connections close after the idle timeout
 * ({@code idle_timeout.timeout_seconds}).
 */
public final class HttpListenerProxy implements AutoCloseable {
    private static final AsciiString[] HOP_BY_HOP = {
        HttpHeaderNames.CONNECTION,
        HttpHeaderNames.KEEP_ALIVE,
        HttpHeaderNames.PROXY_CONNECTION,
        HttpHeaderNames.TE,
        HttpHeaderNames.UPGRADE
    };
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    private static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");
    private static final AsciiString X_AMZN_TRACE_ID = AsciiString.cached("X-Amzn-Trace-Id");
    private static final AsciiString HTTP = AsciiString.cached("http");
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final ProxyLoops loops;
    private final int listenerPort;
    private final IntSupplier idleTimeoutMillis;
    private final AsciiString listenerPortText;
    private final Channel server;
    private volatile Routes routes;

    /**
     * Starts listening.
     *
     * @param loops the event loops
     * @param bindAddress where to listen, e.g. {@code 127.0.0.1}
     * @param listenerPort the listener's port as ELB knows it (e.g. 80), for {@code X-Forwarded-Port} and redirects
     * @param routes the routing to start with
     * @param idleTimeoutMillis the load balancer's idle timeout, read for every new connection
     * @throws IllegalStateException when no local port can be bound
     */
    public HttpListenerProxy(
            ProxyLoops loops, String bindAddress, int listenerPort, Routes routes, IntSupplier idleTimeoutMillis) {
        this.loops = loops;
        this.listenerPort = listenerPort;
        this.listenerPortText = AsciiString.cached(Integer.toString(listenerPort));
        this.routes = routes;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.server = new ServerBootstrap()
                .group(loops.group())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(decoderConfig(16384)))
                                .addLast(
                                        new IdleStateHandler(0, 0, idleTimeoutMillis.getAsInt(), TimeUnit.MILLISECONDS))
                                .addLast(new Frontend());
                    }
                })
                .bind(bindAddress, 0)
                .syncUninterruptibly()
                .channel();
    }

    /**
     * The HTTP parser's limits (ALB's: a request line of up to 16 KiB, headers of up to 64 KiB) and headers as they
     * come: the parser splits on CR LF, so no header name or value the proxy writes can carry one; checking every
     * character again would only cost time.
     */
    private static HttpDecoderConfig decoderConfig(int maxInitialLine) {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(maxInitialLine)
                .setMaxHeaderSize(65536)
                .setMaxChunkSize(65536)
                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
                .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false));
    }

    /** The local address the listener accepts connections on. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Replaces the routing (a rule or default action changed); requests already routed keep their target. */
    public void routes(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }

    /** One client connection. Runs on its channel's event loop only. */
    private final class Frontend extends ChannelInboundHandlerAdapter {
        private final Map<TargetEndpoint, Channel> idle = new HashMap<>(4);
        private final ArrayDeque<Object> queued = new ArrayDeque<>();
        private ChannelHandlerContext ctx;
        private Exchange current;
        private boolean replaying;
        private InetSocketAddress client;
        private String clientIp;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (current != null && current.requestDone || !queued.isEmpty() && !replaying) {
                queued.add(msg);
                ctx.channel().config().setAutoRead(false);
                return;
            }
            handle(msg);
        }

        private void handle(Object msg) {
            if (msg instanceof HttpRequest request) {
                if (request.decoderResult().isFailure()) {
                    ReferenceCountUtil.release(msg);
                    answerAndClose(AlbResponses.error(HttpResponseStatus.BAD_REQUEST, false));
                    return;
                }
                start(request);
            }
            if (msg instanceof HttpContent content) {
                if (current == null) {
                    content.release();
                    return;
                }
                current.requestContent(content);
            }
        }

        private void start(HttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (client == null) {
                client = (InetSocketAddress) ctx.channel().remoteAddress();
                clientIp = client.getAddress().getHostAddress();
            }
            Routes.RouteAction action = routes.route(request, client.getAddress());
            if (action instanceof Routes.Forward forward) {
                TargetEndpoint target = forward.pool().pick();
                if (target == null) {
                    current = new Exchange(
                            keepAlive, AlbResponses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, keepAlive));
                } else {
                    current = new Exchange(keepAlive, target, forward.pool());
                    current.forward(prepare(request));
                }
            } else if (action instanceof Routes.FixedResponse f) {
                current = new Exchange(keepAlive, AlbResponses.fixed(f.status(), f.contentType(), f.body(), keepAlive));
            } else {
                Routes.Redirect r = (Routes.Redirect) action;
                current = new Exchange(keepAlive, AlbResponses.redirect(r.status(), location(r, request), keepAlive));
            }
        }

        /** The request as the target receives it: HTTP/1.1, no hop-by-hop headers, ALB's X-Forwarded headers. */
        private HttpRequest prepare(HttpRequest request) {
            HttpHeaders h = request.headers();
            for (AsciiString name : HOP_BY_HOP) {
                h.remove(name);
            }
            String forwarded = h.get(X_FORWARDED_FOR);
            h.set(X_FORWARDED_FOR, forwarded == null || forwarded.isBlank() ? clientIp : forwarded + ", " + clientIp);
            h.set(X_FORWARDED_PROTO, HTTP);
            h.set(X_FORWARDED_PORT, listenerPortText);
            if (!h.contains(X_AMZN_TRACE_ID)) {
                h.set(X_AMZN_TRACE_ID, traceId());
            }
            request.setProtocolVersion(HttpVersion.HTTP_1_1);
            return request;
        }

        /** A new X-Amzn-Trace-Id, {@code Root=1-<epoch seconds, 8 hex>-<24 random hex>}, as ALB adds. */
        private AsciiString traceId() {
            byte[] c = new byte[7 + 8 + 1 + 24];
            for (int i = 0; i < 7; i++) {
                c[i] = (byte) "Root=1-".charAt(i);
            }
            hex(System.currentTimeMillis() / 1000, 8, c, 7);
            c[15] = '-';
            ThreadLocalRandom random = ThreadLocalRandom.current();
            hex(random.nextLong(), 16, c, 16);
            hex(random.nextInt(), 8, c, 32);
            return new AsciiString(c, false);
        }

        private void hex(long value, int digits, byte[] out, int at) {
            for (int i = digits - 1; i >= 0; i--) {
                out[at + i] = HEX[(int) (value & 0xF)];
                value >>>= 4;
            }
        }

        private String location(Routes.Redirect r, HttpRequest request) {
            String uri = request.uri();
            int q = uri.indexOf('?');
            String path = q < 0 ? uri : uri.substring(0, q);
            String query = q < 0 ? "" : uri.substring(q + 1);
            String host = request.headers().get(HttpHeaderNames.HOST, "");
            int colon = host.lastIndexOf(':');
            if (colon > 0 && host.indexOf(']') < colon) {
                host = host.substring(0, colon);
            }
            String protocol = fill(r.protocol(), "http", host, path, query).toLowerCase(Locale.ROOT);
            String port = fill(r.port(), "http", host, path, query);
            StringBuilder url =
                    new StringBuilder(protocol).append("://").append(fill(r.host(), protocol, host, path, query));
            boolean defaultPort =
                    protocol.equals("http") && port.equals("80") || protocol.equals("https") && port.equals("443");
            if (!defaultPort) {
                url.append(':').append(port);
            }
            String p = fill(r.path(), protocol, host, path.startsWith("/") ? path.substring(1) : path, query);
            url.append(p.startsWith("/") ? p : "/" + p);
            String qs = fill(r.query(), protocol, host, path, query);
            if (!qs.isEmpty()) {
                url.append('?').append(qs);
            }
            return url.toString();
        }

        private String fill(String template, String protocol, String host, String path, String query) {
            return template.replace(
                            "#{protocol}", protocol.toUpperCase(Locale.ROOT).equals("HTTP") ? "http" : protocol)
                    .replace("#{host}", host)
                    .replace("#{port}", Integer.toString(listenerPort))
                    .replace("#{path}", path)
                    .replace("#{query}", query);
        }

        private void answerAndClose(FullHttpResponse response) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        /** The exchange is over: the next pipelined request may start, or the connection closes. */
        void finished(Exchange exchange) {
            if (current != exchange) {
                return;
            }
            current = null;
            if (!exchange.keepAlive) {
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            replaying = true;
            try {
                while (!queued.isEmpty() && (current == null || !current.requestDone)) {
                    handle(queued.poll());
                }
            } finally {
                replaying = false;
            }
            if (queued.isEmpty()) {
                ctx.channel().config().setAutoRead(true);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (current != null && current.backend != null) {
                current.backend.flush();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (current != null && current.backend != null) {
                current.backend.config().setAutoRead(ctx.channel().isWritable());
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent && current == null) {
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (current != null) {
                current.abort();
            }
            for (Channel c : idle.values()) {
                c.close();
            }
            idle.clear();
            queued.forEach(ReferenceCountUtil::release);
            queued.clear();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        /** One request and its response. */
        private final class Exchange {
            final boolean keepAlive;
            final TargetEndpoint target;
            final FullHttpResponse localAnswer;
            final TargetPool pool;
            final long sent = System.nanoTime();
            Channel backend;
            boolean requestDone;
            boolean responseStarted;
            boolean responseDone;
            boolean backendKeepAlive = true;
            boolean over;
            private List<HttpObject> pending;

            /** A request the load balancer answers itself once it has read it. */
            Exchange(boolean keepAlive, FullHttpResponse answer) {
                this.keepAlive = keepAlive;
                this.target = null;
                this.localAnswer = answer;
                this.pool = null;
            }

            /** A request forwarded to a target of a group. */
            Exchange(boolean keepAlive, TargetEndpoint target, TargetPool pool) {
                this.keepAlive = keepAlive;
                this.target = target;
                this.localAnswer = null;
                this.pool = pool;
                target.started();
                pool.countRequest();
            }

            void forward(HttpRequest request) {
                Channel reuse = idle.remove(target);
                if (reuse != null && reuse.isActive() && target.accepting()) {
                    attach(reuse);
                    reuse.write(request, reuse.voidPromise());
                    return;
                }
                if (reuse != null) {
                    reuse.close();
                }
                pending = new ArrayList<>(2);
                pending.add(request);
                Exchange self = this;
                new Bootstrap()
                        .group(ctx.channel().eventLoop())
                        .channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                ch.pipeline()
                                        .addLast(new HttpClientCodec(decoderConfig(4096), false, false))
                                        .addLast(new IdleStateHandler(
                                                idleTimeoutMillis.getAsInt(), 0, 0, TimeUnit.MILLISECONDS))
                                        .addLast(new Backend());
                            }
                        })
                        .connect(target.connectAddress())
                        .addListener((ChannelFutureListener) f -> {
                            if (!f.isSuccess()) {
                                self.failed(HttpResponseStatus.BAD_GATEWAY);
                                return;
                            }
                            Channel ch = f.channel();
                            target.opened(ch);
                            if (over) {
                                ch.close();
                                return;
                            }
                            attach(ch);
                            for (HttpObject o : pending) {
                                ch.write(o, ch.voidPromise());
                            }
                            pending = null;
                            ch.flush();
                        });
            }

            private void attach(Channel ch) {
                backend = ch;
                ch.attr(TargetEndpoint.BUSY).set(Boolean.TRUE);
                ch.pipeline().get(Backend.class).exchange = this;
                ch.config().setAutoRead(ctx.channel().isWritable());
            }

            void requestContent(HttpContent content) {
                boolean last = content instanceof LastHttpContent;
                if (last) {
                    requestDone = true;
                }
                if (localAnswer != null || over) {
                    content.release();
                    if (last && localAnswer != null) {
                        ctx.write(localAnswer);
                        ctx.flush();
                        over = true;
                        finished(this);
                    }
                    return;
                }
                if (backend != null) {
                    backend.write(content, backend.voidPromise());
                } else {
                    pending.add(content);
                }
            }

            void response(HttpObject msg) {
                if (over) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                if (msg instanceof HttpResponse response) {
                    responseStarted = true;
                    pool.countResponse(response.status().code(), System.nanoTime() - sent);
                    backendKeepAlive = HttpUtil.isKeepAlive(response);
                    HttpHeaders h = response.headers();
                    for (AsciiString name : HOP_BY_HOP) {
                        h.remove(name);
                    }
                    if (!keepAlive) {
                        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    }
                    response.setProtocolVersion(HttpVersion.HTTP_1_1);
                }
                ctx.write(msg, ctx.voidPromise());
                if (msg instanceof LastHttpContent) {
                    responseDone = true;
                    complete();
                }
            }

            /** The response is complete: release the target connection and move on. */
            private void complete() {
                over = true;
                target.finished();
                Channel ch = backend;
                backend = null;
                if (ch != null) {
                    ch.pipeline().get(Backend.class).exchange = null;
                    ch.attr(TargetEndpoint.BUSY).set(Boolean.FALSE);
                    if (backendKeepAlive && requestDone && target.accepting() && ch.isActive()) {
                        Channel previous = idle.put(target, ch);
                        if (previous != null) {
                            previous.close();
                        }
                        ch.config().setAutoRead(true);
                    } else {
                        ch.close();
                    }
                }
                ctx.flush();
                if (!requestDone) {
                    // the target answered before reading the whole request: the rest of it is discarded
                    return;
                }
                finished(this);
            }

            /** The target could not be reached or gave no complete answer. */
            void failed(HttpResponseStatus status) {
                if (over) {
                    return;
                }
                over = true;
                target.finished();
                if (pending != null) {
                    pending.forEach(ReferenceCountUtil::release);
                    pending = null;
                }
                Channel ch = backend;
                backend = null;
                if (ch != null) {
                    ch.pipeline().get(Backend.class).exchange = null;
                    ch.close();
                }
                if (responseStarted) {
                    ctx.close();
                    return;
                }
                FullHttpResponse error = AlbResponses.error(status, keepAlive);
                if (requestDone) {
                    ctx.writeAndFlush(error);
                    finished(this);
                } else {
                    // the request is still arriving: answer now and close, as its remaining bytes cannot be skipped
                    error.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    answerAndClose(error);
                }
            }

            /** The client went away. */
            void abort() {
                if (!over) {
                    over = true;
                    if (target != null) {
                        target.finished();
                    }
                    if (pending != null) {
                        pending.forEach(ReferenceCountUtil::release);
                        pending = null;
                    }
                    if (backend != null) {
                        backend.close();
                    }
                }
            }
        }

        /** One connection to a target. Runs on the same event loop as its client connection. */
        private final class Backend extends ChannelInboundHandlerAdapter {
            Exchange exchange;

            @Override
            public void channelRead(ChannelHandlerContext c, Object msg) {
                Exchange e = exchange;
                if (e == null) {
                    ReferenceCountUtil.release(msg);
                    c.close();
                    return;
                }
                HttpObject o = (HttpObject) msg;
                if (o.decoderResult().isFailure()) {
                    ReferenceCountUtil.release(msg);
                    e.failed(HttpResponseStatus.BAD_GATEWAY);
                    return;
                }
                e.response(o);
            }

            @Override
            public void channelReadComplete(ChannelHandlerContext c) {
                ctx.flush();
            }

            @Override
            public void channelWritabilityChanged(ChannelHandlerContext c) {
                ctx.channel().config().setAutoRead(c.channel().isWritable() && queued.isEmpty());
            }

            @Override
            public void userEventTriggered(ChannelHandlerContext c, Object evt) {
                if (evt instanceof IdleStateEvent) {
                    if (exchange != null) {
                        exchange.failed(HttpResponseStatus.GATEWAY_TIMEOUT);
                    } else {
                        c.close();
                    }
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext c) {
                Exchange e = exchange;
                if (e != null) {
                    e.failed(HttpResponseStatus.BAD_GATEWAY);
                }
                idle.values().remove(c.channel());
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
                c.close();
            }
        }
    }
}
