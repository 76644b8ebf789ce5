package dev.drydock.elb.internal.health;

import dev.drydock.elb.internal.proxy.ProxyLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One health check of one target, as ELB sends it: HTTP {@code GET <path>} with {@code User-Agent:
 * ELB-HealthChecker/2.0} whose status must match the target group's matcher, or a TCP connection. The result carries
 * the reason code and description DescribeTargetHealth shows for a failure
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html).
 */
public final class HealthProbe {
    private final ProxyLoops loops;

    public HealthProbe(ProxyLoops loops) {
        this.loops = loops;
    }

    /**
     * The outcome of one check.
     *
     * @param success whether it passed
     * @param reason the failure's reason code ({@code Target.ResponseCodeMismatch}, {@code Target.Timeout},
     *     {@code Target.FailedHealthChecks}), or {@code null}
     * @param description the failure's description, or {@code null}
     */
    public record Result(boolean success, String reason, String description) {
        static final Result PASSED = new Result(true, null, null);
        static final Result TIMED_OUT = new Result(false, "Target.Timeout", "Request timed out");
        static final Result FAILED = new Result(false, "Target.FailedHealthChecks", "Health checks failed");
    }

    /**
     * Sends {@code GET path} to {@code address} and reports whether the status matches.
     *
     * @param address where to connect
     * @param host the {@code Host} header (the target's address and health check port)
     * @param path the health check path
     * @param matcher the success codes, e.g. {@code 200}, {@code 200,202} or {@code 200-299}
     * @param timeoutMillis how long to wait for the answer
     * @param done receives the result, once, on an event loop thread
     */
    public void http(
            InetSocketAddress address,
            String host,
            String path,
            String matcher,
            long timeoutMillis,
            Consumer<Result> done) {
        Once once = new Once(done);
        new Bootstrap()
                .group(loops.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeoutMillis))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec()).addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                FullHttpRequest request =
                                        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
                                request.headers()
                                        .set(HttpHeaderNames.HOST, host)
                                        .set(HttpHeaderNames.USER_AGENT, "ELB-HealthChecker/2.0")
                                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                                        .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP);
                                ctx.writeAndFlush(request);
                            }

                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                if (msg instanceof HttpResponse response) {
                                    int status = response.status().code();
                                    once.accept(
                                            matches(matcher, status)
                                                    ? Result.PASSED
                                                    : new Result(
                                                            false,
                                                            "Target.ResponseCodeMismatch",
                                                            "Health checks failed with these codes: [" + status + "]"));
                                    ctx.close();
                                }
                                ReferenceCountUtil.release(msg);
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                once.accept(Result.FAILED);
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                once.accept(Result.FAILED);
                                ctx.close();
                            }
                        });
                    }
                })
                .connect(address)
                .addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        once.accept(Result.FAILED);
                        return;
                    }
                    timeout(f.channel(), timeoutMillis, once);
                });
    }

    /** Opens a TCP connection to {@code address} and reports whether it was accepted in time. */
    public void tcp(InetSocketAddress address, long timeoutMillis, Consumer<Result> done) {
        Once once = new Once(done);
        new Bootstrap()
                .group(loops.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeoutMillis))
                .handler(new ChannelInboundHandlerAdapter())
                .connect(address)
                .addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        once.accept(Result.PASSED);
                        f.channel().close();
                    } else {
                        once.accept(f.cause() instanceof ConnectTimeoutException ? Result.TIMED_OUT : Result.FAILED);
                    }
                });
    }

    private static void timeout(Channel channel, long timeoutMillis, Once once) {
        channel.eventLoop()
                .schedule(
                        () -> {
                            once.accept(Result.TIMED_OUT);
                            channel.close();
                        },
                        timeoutMillis,
                        TimeUnit.MILLISECONDS);
    }

    /**
     * Whether {@code status} is one of the matcher's codes: a code ({@code 200}), several ({@code 200,202}), a range
     * ({@code 200-299}), or a mix.
     */
    public static boolean matches(String matcher, int status) {
        for (String part : matcher.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            try {
                if (dash > 0) {
                    int low = Integer.parseInt(p.substring(0, dash).trim());
                    int high = Integer.parseInt(p.substring(dash + 1).trim());
                    if (status >= low && status <= high) {
                        return true;
                    }
                } else if (Integer.parseInt(p) == status) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // validated when the target group was created
            }
        }
        return false;
    }

    /** Passes on the first result only. */
    private static final class Once implements Consumer<Result> {
        private final AtomicBoolean done = new AtomicBoolean();
        private final Consumer<Result> target;

        Once(Consumer<Result> target) {
            this.target = target;
        }

        @Override
        public void accept(Result r) {
            if (done.compareAndSet(false, true)) {
                target.accept(r);
            }
        }
    }
}
