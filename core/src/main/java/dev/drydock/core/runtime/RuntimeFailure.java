package dev.drydock.core.runtime;

/**
 * A container runtime operation failed. {@link #kind()} says how, so a task can stop with the stop code and reason
 * ECS would give.
 */
public final class RuntimeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How an operation failed. */
    public enum Kind {
        /** The image is not present and could not be pulled. */
        IMAGE_PULL,
        /** The container could not be created or started (bad entry point, bad user, bad mount ...). */
        CONTAINER_START,
        /** The object does not exist (any more). */
        NOT_FOUND,
        /** The engine does not answer. */
        ENGINE_UNAVAILABLE,
        /** Anything else the engine refused. */
        OTHER
    }

    private final Kind kind;

    public RuntimeFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
