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
     * @throws DrydockException when the declaration is invalid, saying what is wrong and how to fix it;
     *     {@link Drydock#apply(Fixture)} prefixes the message with {@link #describe()}
     */
    void apply(Drydock drydock);

    /** A short description for logs and error messages, e.g. {@code EcsFixtures.cluster("shop")}. */
    default String describe() {
        return toString();
    }

    /**
     * The same fixture, named differently in logs and error messages (the JUnit extension names the annotation a
     * fixture came from).
     */
    default Fixture describedAs(String description) {
        Fixture self = this;
        return new Fixture() {
            @Override
            public void apply(Drydock drydock) {
                self.apply(drydock);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
