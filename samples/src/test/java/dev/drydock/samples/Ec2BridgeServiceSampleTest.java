package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.drydock.core.Drydock;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.ecs.EcsModule;
import dev.drydock.elb.ElbModule;
import dev.drydock.junit.ApplicationLoadBalancer;
import dev.drydock.junit.DrydockSetting;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.ElbListener;
import dev.drydock.junit.ElbTargetGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * A service on a 3-instance EC2 cluster with bridge networking and dynamic host ports (src/test/resources/ecs/
 * bridge-web.json): the service's default spread across Availability Zones puts one task on each instance, each
 * task's port 80 is bound to a host port from the ephemeral range, and the test reaches every task at its container
 * instance's address and that host port, as another host in the VPC would on EC2.
 *
 * <p>Behind an Application Load Balancer, ECS registers bridge tasks as {@code instance} targets (the EC2 instance id
 * and the dynamic host port), and the load balancer reaches them there; an {@code ip} target group is refused for a
 * bridge task definition, as ECS refuses it.
 */
@DrydockSetting(key = "elb.time-scale", value = "0.1")
@EcsCluster(name = "ec2-shop")
@ElbTargetGroup(
        name = "bridge-web",
        targetType = "instance",
        healthCheckIntervalSeconds = 5,
        healthCheckTimeoutSeconds = 2,
        healthyThresholdCount = 2)
@ElbTargetGroup(name = "bridge-web-ip", targetType = "ip")
@ApplicationLoadBalancer(
        name = "ec2-shop",
        listeners = {
            @ElbListener(port = 80, forward = "bridge-web"),
            @ElbListener(port = 8080, forward = "bridge-web-ip")
        })
class Ec2BridgeServiceSampleTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void capacity(Drydock drydock) {
        drydock.apply(EcsFixtures.containerInstances("ec2-shop", 3, "t3.medium")
                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c"));
        drydock.apply(EcsFixtures.taskDefinition("ecs/bridge-web.json"));
    }

    @Test
    void everyTaskAnswersAtItsInstanceAddressOnItsDynamicHostPort(Drydock drydock, EcsClient ecs) {
        ecs.createService(r -> r.cluster("ec2-shop")
                .serviceName("web")
                .taskDefinition("bridge-web")
                .launchType(LaunchType.EC2)
                .desiredCount(3));
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("ec2-shop").services("web"));

        List<String> arns = ecs.listTasks(
                        r -> r.cluster("ec2-shop").serviceName("web").desiredStatus(DesiredStatus.RUNNING))
                .taskArns();
        List<Task> tasks =
                ecs.describeTasks(r -> r.cluster("ec2-shop").tasks(arns)).tasks();
        assertThat(tasks).hasSize(3);
        assertThat(tasks).extracting(Task::containerInstanceArn).doesNotHaveDuplicates();

        EcsModule ecsModule = drydock.service(EcsModule.class);
        Set<String> pages = new HashSet<>();
        Set<String> instanceAddresses = new HashSet<>();
        for (Task task : tasks) {
            NetworkBinding binding = task.containers().get(0).networkBindings().get(0);
            assertThat(binding.containerPort()).isEqualTo(80);
            assertThat(binding.hostPort()).isBetween(32768, 61000);
            String instanceIp = ecsModule.containerInstanceAddress("ec2-shop", task.containerInstanceArn());
            instanceAddresses.add(instanceIp);
            // where this JVM reaches instanceIp:hostPort on any Docker engine
            InetSocketAddress web = drydock.taskAddress(instanceIp, binding.hostPort());
            assertThat(ecsModule.taskAddress("ec2-shop", task.taskArn(), 80)).isEqualTo(web);
            String page = TaskPages.page(web);
            assertThat(page).contains("<h1>Amazon ECS Sample App</h1>");
            pages.add(page);
        }
        assertThat(instanceAddresses).hasSize(3);
        assertThat(pages).as("one page per task").hasSize(3);
    }

    @Test
    void aLoadBalancedServiceRegistersItsBridgeTasksAsInstanceTargets(
            Drydock drydock, EcsClient ecs, ElasticLoadBalancingV2Client elb, ElbModule loadBalancers) {
        String arn = elb.describeTargetGroups(r -> r.names("bridge-web"))
                .targetGroups()
                .get(0)
                .targetGroupArn();
        ecs.createService(r -> r.cluster("ec2-shop")
                .serviceName("web-lb")
                .taskDefinition("bridge-web")
                .launchType(LaunchType.EC2)
                .desiredCount(2)
                .loadBalancers(lb -> lb.targetGroupArn(arn).containerName("web").containerPort(80)));
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("ec2-shop").services("web-lb"));

        List<String> arns =
                ecs.listTasks(r -> r.cluster("ec2-shop").serviceName("web-lb")).taskArns();
        List<Task> tasks =
                ecs.describeTasks(r -> r.cluster("ec2-shop").tasks(arns)).tasks();
        List<String> containerInstances =
                tasks.stream().map(Task::containerInstanceArn).toList();
        Set<String> expected = new HashSet<>();
        ecs.describeContainerInstances(r -> r.cluster("ec2-shop").containerInstances(containerInstances))
                .containerInstances()
                .forEach(ci -> tasks.stream()
                        .filter(t -> t.containerInstanceArn().equals(ci.containerInstanceArn()))
                        .forEach(t -> expected.add(ci.ec2InstanceId() + ":"
                                + t.containers().get(0).networkBindings().get(0).hostPort())));
        // the targets: each task's EC2 instance id and dynamic host port, healthy
        List<TargetHealthDescription> targets =
                elb.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions();
        assertThat(targets)
                .extracting(d -> d.target().id() + ":" + d.target().port())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(targets).allSatisfy(d -> assertThat(d.target().id()).startsWith("i-"));
        assertThat(targets).extracting(d -> d.targetHealth().stateAsString()).containsOnly("healthy");

        // the load balancer reaches both tasks at their instances' addresses and host ports
        URI alb = loadBalancers.url("ec2-shop");
        Set<String> pages = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            pages.add(page(alb));
            assertThat(pages).hasSize(2);
        });

        String ipArn = elb.describeTargetGroups(r -> r.names("bridge-web-ip"))
                .targetGroups()
                .get(0)
                .targetGroupArn();
        assertThatThrownBy(() -> ecs.createService(r -> r.cluster("ec2-shop")
                        .serviceName("web-ip")
                        .taskDefinition("bridge-web")
                        .launchType(LaunchType.EC2)
                        .desiredCount(1)
                        .loadBalancers(lb ->
                                lb.targetGroupArn(ipArn).containerName("web").containerPort(80))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("has target type ip, which is incompatible with the bridge network mode");
    }

    private static String page(URI uri) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
