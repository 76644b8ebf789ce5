package dev.drydock.core.spi;

import java.util.Optional;

/**
 * EC2 launch templates as EC2 Auto Scaling reads them when it launches instances, so that the Auto Scaling module
 * needs no EC2 module: it finds one with {@code context.module(LaunchTemplateSource.class)}. Implemented by
 * drydock-ec2-fixtures.
 */
public interface LaunchTemplateSource extends ServiceModule {

    /**
     * What an instance is launched with, from one version of a launch template.
     *
     * @param launchTemplateId e.g. {@code lt-0123456789abcdef0}
     * @param launchTemplateName the template's name
     * @param version the version number the reference resolved to
     * @param instanceType e.g. {@code m5.large}, or null when the version gives none
     * @param imageId e.g. {@code ami-0abcdef1234567890}, or null
     * @param iamInstanceProfile the instance profile's ARN or name as the version gives it, or null
     * @param userData the user data as given (base64), or null
     */
    record LaunchSpec(
            String launchTemplateId,
            String launchTemplateName,
            long version,
            String instanceType,
            String imageId,
            String iamInstanceProfile,
            String userData) {}

    /**
     * One version of a launch template, named by id or by name.
     *
     * @param id the template's id, or null
     * @param name the template's name, or null (exactly one of id and name is given)
     * @param version a version number, {@code $Latest} or {@code $Default}; null for {@code $Default}
     * @return empty when no such template or version exists
     */
    Optional<LaunchSpec> launchTemplate(String id, String name, String version);
}
