package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.ecs.EcsModule;
import dev.drydock.junit.DrydockSetting;
import dev.drydock.junit.EcsCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ECS cluster auto scaling on real containers: the cluster's capacity is an EC2 Auto Scaling group at zero instances
 * behind a capacity provider with managed scaling and managed termination protection, created through the SDK as on
 * AWS (launch template whose user data names the cluster, group, CreateCapacityProvider, PutClusterCapacityProviders).
 * A service of two web tasks (src/test/resources/ecs/asg-web.json, 600 MiB each: one per t3.micro) waits in
 * PROVISIONING, ECS's CapacityProviderReservation (200) makes its target tracking policy add instances, their agents
 * register, and the tasks run as httpd containers answering on their instances' dynamic host ports. When the service
 * shrinks to one task, the instance left empty loses its scale-in protection and the group scales in that instance
 * only. The scaling clock runs a minute a second.
 */
@DrydockSetting(key = "scaling.time-scale", value = "1/60")
@DrydockSetting(key = "autoscaling.instance-pending-time", value = "PT1M")
@DrydockSetting(key = "ecs.task-healthy-after-running", value = "PT1S")
@EcsCluster(name = "web-shop")
class ClusterAutoScalingSampleTest {

    @Test
    void theClusterScalesOutFromZeroForTheServiceAndBackIn(
            Drydock drydock, EcsClient ecs, Ec2Client ec2, AutoScalingClient autoscaling) {
        String userData = "#!/bin/bash\necho ECS_CLUSTER=web-shop >> /etc/ecs/ecs.config\n";
        ec2.createLaunchTemplate(r -> r.launchTemplateName("web-shop-capacity")
                .launchTemplateData(d -> d.instanceType("t3.micro")
                        .imageId("ami-0abcdef1234567890")
                        .userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))));
        autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("web-shop-asg")
                .launchTemplate(t -> t.launchTemplateName("web-shop-capacity"))
                .minSize(0)
                .maxSize(3)
                .desiredCapacity(0)
                .newInstancesProtectedFromScaleIn(true)
                .availabilityZones("us-east-1a", "us-east-1b"));
        ecs.createCapacityProvider(r -> r.name("web-shop-cp")
                .autoScalingGroupProvider(p -> p.autoScalingGroupArn("web-shop-asg")
                        .managedScaling(
                                s -> s.status("ENABLED").targetCapacity(100).instanceWarmupPeriod(60))
                        .managedTerminationProtection("ENABLED")));
        ecs.putClusterCapacityProviders(r -> r.cluster("web-shop")
                .capacityProviders("web-shop-cp")
                .defaultCapacityProviderStrategy(
                        s -> s.capacityProvider("web-shop-cp").weight(1)));
        drydock.apply(EcsFixtures.taskDefinition("ecs/asg-web.json"));

        ecs.createService(r -> r.cluster("web-shop")
                .serviceName("web")
                .taskDefinition("asg-web")
                .desiredCount(2));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(tasks(ecs))
                        .hasSize(2)
                        .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("PROVISIONING")));

        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(tasks(ecs))
                        .hasSize(2)
                        .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING")));
        assertThat(instances(autoscaling)).hasSize(2);
        EcsModule ecsModule = drydock.service(EcsModule.class);
        for (Task task : tasks(ecs)) {
            assertThat(task.capacityProviderName()).isEqualTo("web-shop-cp");
            NetworkBinding binding = task.containers().get(0).networkBindings().get(0);
            String instanceIp = ecsModule.containerInstanceAddress("web-shop", task.containerInstanceArn());
            assertThat(TaskPages.page(drydock.taskAddress(instanceIp, binding.hostPort())))
                    .contains("<h1>Amazon ECS Sample App</h1>");
        }

        ecs.updateService(r -> r.cluster("web-shop").service("web").desiredCount(1));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(tasks(ecs)).hasSize(1));
        Task kept = tasks(ecs).get(0);
        String keptOn = ecs.describeContainerInstances(
                        r -> r.cluster("web-shop").containerInstances(kept.containerInstanceArn()))
                .containerInstances()
                .get(0)
                .ec2InstanceId();
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(instances(autoscaling))
                        .extracting(Instance::instanceId)
                        .containsExactly(keptOn));
        assertThat(tasks(ecs)).extracting(Task::taskArn).containsExactly(kept.taskArn());
        assertThat(tasks(ecs).get(0).lastStatus()).isEqualTo("RUNNING");
    }

    private static List<Task> tasks(EcsClient ecs) {
        List<String> arns =
                ecs.listTasks(r -> r.cluster("web-shop").serviceName("web")).taskArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeTasks(r -> r.cluster("web-shop").tasks(arns)).tasks().stream()
                        .filter(t -> "RUNNING".equals(t.desiredStatus()))
                        .toList();
    }

    private static List<Instance> instances(AutoScalingClient autoscaling) {
        return autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("web-shop-asg"))
                .autoScalingGroups()
                .get(0)
                .instances()
                .stream()
                .filter(i -> List.of("Pending", "InService").contains(i.lifecycleStateAsString()))
                .toList();
    }
}
