package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An access point of an {@link EfsFileSystem}: an application-specific entry point with its own root directory and,
 * optionally, a POSIX user that every file operation through it acts as. See
 * <a href="https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html">Working with Amazon EFS access
 * points</a>.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface EfsAccessPoint {
    /** The access point's name (its {@code Name} tag). */
    String name();

    /** The root directory the access point exposes, e.g. {@code /app}; {@code /} by default. */
    String rootDirectory() default "/";

    /**
     * The creation info's owner uid: when the root directory does not exist, the first mount creates it owned by
     * this uid. -1 (default) for no creation info: a mount then fails when the directory is missing, as on AWS.
     */
    long creationOwnerUid() default -1;

    /** The creation info's owner gid (-1: no creation info). */
    long creationOwnerGid() default -1;

    /** The creation info's permissions, an octal mode such as {@code 755} (empty: no creation info). */
    String creationPermissions() default "";

    /** The POSIX user id every access through the access point acts as; -1 (default) for none. */
    long posixUid() default -1;

    /** The POSIX group id of that user (-1: none). */
    long posixGid() default -1;
}
