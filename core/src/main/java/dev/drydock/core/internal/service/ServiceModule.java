package dev.drydock.core.internal.service;

/**
 * A service model (ECS, ECR, EFS ...) that plugs into a Drydock instance. Implementations are found with
 * {@link java.util.ServiceLoader}: a module on the classpath is active, one that is absent is not, and the service
 * modules never depend on each other.
 *
 * <p>Lifecycle: a fresh instance per Drydock instance; {@link #start} once, {@link #close} once.
 */
public interface ServiceModule extends AutoCloseable {

    /** The service's short name and SigV4 signing name, e.g. {@code ecs}. */
    String name();

    /**
     * Starts the module: builds its backend and registers its protocol handlers with the context. Must be quick
     * (no Docker work): the endpoint answers as soon as every module has started.
     */
    void start(ServiceContext context);

    /**
     * A human-readable account of the module's state for a failing test's output (for ECS: each task's state
     * timeline and the last lines of its containers' logs), or an empty string when there is nothing to say. May
     * call the container runtime; must not throw.
     */
    default String diagnostics() {
        return "";
    }

    /**
     * Stops everything the module runs (tasks, controllers) and releases its resources. Docker objects are also
     * swept by label afterwards, so a module that fails here loses nothing.
     */
    @Override
    void close();
}
