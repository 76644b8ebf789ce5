package dev.drydock.ssm.internal.support;

import dev.drydock.ssm.internal.SsmErrors;

/** The resources Parameter Store's tagging operations take: parameters only, by name or ARN. */
public final class ResourceIds {
    private ResourceIds() {}

    /**
     * The parameter name a tagging request names.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidResourceType for a resource type other than
     *     {@code Parameter} (Drydock models no documents, maintenance windows ...)
     */
    public static String parameter(ParameterAccess access, String resourceType, String resourceId) {
        if (!"Parameter".equals(resourceType)) {
            throw SsmErrors.invalidResourceType();
        }
        return access.store().nameOf(resourceId);
    }
}
