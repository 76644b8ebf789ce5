package dev.drydock.core;

/**
 * A piece of declared infrastructure (a cluster, a service, a role ...) that is created in a running Drydock
 * instance. The JUnit annotations are one way to declare fixtures; {@link Drydock.Builder#fixture(Fixture)} is the
 * programmatic twin, for TestNG, Spock, plain {@code main} or a standalone server.
 */
@FunctionalInterface
public interface Fixture {

    /**
     * Creates the infrastructure in {@code drydock}.
     *
     * @throws DrydockException when the declaration is invalid, naming the field and the fix
     */
    void apply(Drydock drydock);

    /** A short description for logs and error messages, e.g. {@code @EcsCluster(name = "shop")}. */
    default String describe() {
        return toString();
    }
}
