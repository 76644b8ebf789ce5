package dev.drydock.ssm.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import dev.drydock.core.spi.TagRules;

/**
 * The AWS Systems Manager Parameter Store errors Drydock answers, with SSM's codes and messages (AWS Systems Manager
 * API Reference, "Errors" of each operation, e.g.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html#API_PutParameter_Errors).
 */
public final class SsmErrors {
    /**
     * Parameter Store's pagination: {@code MaxResults} (the model's range per operation is checked before any
     * handler; each operation gives its default page with {@link Paginator#withDefaultPageSize}) and an opaque
     * {@code NextToken}, refused with {@code InvalidNextToken}.
     */
    public static final Paginator PAGINATOR = Paginator.builder(10)
            .maxPageSize(50)
            .pageSizeError(size -> validation("1 validation error detected: Value '" + size + "' at 'maxResults' "
                    + "failed to satisfy constraint: Member must have value less than or equal to 50"))
            .tokenError(token -> invalidNextToken())
            .build();

    /**
     * Parameter Store's tag rules ("Tagging Systems Manager parameters",
     * https://docs.aws.amazon.com/systems-manager/latest/userguide/tagging-parameters.html): at most 50 per parameter
     * ({@code TooManyTagsError}), keys of 1-128 and values of at most 256 characters (the model checks both first),
     * none with the reserved {@code aws:} prefix ({@code InvalidTag}).
     */
    public static final TagRules TAGS = TagRules.builder()
            .reservedPrefixIgnoresCase()
            .error(v -> switch (v.kind()) {
                case TOO_MANY -> tooManyTags();
                case RESERVED_PREFIX ->
                    AwsException.client(
                            "InvalidTag", "Tag keys beginning with aws: are reserved for AWS use: " + v.key());
                case KEY_LENGTH, VALUE_LENGTH ->
                    AwsException.client(
                            "InvalidTag", "Tag keys must be 1 to 128 and values at most 256 characters long.");
            })
            .build();

    private SsmErrors() {}

    /** A parameter that does not exist: SSM says nothing more. */
    public static AwsException notFound() {
        return AwsException.client("ParameterNotFound", "");
    }

    public static AwsException versionNotFound(String name, String selector) {
        return AwsException.client(
                "ParameterVersionNotFound",
                "Systems Manager could not find version " + selector + " of " + name
                        + ". Verify the version and try again.");
    }

    public static AwsException alreadyExists() {
        return AwsException.client(
                "ParameterAlreadyExists",
                "The parameter already exists. To overwrite this value, set the overwrite option in the request to "
                        + "true.");
    }

    public static AwsException validation(String message) {
        return AwsException.client("ValidationException", message);
    }

    public static AwsException patternMismatch(String pattern) {
        return AwsException.client(
                "ParameterPatternMismatchException",
                "Parameter value, cannot be validated against allowedPattern: " + pattern);
    }

    public static AwsException invalidAllowedPattern(String message) {
        return AwsException.client("InvalidAllowedPatternException", message);
    }

    public static AwsException maxVersions(String name) {
        return AwsException.client(
                "ParameterMaxVersionLimitExceeded",
                "You attempted to create a new version of " + name + " by calling the PutParameter API with the "
                        + "overwrite flag. Version 1, the oldest version, can't be deleted because it has a label "
                        + "associated with it. Move the label to another version of the parameter, and try again.");
    }

    public static AwsException labelLimit() {
        return AwsException.client(
                "ParameterVersionLabelLimitExceeded",
                "A parameter version can have maximum 10 labels. Move one or more labels to another version and try "
                        + "again.");
    }

    public static AwsException invalidKeyId(String message) {
        return AwsException.client("InvalidKeyId", message);
    }

    public static AwsException tooManyTags() {
        return AwsException.client(
                "TooManyTagsError",
                "The Targets parameter includes too many tags. Remove one or more tags and try the command again.");
    }

    public static AwsException invalidResourceType() {
        return AwsException.client("InvalidResourceType", "The resource type isn't valid.");
    }

    public static AwsException invalidResourceId() {
        return AwsException.client("InvalidResourceId", "The resource ID isn't valid. Verify the ID and try again.");
    }

    public static AwsException invalidFilterKey(String message) {
        return AwsException.client("InvalidFilterKey", message);
    }

    public static AwsException invalidFilterOption(String message) {
        return AwsException.client("InvalidFilterOption", message);
    }

    public static AwsException invalidFilterValue(String message) {
        return AwsException.client("InvalidFilterValue", message);
    }

    public static AwsException invalidNextToken() {
        return AwsException.client("InvalidNextToken", "The specified token isn't valid.");
    }

    public static AwsException accessDenied(String message) {
        return AwsException.client("AccessDeniedException", message);
    }
}
