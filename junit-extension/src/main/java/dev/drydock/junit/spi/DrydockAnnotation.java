package dev.drydock.junit.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation (and its repeatable container) that a {@link DrydockPlugin} turns into fixtures, naming the
 * artifact that brings the plug-in's module, so that a test class using it without that module fails with the
 * artifact to add rather than silently creating nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface DrydockAnnotation {

    /** The Maven coordinates of the module, e.g. {@code dev.drydock:drydock-efs-fixtures}. */
    String module();
}
