package dev.drydock.core.spi;

import java.util.List;

/**
 * A service model (ECS, ECR, EFS ...) that plugs into a Drydock instance. Implementations are found with
 * {@link java.util.ServiceLoader} (list the class in {@code META-INF/services/dev.drydock.core.spi.ServiceModule}): a
 * module on the classpath is active, one that is absent is not, and the service modules never depend on each other;
 * where one needs another, it asks an interface of this package ({@link ImageResolver}, {@link TaskVolumeProvider})
 * through {@link ServiceContext#module(Class)}.
 *
 * <p>Lifecycle: a fresh instance per Drydock instance; {@link #start} once, {@link #close} once.
 */
public interface ServiceModule extends AutoCloseable {

    /** The service's short name, e.g. {@code ecs}; it prefixes the module's settings and log lines. */
    String name();

    /**
     * The suffixes of the AWS SDK's service-specific endpoint system properties for the services this module serves,
     * e.g. {@code Ecs} for {@code aws.endpointUrlEcs}, {@code SecretsManager} for {@code aws.endpointUrlSecretsManager}:
     * the SDK's service id without spaces. {@code Drydock.useAsSdkDefault()} points each at the endpoint, so that
     * clients the code under test builds from the SDK defaults reach Drydock even when a
     * {@code AWS_ENDPOINT_URL_<SERVICE>} variable is set.
     */
    List<String> sdkEndpointSuffixes();

    /**
     * Starts the module: builds its backend and registers its routing tables with the context. Must be quick (no
     * Docker work): the endpoint answers as soon as every module has started.
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
