package dev.drydock.autoscaling;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** What the capacity provider tests set up through the SDK: a launch template whose instances join a cluster, a group. */
final class CapacityFixtures {
    private CapacityFixtures() {}

    /**
     * A Drydock on the simulated runtime whose scaling clock runs a minute a second, whose instances are Pending for a
     * minute and whose service tasks count as healthy a second after they run.
     */
    static Drydock fastScaling() {
        return Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .setting("scaling.time-scale", "1/60")
                .setting("autoscaling.instance-pending-time", "PT1M")
                .setting("ecs.task-healthy-after-running", "PT1S")
                .start();
    }

    /** An m5.large launch template whose user data names {@code cluster} (the ECS agent's ECS_CLUSTER). */
    static void launchTemplate(Ec2Client ec2, String name, String cluster) {
        String userData = "#!/bin/bash\necho ECS_CLUSTER=" + cluster + " >> /etc/ecs/ecs.config\n";
        ec2.createLaunchTemplate(r -> r.launchTemplateName(name)
                .launchTemplateData(d -> d.instanceType("m5.large")
                        .imageId("ami-0abcdef1234567890")
                        .userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))));
    }

    /** An empty group (desired 0) of at most {@code max} instances in us-east-1a, from {@code launchTemplate}. */
    static void emptyGroup(AutoScalingClient autoscaling, String name, String launchTemplate, int max) {
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateName(launchTemplate))
                .minSize(0)
                .maxSize(max)
                .desiredCapacity(0)
                .availabilityZones("us-east-1a"));
    }
}
