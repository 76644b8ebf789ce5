package dev.drydock.junit;

import dev.drydock.junit.spi.DrydockAnnotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holds several {@link ServiceAutoScaling} declarations; written by the compiler when {@code @ServiceAutoScaling}
 * repeats.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-scaling-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(DrydockExtension.class)
public @interface ServiceAutoScalings {
    ServiceAutoScaling[] value();
}
