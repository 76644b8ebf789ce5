package dev.drydock.junit.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Wraps an injected client so that its {@code waiter()} polls every {@link #POLL_INTERVAL} instead of the SDK's
 * defaults (ECS: every 15 s for services, 6 s for tasks), with the same acceptors and a 10-minute limit. Every other
 * call goes straight to the real client.
 */
public final class FastWaiters {
    /** How often injected clients' waiters poll. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private static final Duration LIMIT = Duration.ofMinutes(10);

    private FastWaiters() {}

    /** The waiter configuration injected clients use. */
    public static WaiterOverrideConfiguration configuration() {
        return WaiterOverrideConfiguration.builder()
                .backoffStrategy(FixedDelayBackoffStrategy.create(POLL_INTERVAL))
                .maxAttempts((int) (LIMIT.toMillis() / POLL_INTERVAL.toMillis()))
                .waitTimeout(LIMIT)
                .build();
    }

    /** An {@link EcsClient} whose {@code waiter()} polls fast; closing it closes {@code client}. */
    public static EcsClient ecs(EcsClient client) {
        EcsClient[] self = new EcsClient[1];
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("waiter") && method.getParameterCount() == 0) {
                return EcsWaiter.builder()
                        .client(self[0])
                        .overrideConfiguration(configuration())
                        .build();
            }
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, client);
            }
            return invoke(method, client, args);
        };
        self[0] = (EcsClient)
                Proxy.newProxyInstance(EcsClient.class.getClassLoader(), new Class<?>[] {EcsClient.class}, handler);
        return self[0];
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Object target) throws Throwable {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "Drydock(" + target + ")";
            default:
                return invoke(method, target, args);
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
