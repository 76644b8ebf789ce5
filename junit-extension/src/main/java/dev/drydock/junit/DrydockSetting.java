package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sets one Drydock configuration value for the annotated test class's Drydock instance, as the system property
 * {@code drydock.<key>} would, taking precedence over system properties, environment variables and
 * {@code drydock.properties}. Repeatable; composable into your own annotations. The most common use selects the
 * simulated runtime (no Docker: tasks reach RUNNING at once and stop on command or as their command scripts it, see
 * {@code dev.drydock.core.runtime.SimulatedRuntime}) for fast tests of deployment code:
 *
 * <pre>{@code
 * @DrydockSetting(key = "runtime", value = "simulated")
 * @EcsCluster(name = "shop")
 * class DeploymentLogicTest { ... }
 * }</pre>
 *
 * <p>Keys are those of the README's configuration table ({@code runtime}, {@code sandbox.image}, {@code account},
 * {@code region}, ...). A {@code @Nested} class cannot change a value its enclosing class's instance started with;
 * two declarations that set one key differently are refused. Programmatic twins:
 * {@code DrydockExtension.builder().setting(key, value)} and {@code Drydock.builder().setting(key, value)}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(DrydockSettings.class)
@ExtendWith(DrydockExtension.class)
public @interface DrydockSetting {

    /** The setting's key, e.g. {@code runtime}. */
    String key();

    /** Its value, e.g. {@code simulated}. */
    String value();
}
