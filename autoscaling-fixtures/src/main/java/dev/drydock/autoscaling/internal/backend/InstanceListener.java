package dev.drydock.autoscaling.internal.backend;

import dev.drydock.core.spi.LaunchTemplateSource.LaunchSpec;

/**
 * Told when a group launches or terminates an instance (called under the groups' lock: do nothing slow here), so the
 * module's other parts can follow: the ECS agent's registration (package {@code agent}).
 */
public interface InstanceListener {

    /** A new instance of {@code spec}'s launch template version, in {@code availabilityZone}. */
    void launched(String instanceId, String availabilityZone, LaunchSpec spec);

    /** An instance left its group (scale-in or a forced delete). */
    void terminated(String instanceId);

    /** Listens to nothing. */
    InstanceListener NONE = new InstanceListener() {
        @Override
        public void launched(String instanceId, String availabilityZone, LaunchSpec spec) {}

        @Override
        public void terminated(String instanceId) {}
    };
}
