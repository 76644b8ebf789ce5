package dev.drydock.autoscaling.internal.backend;

import dev.drydock.core.spi.LaunchTemplateSource.LaunchSpec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Told when a group launches or terminates an instance (called under the groups' lock: do nothing slow here), so the
 * module's other parts can follow: the ECS agent's registration (package {@code agent}).
 */
public interface InstanceListener {

    /** A new instance of {@code spec}'s launch template version, in {@code availabilityZone}. */
    void launched(String instanceId, String availabilityZone, LaunchSpec spec);

    /**
     * Scale-in is terminating an instance: the group keeps it {@code Terminating:Wait} until the stage completes
     * (normally or not), then it is terminated.
     */
    CompletionStage<Void> terminating(String instanceId);

    /** An instance left its group without waiting (a forced delete of its group). */
    void terminated(String instanceId);

    /** Listens to nothing. */
    InstanceListener NONE = new InstanceListener() {
        @Override
        public void launched(String instanceId, String availabilityZone, LaunchSpec spec) {}

        @Override
        public CompletionStage<Void> terminating(String instanceId) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void terminated(String instanceId) {}
    };
}
