package dev.drydock.junit;

import dev.drydock.junit.spi.DrydockAnnotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares an Amazon EFS file system that exists while the annotated test class runs (created before the first test
 * and before any {@link FargateService}, so services can mount it; its files live until the class ends). Task
 * definitions name it in {@code volumes[].efsVolumeConfiguration.fileSystemId} by this name or by its id, and its
 * access points in {@code authorizationConfig.accessPointId} by name or id. Repeatable; composable.
 *
 * <pre>{@code
 * @EfsFileSystem(name = "uploads",
 *         accessPoints = @EfsAccessPoint(name = "app", rootDirectory = "/app", creationOwnerUid = 1000,
 *                 creationOwnerGid = 1000, creationPermissions = "755", posixUid = 1000, posixGid = 1000))
 * }</pre>
 *
 * <p>Programmatic twin: {@code dev.drydock.efs.EfsFixtures.fileSystem(name)}. See
 * <a href="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html">Amazon EFS volumes</a>.
 */
@DrydockAnnotation(module = "dev.drydock:drydock-efs-fixtures")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(EfsFileSystems.class)
@ExtendWith(DrydockExtension.class)
public @interface EfsFileSystem {
    /** The file system's name (its {@code Name} tag). */
    String name();

    /** Access points on the file system. */
    EfsAccessPoint[] accessPoints() default {};

    /**
     * The file system policy: a classpath resource holding a resource-based policy document (JSON), e.g.
     * {@code efs/uploads-policy.json}; empty for none (EFS then allows every client, as on AWS).
     */
    String policy() default "";
}
