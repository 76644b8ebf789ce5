package dev.drydock.efs.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import dev.drydock.core.spi.TagRules;

/** EFS's error codes (the SDK's exception shapes' codes), HTTP statuses and messages. */
public final class EfsErrors {
    /**
     * EFS's pagination: {@code MaxItems} / {@code MaxResults} of at least 1 (the default differs per operation, 100
     * unless {@link Paginator#withDefaultPageSize} says otherwise) and an opaque {@code Marker} / {@code NextToken}.
     */
    public static final Paginator PAGINATOR = Paginator.builder(100)
            .pageSizeError(size -> badRequest("MaxItems must be at least 1; got " + size + "."))
            .tokenError(marker -> badRequest("Invalid pagination marker '" + marker + "'."))
            .build();

    /** EFS's tag limits (https://docs.aws.amazon.com/efs/latest/ug/manage-fs-tags.html), in the words of its errors. */
    public static final TagRules TAG_RULES = TagRules.builder()
            .valueRequired()
            .error(v -> badRequest(
                    switch (v.kind()) {
                        case TOO_MANY -> "A resource can have at most 50 tags.";
                        case KEY_LENGTH -> "Tag keys must be 1 to 128 characters long.";
                        case VALUE_LENGTH -> "Tag value of '" + v.key() + "' must be at most 256 characters long.";
                        case RESERVED_PREFIX -> "Tag keys may not start with 'aws:' (reserved): '" + v.key() + "'.";
                    }))
            .build();

    private EfsErrors() {}

    public static AwsException badRequest(String message) {
        return new AwsException("BadRequest", 400, message);
    }

    public static AwsException fileSystemNotFound(String id) {
        return new AwsException("FileSystemNotFound", 404, "File system '" + id + "' does not exist.");
    }

    public static AwsException accessPointNotFound(String id) {
        return new AwsException("AccessPointNotFound", 404, "Access point '" + id + "' does not exist.");
    }

    public static AwsException mountTargetNotFound(String id) {
        return new AwsException("MountTargetNotFound", 404, "Mount target '" + id + "' does not exist.");
    }

    public static AwsException policyNotFound(String id) {
        return new AwsException("PolicyNotFound", 404, "No file system policy exists for file system '" + id + "'.");
    }

    public static AwsException fileSystemAlreadyExists(String id, String token) {
        return new AwsException(
                        "FileSystemAlreadyExists",
                        409,
                        "File system '" + id + "' already exists with " + "creation token '" + token + "'.")
                .withMember("FileSystemId", id);
    }

    public static AwsException fileSystemInUse(String id) {
        return new AwsException(
                "FileSystemInUse",
                409,
                "File system '" + id + "' has mount targets and cannot be "
                        + "deleted. Delete its mount targets first.");
    }

    public static AwsException invalidPolicy(String message) {
        return new AwsException("InvalidPolicyException", 400, message);
    }
}
