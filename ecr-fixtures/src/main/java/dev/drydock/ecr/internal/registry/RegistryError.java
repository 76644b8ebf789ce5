package dev.drydock.ecr.internal.registry;

/**
 * An error of the OCI distribution API, answered as {@code {"errors":[{"code", "message", "detail"}]}} with the
 * spec's HTTP status (https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes). Messages
 * are the reference implementation's (distribution 2.8), so clients print what they print against any registry.
 */
public final class RegistryError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String detail;

    public RegistryError(int status, String code, String message, String detail) {
        super(message);
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public static RegistryError blobUnknown(String digest) {
        return new RegistryError(404, "BLOB_UNKNOWN", "blob unknown to registry", digest);
    }

    public static RegistryError blobUploadUnknown() {
        return new RegistryError(404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry", null);
    }

    public static RegistryError blobUploadInvalid(String detail) {
        return new RegistryError(400, "BLOB_UPLOAD_INVALID", "blob upload invalid", detail);
    }

    public static RegistryError digestInvalid(String detail) {
        return new RegistryError(400, "DIGEST_INVALID", "provided digest did not match uploaded content", detail);
    }

    public static RegistryError manifestUnknown(String reference) {
        return new RegistryError(404, "MANIFEST_UNKNOWN", "manifest unknown", reference);
    }

    public static RegistryError manifestInvalid(String detail) {
        return new RegistryError(400, "MANIFEST_INVALID", "manifest invalid", detail);
    }

    public static RegistryError manifestBlobUnknown(String digest) {
        return new RegistryError(400, "MANIFEST_BLOB_UNKNOWN", "blob unknown to registry", digest);
    }

    /** ECR's NAME_UNKNOWN: its message names the repository and the registry id, where distribution's does not. */
    public static RegistryError nameUnknown(String message) {
        return new RegistryError(404, "NAME_UNKNOWN", message, null);
    }

    public static RegistryError nameInvalid(String name) {
        return new RegistryError(400, "NAME_INVALID", "invalid repository name", name);
    }

    public static RegistryError tagInvalid(String detail) {
        return new RegistryError(400, "TAG_INVALID", "manifest tag did not match URI", detail);
    }

    public static RegistryError sizeInvalid(String detail) {
        return new RegistryError(400, "SIZE_INVALID", "provided length did not match content length", detail);
    }

    public static RegistryError rangeInvalid(String detail) {
        return new RegistryError(416, "RANGE_INVALID", "invalid content range", detail);
    }

    public static RegistryError unauthorized(String detail) {
        return new RegistryError(401, "UNAUTHORIZED", "authentication required", detail);
    }

    public static RegistryError denied(String message) {
        return new RegistryError(403, "DENIED", message, null);
    }

    public static RegistryError unsupported() {
        return new RegistryError(405, "UNSUPPORTED", "The operation is unsupported.", null);
    }
}
