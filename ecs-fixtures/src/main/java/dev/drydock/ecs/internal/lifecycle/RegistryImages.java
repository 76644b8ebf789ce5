package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.spi.ImageResolver;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.util.Optional;

/**
 * Images served by another Drydock module's registry (ECR, when {@code drydock-ecr-fixtures} is on the classpath):
 * such an image is pulled from there as the task's execution role, which must be allowed to pull it, and the
 * container runs the image by the digest pulled. Other images are pulled by the runtime as before.
 */
final class RegistryImages {
    private final ServiceContext context;

    RegistryImages(ServiceContext context) {
        this.context = context;
    }

    private Optional<ImageResolver> resolver(String image) {
        return context.module(ImageResolver.class).filter(r -> r.serves(image));
    }

    /** Whether a Drydock registry serves {@code image}. */
    boolean serves(String image) {
        return resolver(image).isPresent();
    }

    /**
     * Pulls a served image as the task's execution role (RunTask's override, else the task definition's).
     *
     * @throws ImageResolver.ImagePullFailure with the task's stopped reason
     */
    ImageResolver.PulledImage pull(TaskRecord task, String image, ContainerRuntime runtime) {
        return resolver(image).orElseThrow().pull(image, TaskPreparation.executionRole(task), task.id(), runtime);
    }
}
