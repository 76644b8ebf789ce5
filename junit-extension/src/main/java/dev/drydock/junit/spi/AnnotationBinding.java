package dev.drydock.junit.spi;

import dev.drydock.core.Fixture;
import java.lang.annotation.Annotation;
import java.util.Objects;
import java.util.function.Function;

/**
 * One annotation a {@link DrydockPlugin} turns into a {@link Fixture}. The extension finds it on the test class, its
 * superclasses and composed annotations (repeated or not), applies its fixtures at its {@link Stage}, counts identical
 * declarations once and refuses two different declarations of one resource.
 *
 * @param type the annotation type, e.g. {@code EcsCluster.class}
 * @param stage when its resources are created
 * @param resource the identity of the resource it declares, for duplicate detection and messages, e.g.
 *     {@code @EcsCluster(name = "shop")}
 * @param uniqueness why two declarations of one resource must agree, ending the error that refuses them, e.g.
 *     {@code a service's name is unique in its cluster} (empty for none)
 * @param fixture the fixture it declares, described as the annotation (see {@link Fixture#describedAs(String)});
 *     throws {@link dev.drydock.core.DrydockException} for an invalid annotation
 */
public record AnnotationBinding<A extends Annotation>(
        Class<A> type, Stage stage, Function<A, String> resource, String uniqueness, Function<A, Fixture> fixture) {

    public AnnotationBinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(uniqueness, "uniqueness");
        Objects.requireNonNull(fixture, "fixture");
    }

    /** A binding; see the record's components. */
    public static <A extends Annotation> AnnotationBinding<A> of(
            Class<A> type, Stage stage, Function<A, String> resource, String uniqueness, Function<A, Fixture> fixture) {
        return new AnnotationBinding<>(type, stage, resource, uniqueness, fixture);
    }
}
