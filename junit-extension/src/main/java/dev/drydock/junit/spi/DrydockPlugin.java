package dev.drydock.junit.spi;

import java.util.List;

/**
 * What the JUnit extension learns from one Drydock service module (or a tight family of them): the annotations that
 * declare its resources on a test class, and the parameter types it injects. Plug-ins are found with
 * {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.drydock.junit.spi.DrydockPlugin}. A plug-in whose module is not on the test
 * classpath fails to load and is left out, so a project with only some of Drydock's modules gets an extension for
 * those; an annotation whose plug-in is missing fails the class with the artifact to add.
 *
 * <pre>{@code
 * public final class SecretsPlugin implements DrydockPlugin {
 *     public String name() { return "secrets"; }
 *     public List<AnnotationBinding<?>> annotations() {
 *         return List.of(AnnotationBinding.of(Secret.class, Stage.STORAGE,
 *                 s -> "@Secret(name = \"" + s.name() + "\")", "a secret's name is unique",
 *                 s -> SecretsFixtures.secret(s.name()).value(s.value())));
 *     }
 *     public List<Injectable<?>> injectables() {
 *         return List.of(Injectable.client(SecretsManagerClient.class, SecretsManagerClient::builder));
 *     }
 * }
 * }</pre>
 *
 * Implementations must be stateless: one instance serves every test class.
 */
public interface DrydockPlugin {

    /** A short name for messages and ordering, e.g. {@code ecs}. */
    String name();

    /** The annotations this plug-in turns into fixtures; may be empty. */
    List<AnnotationBinding<?>> annotations();

    /** The parameter types this plug-in injects; may be empty. */
    List<Injectable<?>> injectables();
}
