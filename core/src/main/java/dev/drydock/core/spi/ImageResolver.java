package dev.drydock.core.spi;

import dev.drydock.core.runtime.ContainerRuntime;

/**
 * A service module that serves container images from its own registry (ECR), so that a task whose container
 * definition names such an image runs it from there. The ECS model asks {@link #serves} for every container image
 * before it pulls, without depending on the module that answers: it finds one with
 * {@code context.module(ImageResolver.class)}.
 */
public interface ImageResolver extends ServiceModule {

    /** Whether {@code image} (a container definition's {@code image}) names an image this module serves. */
    boolean serves(String image);

    /**
     * Pulls {@code image} into the runtime as a task's execution role would: authorizes the pull as a session of
     * that role (for ECR: {@code ecr:GetAuthorizationToken}, {@code ecr:BatchGetImage},
     * {@code ecr:GetDownloadUrlForLayer}, with the repository policy), then has the runtime pull it.
     *
     * @param image the image as the container definition names it
     * @param executionRoleArn the task's execution role (name or ARN), or {@code null} when it has none
     * @param taskId the task id, the execution role session's name
     * @param runtime the runtime to pull into
     * @return the local reference to create the container from, and the image's manifest digest
     * @throws ImagePullFailure when the pull is denied or the image is missing, with the task's stopped reason
     */
    PulledImage pull(String image, String executionRoleArn, String taskId, ContainerRuntime runtime);

    /**
     * An image pulled for a task.
     *
     * @param localReference the reference the runtime knows it by, e.g. {@code 127.0.0.1:40123/orders@sha256:...}
     * @param digest the manifest digest ECS reports as the container's {@code imageDigest}
     */
    record PulledImage(String localReference, String digest) {}

    /** A pull that failed; the message is the task's stopped reason, as ECS words it. */
    final class ImagePullFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ImagePullFailure(String stoppedReason) {
            super(stoppedReason);
        }
    }
}
