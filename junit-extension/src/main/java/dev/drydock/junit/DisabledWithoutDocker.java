package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the annotated test class, rather than failing it, when no Docker engine answers, the way Testcontainers'
 * {@code @Testcontainers(disabledWithoutDocker = true)} does: for a project whose developers do not all run Docker.
 * Without it a Drydock class fails without Docker, with a message saying how to start one; that stays the right
 * default for CI, where a skipped class would hide that nothing was tested.
 *
 * <pre>{@code
 * @DisabledWithoutDocker
 * @EcsCluster(name = "shop")
 * @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/web.json")
 * class WebTest { ... }
 * }</pre>
 *
 * <p>The engine is found as Drydock finds it ({@code DOCKER_HOST}, {@code ~/.testcontainers.properties}, the default
 * socket) and asked once per JVM. A class that runs the simulated runtime ({@code @DrydockSetting(key = "runtime",
 * value = "simulated")}) needs no Docker and always runs. The setting {@code docker.required=true} (for example the
 * environment variable {@code DRYDOCK_DOCKER_REQUIRED=true} on a CI machine) makes annotated classes fail without
 * Docker after all. Inherited; composable into your own annotations. Programmatic twin:
 * {@code DrydockExtension.builder().disabledWithoutDocker()}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(DrydockExtension.class)
public @interface DisabledWithoutDocker {}
