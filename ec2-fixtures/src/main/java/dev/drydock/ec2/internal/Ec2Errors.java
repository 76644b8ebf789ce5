package dev.drydock.ec2.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import dev.drydock.core.spi.ValidationStyle;
import dev.drydock.core.spi.Violation;

/**
 * EC2's errors, as the EC2 API reference's error codes page lists them
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html): HTTP 400 with codes such as
 * {@code MissingParameter}, {@code InvalidParameterValue}, {@code InvalidParameterCombination},
 * {@code InvalidLaunchTemplateId.NotFound} ("The specified launch template, with template ID lt-..., does not exist."),
 * {@code InvalidLaunchTemplateName.NotFoundException} ("The specified launch template, with template name x, does not
 * exist."), {@code InvalidLaunchTemplateName.AlreadyExistsException} ("Launch template name already in use."); the
 * not-found texts are the ones users quote from EC2 (aws/karpenter-provider-aws#5665, getmoto/moto#5477). Where EC2's
 * exact wording is not documented, the message says what is wrong and how to fix it.
 */
public final class Ec2Errors {

    /** DescribeLaunchTemplates' paging: MaxResults 1 to 200 (the model's range), an opaque token. */
    public static final Paginator TEMPLATES = Paginator.builder(200)
            .maxPageSize(200)
            .pageSizeError(size -> invalidValue("Value (" + size + ") for parameter maxResults is invalid."))
            .tokenError(token -> invalidValue("Value (" + token + ") for parameter nextToken is invalid."))
            .build();

    /** DescribeLaunchTemplateVersions' paging: MaxResults 1 to 200, an opaque token. */
    public static final Paginator VERSIONS = TEMPLATES;

    /**
     * EC2's answer to a request that breaks its model: a missing member is {@code MissingParameter} "The request must
     * contain the parameter X" (EC2's common error); any other constraint {@code InvalidParameterValue} with AWS's
     * sentence for it.
     */
    public static final ValidationStyle VALIDATION = ValidationStyle.custom(violations -> {
        Violation v = violations.get(0);
        if (v.kind() == Violation.Kind.MISSING) {
            return AwsException.client(
                    "MissingParameter", "The request must contain the parameter " + upperCamel(v.memberName()));
        }
        return invalidValue(ValidationStyle.message(violations));
    });

    private Ec2Errors() {}

    private static String upperCamel(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static AwsException invalidValue(String message) {
        return AwsException.client("InvalidParameterValue", message);
    }

    public static AwsException missingParameter(String message) {
        return AwsException.client("MissingParameter", message);
    }

    public static AwsException invalidCombination(String message) {
        return AwsException.client("InvalidParameterCombination", message);
    }

    public static AwsException templateIdNotFound(String id) {
        return AwsException.client(
                "InvalidLaunchTemplateId.NotFound",
                "The specified launch template, with template ID " + id + ", does not exist.");
    }

    public static AwsException templateNameNotFound(String name) {
        return AwsException.client(
                "InvalidLaunchTemplateName.NotFoundException",
                "The specified launch template, with template name " + name + ", does not exist.");
    }

    public static AwsException nameInUse() {
        return AwsException.client(
                "InvalidLaunchTemplateName.AlreadyExistsException", "Launch template name already in use.");
    }

    public static AwsException malformedId(String id) {
        return AwsException.client(
                "InvalidLaunchTemplateId.Malformed",
                "The launch template ID '" + id + "' is malformed: launch template IDs are lt- followed by 17 "
                        + "hexadecimal characters.");
    }

    public static AwsException versionNotFound(String id, String version) {
        return AwsException.client(
                "InvalidLaunchTemplateId.VersionNotFound",
                "Could not find launch template version " + version + " of launch template " + id
                        + ": give a version number that exists, $Latest or $Default.");
    }
}
