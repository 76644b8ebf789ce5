package dev.drydock.junit.internal;

import dev.drydock.ecs.ServiceWaits;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Wraps an injected client so that its {@code waiter()} polls every {@link #POLL_INTERVAL} instead of the SDK's
 * defaults (ECS: every 15 s for services, 6 s for tasks), with a 10-minute limit. Every other call goes straight to
 * the real client.
 *
 * <p>{@code waitUntilServicesStable} keeps the SDK's acceptors (success once every service has one deployment and
 * {@code runningCount == desiredCount}; failure when one is MISSING, DRAINING or INACTIVE) and adds what ECS itself
 * decides, because polling every 200 ms a Drydock service whose tasks start in a fraction of a second would otherwise
 * catch a crash-looping service between two crashes and succeed: success also needs the PRIMARY deployment's
 * {@code rolloutState} COMPLETED (ECS's steady state: each task healthy, which for a task without container health
 * checks means RUNNING for 40 seconds, the setting {@code ecs.task-healthy-after-running}); it fails at once when the
 * deployment FAILED (the circuit breaker tripped) or has as many failed tasks as ECS's circuit breaker fails a
 * deployment at (half the desired count, at least 3, at most 200; with or without the breaker), with an account of the
 * service ({@link ServiceWaits#account}).
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
                return ecsWaiter(
                        self[0],
                        EcsWaiter.builder()
                                .client(self[0])
                                .overrideConfiguration(configuration())
                                .build());
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

    /** {@code waiter}, whose {@code waitUntilServicesStable} also waits for ECS's steady state (see the class). */
    private static EcsWaiter ecsWaiter(EcsClient client, EcsWaiter waiter) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("waitUntilServicesStable") && args != null && args.length >= 1) {
                DescribeServicesRequest request = args[0] instanceof DescribeServicesRequest r ? r : build(args[0]);
                WaiterOverrideConfiguration override =
                        args.length > 1 && args[1] instanceof WaiterOverrideConfiguration c ? c : configuration();
                return servicesStable(client, request, override);
            }
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, waiter);
            }
            return invoke(method, waiter, args);
        };
        return (EcsWaiter)
                Proxy.newProxyInstance(EcsWaiter.class.getClassLoader(), new Class<?>[] {EcsWaiter.class}, handler);
    }

    @SuppressWarnings("unchecked")
    private static DescribeServicesRequest build(Object consumer) {
        DescribeServicesRequest.Builder b = DescribeServicesRequest.builder();
        ((Consumer<DescribeServicesRequest.Builder>) consumer).accept(b);
        return b.build();
    }

    /**
     * The SDK's services-stable waiter with ECS's steady state added (see the class).
     *
     * @throws SdkClientException when a service is missing or being deleted, its deployment failed or keeps failing
     *     tasks, or the limit passes, with an account of the service when Drydock's part decided
     */
    static WaiterResponse<DescribeServicesResponse> servicesStable(
            EcsClient client, DescribeServicesRequest request, WaiterOverrideConfiguration override) {
        AtomicReference<Service> failed = new AtomicReference<>();
        AtomicReference<String> why = new AtomicReference<>();
        Waiter<DescribeServicesResponse> waiter = Waiter.builder(DescribeServicesResponse.class)
                .overrideConfiguration(override)
                .addAcceptor(WaiterAcceptor.errorOnResponseAcceptor(
                        r -> r.failures().stream().anyMatch(f -> "MISSING".equals(f.reason())), "A service is MISSING"))
                .addAcceptor(WaiterAcceptor.errorOnResponseAcceptor(
                        r -> r.services().stream().anyMatch(s -> "DRAINING".equals(s.status())),
                        "A service is DRAINING"))
                .addAcceptor(WaiterAcceptor.errorOnResponseAcceptor(
                        r -> r.services().stream().anyMatch(s -> "INACTIVE".equals(s.status())),
                        "A service is INACTIVE"))
                .addAcceptor(WaiterAcceptor.errorOnResponseAcceptor(r -> {
                    for (Service s : r.services()) {
                        String reason = failing(s);
                        if (reason != null) {
                            failed.set(s);
                            why.set(reason);
                            return true;
                        }
                    }
                    return false;
                }))
                .addAcceptor(WaiterAcceptor.successOnResponseAcceptor(
                        r -> !r.services().isEmpty() && r.services().stream().allMatch(FastWaiters::stable)))
                .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(r -> true))
                .build();
        try {
            return waiter.run(() -> client.describeServices(request));
        } catch (SdkClientException e) {
            Service s = failed.get();
            if (s == null) {
                throw e;
            }
            String cluster = request.cluster() == null ? "default" : request.cluster();
            throw SdkClientException.create(
                    "waitUntilServicesStable: the service " + cluster + "/" + s.serviceName()
                            + " cannot become stable: " + why.get() + "\n"
                            + ServiceWaits.account(client, cluster, s.serviceName()),
                    e);
        }
    }

    /** Why the service's PRIMARY deployment cannot complete, or {@code null}. */
    private static String failing(Service s) {
        Deployment primary = primary(s);
        if (primary == null) {
            return null;
        }
        if (primary.rolloutState() == DeploymentRolloutState.FAILED) {
            return "its deployment " + primary.id() + " FAILED (" + primary.rolloutStateReason() + ").";
        }
        int failedTasks = primary.failedTasks() == null ? 0 : primary.failedTasks();
        int threshold = Math.min(200, Math.max(3, (s.desiredCount() + 1) / 2));
        if (primary.rolloutState() == DeploymentRolloutState.IN_PROGRESS && failedTasks >= threshold) {
            return failedTasks + " tasks of its deployment " + primary.id() + " failed, none became healthy (ECS's "
                    + "circuit breaker fails a deployment of " + s.desiredCount() + " tasks at " + threshold + "); it "
                    + "would keep replacing them until the waiter's limit.";
        }
        return null;
    }

    /** The SDK's rule (one deployment, runningCount == desiredCount) and ECS's: the deployment COMPLETED. */
    private static boolean stable(Service s) {
        Deployment primary = primary(s);
        return s.deployments().size() == 1
                && s.runningCount().equals(s.desiredCount())
                && primary != null
                && (primary.rolloutState() == null || primary.rolloutState() == DeploymentRolloutState.COMPLETED);
    }

    private static Deployment primary(Service s) {
        return s.deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .findFirst()
                .orElse(null);
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
