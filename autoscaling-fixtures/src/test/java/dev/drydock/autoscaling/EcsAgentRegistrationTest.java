package dev.drydock.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drydock.autoscaling.internal.agent.AgentRegistrations;
import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.ecs.internal.EcsServiceModule;
import dev.drydock.ecs.internal.imds.InstanceMetadataService;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;

/**
 * Instances an Auto Scaling group launches from a launch template whose user data sets {@code ECS_CLUSTER} register
 * with that cluster when they turn InService, as the ECS agent does, and are deregistered when the group scales in.
 * The scaling clock runs a minute a second; instances are Pending for five (AWS) minutes.
 */
class EcsAgentRegistrationTest {
    private static String userData(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void userDataNamesTheClusterTheInstancesJoin() {
        assertThat(AgentRegistrations.cluster(
                        userData("#!/bin/bash\necho ECS_CLUSTER=orders >> /etc/ecs/ecs.config\n")))
                .contains("orders");
        assertThat(AgentRegistrations.cluster(userData("#!/bin/bash\ncat <<'EOF' >> /etc/ecs/ecs.config\n"
                        + "ECS_CLUSTER=\"payments-prod\"\nECS_ENABLE_TASK_IAM_ROLE=true\nEOF\n")))
                .contains("payments-prod");
        assertThat(AgentRegistrations.cluster(userData("#!/bin/bash\nyum install -y httpd\n")))
                .isEmpty();
        assertThat(AgentRegistrations.cluster(null)).isEmpty();
    }

    @Test
    void anInstanceProfileStandsForTheRoleOfItsName() {
        assertThat(AgentRegistrations.instanceProfileRole("arn:aws:iam::123456789012:instance-profile/ecsInstanceRole"))
                .isEqualTo("ecsInstanceRole");
        assertThat(AgentRegistrations.instanceProfileRole("arn:aws:iam::123456789012:instance-profile/ecs/nodes"))
                .isEqualTo("nodes");
        assertThat(AgentRegistrations.instanceProfileRole("ecsInstanceRole")).isEqualTo("ecsInstanceRole");
        assertThat(AgentRegistrations.instanceProfileRole(null)).isNull();
    }

    @Test
    void theLaunchTemplatesInstanceProfileServesItsRolesCredentialsOnTheContainerInstance() {
        try (Drydock drydock = Drydock.builder()
                        .runtime(SimulatedRuntime::new)
                        .setting("scaling.time-scale", "1/60")
                        .setting("autoscaling.instance-pending-time", "PT30S")
                        .fixture(IamFixtures.role("ecsInstanceRole").trustPolicy("iam/ec2-trust.json"))
                        .start();
                Ec2Client ec2 = drydock.client(Ec2Client.builder());
                AutoScalingClient autoscaling = drydock.client(AutoScalingClient.builder());
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("orders"));
            ec2.createLaunchTemplate(r -> r.launchTemplateName("profiled")
                    .launchTemplateData(d -> d.instanceType("m5.large")
                            .iamInstanceProfile(
                                    p -> p.arn("arn:aws:iam::123456789012:instance-profile/ecsInstanceRole"))
                            .userData(userData("#!/bin/bash\necho ECS_CLUSTER=orders >> /etc/ecs/ecs.config\n"))));
            autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("profiled")
                    .launchTemplate(t -> t.launchTemplateName("profiled"))
                    .minSize(0)
                    .maxSize(1)
                    .desiredCapacity(1)
                    .availabilityZones("us-east-1a"));

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(containerInstances(ecs)).hasSize(1));
            InstanceMetadataService imds = EcsServiceModule.of(drydock)
                    .instanceMetadata(containerInstances(ecs).get(0).containerInstanceArn());
            assertThat(get(imds, "/latest/meta-data/iam/security-credentials/")).isEqualTo("ecsInstanceRole");
            assertThat(get(imds, "/latest/meta-data/iam/info"))
                    .contains("arn:aws:iam::123456789012:instance-profile/ecsInstanceRole");
            assertThat(get(imds, "/latest/meta-data/iam/security-credentials/ecsInstanceRole"))
                    .contains("\"AccessKeyId\":\"ASIA");
        }
    }

    private static String get(InstanceMetadataService imds, String path) {
        InetSocketAddress local = new InetSocketAddress("169.254.169.254", 80);
        HttpResponse response = imds.handle(
                new HttpRequest("GET", path, null, Map.of(), null, new InetSocketAddress("10.0.0.2", 40000), local));
        assertThat(response.status()).as(path).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void launchedInstancesRegisterWithTheClusterWhenInServiceAndLeaveItWhenTerminated() {
        try (Drydock drydock = Drydock.builder()
                        .runtime(SimulatedRuntime::new)
                        .setting("scaling.time-scale", "1/60")
                        .setting("autoscaling.instance-pending-time", "PT5M")
                        .start();
                Ec2Client ec2 = drydock.client(Ec2Client.builder());
                AutoScalingClient autoscaling = drydock.client(AutoScalingClient.builder());
                EcsClient ecs = drydock.client(EcsClient.builder())) {
            ecs.createCluster(r -> r.clusterName("orders"));
            ec2.createLaunchTemplate(r -> r.launchTemplateName("orders-capacity")
                    .launchTemplateData(d -> d.instanceType("m5.large")
                            .imageId("ami-0abcdef1234567890")
                            .userData(userData("#!/bin/bash\necho ECS_CLUSTER=orders >> /etc/ecs/ecs.config\n"))));
            autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("orders-asg")
                    .launchTemplate(t -> t.launchTemplateName("orders-capacity"))
                    .minSize(0)
                    .maxSize(3)
                    .desiredCapacity(2)
                    .availabilityZones("us-east-1a", "us-east-1b"));
            assertThat(containerInstances(ecs))
                    .as("not before the agent has booted")
                    .isEmpty();

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(containerInstances(ecs)).hasSize(2));
            List<Instance> instances = autoscaling
                    .describeAutoScalingGroups(r -> r.autoScalingGroupNames("orders-asg"))
                    .autoScalingGroups()
                    .get(0)
                    .instances();
            assertThat(containerInstances(ecs))
                    .extracting(ContainerInstance::ec2InstanceId)
                    .containsExactlyInAnyOrderElementsOf(
                            instances.stream().map(Instance::instanceId).toList());
            assertThat(containerInstances(ecs)).allSatisfy(ci -> {
                assertThat(ci.status()).isEqualTo("ACTIVE");
                assertThat(ci.registeredResources())
                        .anySatisfy(res -> assertThat(res.name() + "=" + res.integerValue())
                                .isEqualTo("CPU=2048"));
                assertThat(ci.attributes())
                        .anySatisfy(
                                a -> assertThat(a.name() + "=" + a.value()).isEqualTo("ecs.instance-type=m5.large"));
            });

            autoscaling.setDesiredCapacity(
                    r -> r.autoScalingGroupName("orders-asg").desiredCapacity(1));
            // the instance scale-in took is Terminating until ECS has let it go; the other one stays
            String kept = autoscaling.describeAutoScalingInstances().autoScalingInstances().stream()
                    .filter(i -> !i.lifecycleState().startsWith("Terminating"))
                    .findFirst()
                    .orElseThrow()
                    .instanceId();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(containerInstances(ecs))
                            .extracting(ContainerInstance::ec2InstanceId)
                            .containsExactly(kept));
        }
    }

    private static List<ContainerInstance> containerInstances(EcsClient ecs) {
        List<String> arns = ecs.listContainerInstances(r -> r.cluster("orders")).containerInstanceArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeContainerInstances(r -> r.cluster("orders").containerInstances(arns))
                .containerInstances();
    }
}
