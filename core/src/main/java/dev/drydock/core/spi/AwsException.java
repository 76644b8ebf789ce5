package dev.drydock.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error an AWS operation answers: the AWS error code (the SDK model's exception shape name, for example
 * {@code ClusterNotFoundException}), the HTTP status and the message, as AWS writes them. The protocol codec
 * serializes it at the edge so the SDK throws its own typed exception.
 *
 * <p>Handlers throw it; nothing stored changes when an operation fails this way, because handlers validate
 * before they mutate.
 */
public class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final int httpStatus;
    private final Map<String, String> members;

    public AwsException(String errorCode, int httpStatus, String message) {
        this(errorCode, httpStatus, message, null);
    }

    /**
     * An error with the Drydock-side cause behind it (for example the policy parser's exception with the line and
     * column), which tools and fixtures may show; the wire answer carries only the code and message.
     */
    public AwsException(String errorCode, int httpStatus, String message, Throwable cause) {
        this(errorCode, httpStatus, message, cause, Map.of());
    }

    private AwsException(
            String errorCode, int httpStatus, String message, Throwable cause, Map<String, String> members) {
        super(message, cause, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.httpStatus = httpStatus;
        this.members = members;
    }

    /** A client fault (HTTP 400) with the given AWS error code and message. */
    public static AwsException client(String errorCode, String message) {
        return new AwsException(errorCode, 400, message);
    }

    /** A server fault (HTTP 500) with the given AWS error code and message. */
    public static AwsException server(String errorCode, String message) {
        return new AwsException(errorCode, 500, message);
    }

    /** The same error with another HTTP status (IAM answers NoSuchEntity with 404, EntityAlreadyExists with 409). */
    public AwsException withStatus(int status) {
        return new AwsException(errorCode, status, getMessage(), getCause(), members);
    }

    /**
     * The same error with one more member of the error shape, which protocols that carry them write next to the
     * code and message (EFS's {@code FileSystemAlreadyExists} names the existing {@code FileSystemId}).
     */
    public AwsException withMember(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(members);
        more.put(name, value);
        return new AwsException(errorCode, httpStatus, getMessage(), getCause(), Collections.unmodifiableMap(more));
    }

    /** The error shape's members other than code and message, by wire name (usually none). */
    public Map<String, String> members() {
        return members;
    }

    /** The AWS error code, for example {@code ClusterNotFoundException}. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status code of the error response. */
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String toString() {
        return errorCode + " (" + httpStatus + "): " + getMessage();
    }
}
