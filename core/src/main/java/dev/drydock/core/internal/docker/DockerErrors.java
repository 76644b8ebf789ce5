package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.drydock.core.runtime.RuntimeFailure;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How docker-java's failures become {@link RuntimeFailure}s, and the stream callbacks that keep them. */
final class DockerErrors {
    private static final Logger LOG = LoggerFactory.getLogger(DockerErrors.class);

    private DockerErrors() {}

    /** Keeps a stream's failure, instead of docker-java's default of logging it as an ERROR, and ends the stream. */
    abstract static class FailureKeepingCallback<T> extends ResultCallback.Adapter<T> {
        volatile Throwable failure;

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
            try {
                close();
            } catch (IOException e) {
                LOG.debug("Closing a stream failed", e);
            }
        }
    }

    static Instant parseTime(String time) {
        if (time == null || time.isEmpty() || time.startsWith("0001")) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static RuntimeFailure translate(RuntimeException e, String what) {
        if (e instanceof RuntimeFailure f) {
            return f;
        }
        if (e instanceof NotFoundException) {
            return new RuntimeFailure(RuntimeFailure.Kind.NOT_FOUND, what + ": " + rootMessage(e), e);
        }
        if (!(e instanceof DockerException) || isConnectionFailure(e)) {
            return new RuntimeFailure(
                    RuntimeFailure.Kind.ENGINE_UNAVAILABLE,
                    what + ": the Docker engine does not answer (" + rootMessage(e) + ")",
                    e);
        }
        return new RuntimeFailure(RuntimeFailure.Kind.OTHER, what + ": " + rootMessage(e), e);
    }

    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
    /** The innermost meaningful message, with docker-java's JSON wrapping removed. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (e instanceof DockerException && e.getMessage() != null) {
            message = e.getMessage();
        }
        message = message.trim();
        int json = message.indexOf("{\"message\":\"");
        if (json >= 0) {
            String inner = message.substring(json + 12);
            int end = inner.lastIndexOf("\"}");
            message = (end > 0 ? inner.substring(0, end) : inner).replace("\\\"", "\"");
        }
        return message;
    }
}
