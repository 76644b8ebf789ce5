package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.drydock.core.runtime.ContainerRuntime.ExecResult;
import dev.drydock.core.runtime.RuntimeFailure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command in a running container for {@link DockerRuntime} and collects its exit code and output. */
final class DockerExec {
    private final DockerClient client;

    DockerExec(DockerClient client) {
        this.client = client;
    }

    ExecResult exec(String containerId, List<String> command) {
        try {
            String exec = client.execCreateCmd(containerId)
                    .withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            boolean done = client.execStartCmd(exec)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
                        }
                    })
                    .awaitCompletion(60, TimeUnit.SECONDS);
            if (!done) {
                throw new RuntimeFailure(
                        RuntimeFailure.Kind.OTHER, "the command " + command + " did not end within a minute", null);
            }
            Long code = client.inspectExecCmd(exec).exec().getExitCodeLong();
            return new ExecResult(
                    code == null ? -1 : code.intValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(RuntimeFailure.Kind.OTHER, "interrupted while running " + command, e);
        } catch (RuntimeException e) {
            if (e instanceof RuntimeFailure f) {
                throw f;
            }
            throw DockerErrors.translate(e, "run " + command + " in container " + containerId);
        }
    }
}
