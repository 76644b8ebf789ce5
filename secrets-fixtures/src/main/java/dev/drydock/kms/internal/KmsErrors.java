package dev.drydock.kms.internal;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Paginator;
import dev.drydock.core.spi.TagRules;

/**
 * The AWS KMS errors Drydock answers, with KMS's error codes (the model's exception shape names) and messages as KMS
 * words them (AWS KMS API Reference, "Errors" of each operation, e.g.
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_Errors).
 */
public final class KmsErrors {
    /**
     * KMS's pagination: {@code Limit} 1-1000 (the model's range, checked before any handler; default 100) and an
     * opaque {@code Marker}, refused with {@code InvalidMarkerException}.
     */
    public static final Paginator PAGINATOR = Paginator.builder(100)
            .maxPageSize(1000)
            .pageSizeError(size -> validation("1 validation error detected: Value '" + size + "' at 'limit' failed to "
                    + "satisfy constraint: Member must have value less than or equal to 1000"))
            .tokenError(marker -> invalidMarker())
            .build();

    /**
     * KMS's tag rules ("Tags in AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/tagging-keys.html): at
     * most 50 per key ({@code LimitExceededException}), keys of 1-128 and values of at most 256 characters (the model
     * checks both first), none beginning with {@code aws:} ({@code TagException}).
     */
    public static final TagRules TAGS = TagRules.builder()
            .reservedPrefixIgnoresCase()
            .error(v -> switch (v.kind()) {
                case TOO_MANY -> limitExceeded("The request would cause the KMS key to have more than 50 tags.");
                case RESERVED_PREFIX -> tag("Tag keys beginning with aws: are reserved for AWS use: " + v.key());
                case KEY_LENGTH, VALUE_LENGTH ->
                    tag("Tag keys must be 1 to 128 and tag values at most 256 characters " + "long.");
            })
            .build();

    private KmsErrors() {}

    /** A key id, ARN or alias that names no key: {@code Key '<arn>' does not exist}. */
    public static AwsException keyNotFound(String arn) {
        return AwsException.client("NotFoundException", "Key '" + arn + "' does not exist");
    }

    /** An alias that does not exist: {@code Alias <alias-arn> is not found.} */
    public static AwsException aliasNotFound(String aliasArn) {
        return AwsException.client("NotFoundException", "Alias " + aliasArn + " is not found.");
    }

    /** A {@code KeyId} that is neither a key id, a key ARN, an alias name nor an alias ARN. */
    public static AwsException invalidKeyId(String keyId) {
        return AwsException.client("NotFoundException", "Invalid keyId '" + keyId + "'");
    }

    /** An ARN of another service, account or region where a key ARN belongs. */
    public static AwsException invalidArn(String arn) {
        return AwsException.client("InvalidArnException", "Invalid arn " + arn);
    }

    public static AwsException disabled(String arn) {
        return AwsException.client("DisabledException", arn + " is disabled.");
    }

    /** A key in a state that does not allow the operation, e.g. {@code <arn> is pending deletion.} */
    public static AwsException invalidState(String message) {
        return AwsException.client("KMSInvalidStateException", message);
    }

    public static AwsException aliasExists(String aliasArn) {
        return AwsException.client("AlreadyExistsException", "An alias with the name " + aliasArn + " already exists");
    }

    public static AwsException invalidAliasName(String message) {
        return AwsException.client("InvalidAliasNameException", message);
    }

    /** A ciphertext KMS did not produce, was altered, or whose encryption context differs: KMS says nothing more. */
    public static AwsException invalidCiphertext() {
        return AwsException.client("InvalidCiphertextException", "");
    }

    /** Decrypt with a {@code KeyId} that is not the ciphertext's key. */
    public static AwsException incorrectKey() {
        return AwsException.client(
                "IncorrectKeyException",
                "The key ID in the request does not identify a CMK that can perform this operation.");
    }

    public static AwsException malformedPolicy(String message) {
        return AwsException.client("MalformedPolicyDocumentException", message);
    }

    public static AwsException tag(String message) {
        return AwsException.client("TagException", message);
    }

    public static AwsException limitExceeded(String message) {
        return AwsException.client("LimitExceededException", message);
    }

    public static AwsException unsupported(String message) {
        return AwsException.client("UnsupportedOperationException", message);
    }

    public static AwsException validation(String message) {
        return AwsException.client("ValidationException", message);
    }

    public static AwsException invalidMarker() {
        return AwsException.client("InvalidMarkerException", "The marker is invalid.");
    }
}
