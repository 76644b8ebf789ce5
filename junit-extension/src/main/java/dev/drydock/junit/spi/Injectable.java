package dev.drydock.junit.spi;

import dev.drydock.core.Drydock;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;

/**
 * A parameter type a {@link DrydockPlugin} injects into test methods, lifecycle methods and constructors (matched by
 * exact type).
 *
 * <p>A {@linkplain #client client} is built once per test class and role ({@code @ActingAs}), and closed after the
 * class; any other value is asked for on every injection and may not carry {@code @ActingAs}.
 *
 * @param type the parameter type
 * @param client whether it is an SDK client (cached, closed after the class, {@code @ActingAs} allowed)
 * @param factory makes the object from the class's Drydock instance and the role of {@code @ActingAs} ({@code null}
 *     for the test principal)
 */
public record Injectable<T>(Class<T> type, boolean client, BiFunction<Drydock, String, T> factory) {

    public Injectable {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
    }

    /**
     * An SDK v2 client configured for Drydock ({@link Drydock#client}, or {@link Drydock#clientActingAs} with
     * {@code @ActingAs}).
     *
     * @param builder a new builder of the client, e.g. {@code EcsClient::builder}
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient>
            Injectable<C> client(Class<C> type, Supplier<B> builder) {
        return client(type, builder, Function.identity());
    }

    /**
     * An SDK v2 client configured for Drydock, wrapped before it is injected (e.g. so that its waiters poll faster).
     *
     * @param wrapper wraps the built client; closing the wrapper must close the client
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient>
            Injectable<C> client(Class<C> type, Supplier<B> builder, Function<C, C> wrapper) {
        return new Injectable<>(
                type,
                true,
                (drydock, actingAs) -> wrapper.apply(
                        actingAs == null
                                ? drydock.client(builder.get())
                                : drydock.clientActingAs(actingAs, builder.get())));
    }

    /** A value made from the class's Drydock instance on each injection, e.g. {@code Drydock::decisionLog}. */
    public static <T> Injectable<T> value(Class<T> type, Function<Drydock, T> factory) {
        return new Injectable<>(type, false, (drydock, actingAs) -> factory.apply(drydock));
    }
}
