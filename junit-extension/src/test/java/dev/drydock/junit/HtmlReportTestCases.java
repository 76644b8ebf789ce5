package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/** Fixtures for {@link HtmlReportTest}; run only through it. */
class HtmlReportTestCases {

    /** A 10-task service, a task started by RunTask that fails, and a role that is denied one call. */
    @IamRole(name = "cluster-reader", policy = "iam/cluster-reader.json")
    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/sleeper.json", desiredCount = 10)
    static class TenTasks {
        @Test
        void aServiceATaskAndADenial(
                EcsClient ecs, @ActingAs("cluster-reader") EcsClient reader, TestReporter reporter) {
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("shop").services("web"));
            String failing = ecs.runTask(r -> r.cluster("shop")
                            .taskDefinition("sleeper")
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678")))
                            .overrides(o ->
                                    o.containerOverrides(c -> c.name("sleeper").command("sh", "-c", "exit 3"))))
                    .tasks()
                    .get(0)
                    .taskArn();
            ecs.waiter().waitUntilTasksStopped(r -> r.cluster("shop").tasks(failing));
            assertThat(reader.listClusters().clusterArns()).hasSize(1);
            assertThatThrownBy(() -> reader.deleteCluster(r -> r.cluster("shop")))
                    .isInstanceOf(EcsException.class);
            for (String arn :
                    ecs.listTasks(r -> r.cluster("shop").serviceName("web")).taskArns()) {
                reporter.publishEntry("service-task", arn.substring(arn.lastIndexOf('/') + 1));
            }
            reporter.publishEntry("standalone-task", failing.substring(failing.lastIndexOf('/') + 1));
        }
    }
}
