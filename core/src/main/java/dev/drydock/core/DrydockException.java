package dev.drydock.core;

/**
 * Drydock could not do what a test asked: a bad declaration, a file that cannot be read, a Docker engine that does
 * not answer. The message names what is wrong and what to do about it.
 */
public class DrydockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DrydockException(String message) {
        super(message);
    }

    public DrydockException(String message, Throwable cause) {
        super(message, cause);
    }
}
