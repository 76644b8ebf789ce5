package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.drydock.core.DrydockException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.AttributeLimitExceededException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsContainerInstancesException;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Resource;
import software.amazon.awssdk.services.ecs.model.TargetNotFoundException;
import software.amazon.awssdk.services.ecs.model.TargetType;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateResponse;

/**
 * RegisterContainerInstance, DescribeContainerInstances, ListContainerInstances, UpdateContainerInstancesState,
 * DeregisterContainerInstance and the attribute operations through the SDK, and the container instance fixture.
 */
class ContainerInstanceApiTest extends EcsApiTestBase {
    private static final String IDENTITY =
            "{\"availabilityZone\":\"us-east-1b\",\"instanceId\":\"i-0123456789abcdef0\","
                    + "\"instanceType\":\"c6i.xlarge\",\"imageId\":\"ami-0fe5f366c083f59ca\",\"architecture\":\"x86_64\","
                    + "\"privateIp\":\"10.0.1.17\",\"region\":\"us-east-1\",\"accountId\":\"123456789012\"}";

    private List<ContainerInstance> describeAll(String cluster) {
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(arns))
                .containerInstances();
    }

    private static Resource resource(List<Resource> resources, String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, String> attributes(ContainerInstance ci) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Attribute a : ci.attributes()) {
            result.put(a.name(), a.value());
        }
        return result;
    }

    @Test
    void theFixtureRegistersInstancesOfTheTypesSizeSpreadOverTheZones() {
        String cluster = createCluster();

        drydock.apply(EcsFixtures.containerInstances(cluster, 3, "m5.large").attribute("stack", "prod"));

        List<ContainerInstance> instances = describeAll(cluster);
        assertThat(instances).hasSize(3);
        assertThat(instances)
                .extracting(ci -> attributes(ci).get("ecs.availability-zone"))
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        for (ContainerInstance ci : instances) {
            assertThat(ci.status()).isEqualTo("ACTIVE");
            assertThat(ci.agentConnected()).isTrue();
            assertThat(ci.containerInstanceArn())
                    .matches("arn:aws:ecs:us-east-1:123456789012:container-instance/" + cluster + "/[0-9a-f]{32}");
            assertThat(ci.ec2InstanceId()).matches("i-0[0-9a-f]{16}");
            assertThat(resource(ci.registeredResources(), "CPU").integerValue()).isEqualTo(2048);
            assertThat(resource(ci.registeredResources(), "MEMORY").integerValue())
                    .isEqualTo(8192);
            assertThat(resource(ci.registeredResources(), "PORTS").stringSetValue())
                    .containsExactlyInAnyOrder("22", "2375", "2376", "51678", "51679");
            assertThat(resource(ci.remainingResources(), "CPU").integerValue()).isEqualTo(2048);
            assertThat(resource(ci.remainingResources(), "MEMORY").integerValue())
                    .isEqualTo(8192);
            assertThat(ci.runningTasksCount()).isZero();
            assertThat(ci.pendingTasksCount()).isZero();
            assertThat(ci.versionInfo().agentVersion()).isNotBlank();
            Map<String, String> attributes = attributes(ci);
            assertThat(attributes)
                    .containsEntry("ecs.instance-type", "m5.large")
                    .containsEntry("ecs.os-type", "linux")
                    .containsEntry("ecs.cpu-architecture", "x86_64")
                    .containsEntry("stack", "prod")
                    .containsKey("ecs.ami-id")
                    .containsKey("com.amazonaws.ecs.capability.docker-remote-api.1.18");
        }
        assertThat(ecs.describeClusters(r -> r.clusters(cluster))
                        .clusters()
                        .get(0)
                        .registeredContainerInstancesCount())
                .isEqualTo(3);
    }

    @Test
    void theAgentsRegistrationGivesTheIdentityDocumentsInstanceAndItsTotalResources() {
        String cluster = createCluster();

        ContainerInstance ci = ecs.registerContainerInstance(r -> r.cluster(cluster)
                        .instanceIdentityDocument(IDENTITY)
                        .totalResources(
                                Resource.builder()
                                        .name("CPU")
                                        .type("INTEGER")
                                        .integerValue(4096)
                                        .build(),
                                Resource.builder()
                                        .name("MEMORY")
                                        .type("INTEGER")
                                        .integerValue(7680)
                                        .build(),
                                Resource.builder()
                                        .name("PORTS")
                                        .type("STRINGSET")
                                        .stringSetValue("22", "2375", "2376", "51678", "51679", "51680")
                                        .build()))
                .containerInstance();

        assertThat(ci.ec2InstanceId()).isEqualTo("i-0123456789abcdef0");
        assertThat(resource(ci.registeredResources(), "CPU").integerValue()).isEqualTo(4096);
        assertThat(resource(ci.registeredResources(), "MEMORY").integerValue()).isEqualTo(7680);
        assertThat(resource(ci.registeredResources(), "PORTS").stringSetValue()).contains("51680");
        assertThat(attributes(ci))
                .containsEntry("ecs.availability-zone", "us-east-1b")
                .containsEntry("ecs.instance-type", "c6i.xlarge")
                .containsEntry("ecs.ami-id", "ami-0fe5f366c083f59ca");
    }

    @Test
    void anInstanceOfUnknownSizeNeedsTotalResourcesAndNothingIsRegistered() {
        String cluster = createCluster();

        InvalidParameterException e = assertEcsErrorCode(
                () -> ecs.registerContainerInstance(
                        r -> r.cluster(cluster).instanceIdentityDocument(IDENTITY.replace("c6i.xlarge", "x9.huge"))),
                InvalidParameterException.class);

        assertThat(e.awsErrorDetails().errorMessage()).contains("totalResources", "x9.huge", "m5.large");
        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns())
                .isEmpty();
        assertThatThrownBy(() -> drydock.apply(EcsFixtures.containerInstances(cluster, 1, "x9.huge")))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("x9.huge");
    }

    @Test
    void drainingAndActiveAreListedByStatusAndUnknownInstancesAreFailures() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 2, "t3.medium"));
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();
        String missing = "arn:aws:ecs:us-east-1:123456789012:container-instance/" + cluster + "/" + "0".repeat(32);

        UpdateContainerInstancesStateResponse response = ecs.updateContainerInstancesState(r ->
                r.cluster(cluster).containerInstances(arns.get(0), missing).status(ContainerInstanceStatus.DRAINING));

        assertThat(response.containerInstances()).hasSize(1);
        assertThat(response.containerInstances().get(0).status()).isEqualTo("DRAINING");
        assertThat(response.failures())
                .containsExactly(
                        Failure.builder().arn(missing).reason("MISSING").build());
        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster).status(ContainerInstanceStatus.DRAINING))
                        .containerInstanceArns())
                .containsExactly(arns.get(0));
        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster).status(ContainerInstanceStatus.ACTIVE))
                        .containerInstanceArns())
                .containsExactly(arns.get(1));
        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns())
                .containsExactlyElementsOf(arns);
        assertEcsErrorCode(
                () -> ecs.updateContainerInstancesState(r ->
                        r.cluster(cluster).containerInstances(arns.get(1)).status(ContainerInstanceStatus.REGISTERING)),
                InvalidParameterException.class);
        assertThat(ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(arns.get(1)))
                        .containerInstances()
                        .get(0)
                        .status())
                .isEqualTo("ACTIVE");
    }

    @Test
    void listContainerInstancesFiltersWithTheClusterQueryLanguage() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 3, "t3.large"));
        drydock.apply(EcsFixtures.containerInstances(cluster, 1, "r6i.large")
                .availabilityZones("us-east-1b")
                .attribute("stack", "prod"));
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();

        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster)
                                .filter("attribute:ecs.availability-zone in [us-east-1a, us-east-1c]"))
                        .containerInstanceArns())
                .containsExactly(arns.get(0), arns.get(2));
        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster)
                                .filter("attribute:ecs.instance-type =~ r6i.* and attribute:stack == prod"))
                        .containerInstanceArns())
                .containsExactly(arns.get(3));
        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster)
                                .filter("attribute:ecs.availability-zone == us-east-1b")
                                .status(ContainerInstanceStatus.DRAINING))
                        .containerInstanceArns())
                .isEmpty();
        InvalidParameterException e = assertEcsErrorCode(
                () -> ecs.listContainerInstances(r -> r.cluster(cluster).filter("attribute:stack ~~ prod")),
                InvalidParameterException.class);
        assertThat(e.awsErrorDetails().errorMessage()).contains("cluster query", "operator");
    }

    @Test
    void aDeregisteredInstanceIsInactiveAndAClusterWithInstancesCannotBeDeleted() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 2, "t3.small"));
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();

        assertEcsError(
                () -> ecs.deleteCluster(r -> r.cluster(cluster)),
                ClusterContainsContainerInstancesException.class,
                "The Cluster cannot be deleted while Container Instances are active or draining.");
        String id = arns.get(0).substring(arns.get(0).lastIndexOf('/') + 1);
        ContainerInstance gone = ecs.deregisterContainerInstance(
                        r -> r.cluster(cluster).containerInstance(id))
                .containerInstance();

        assertThat(gone.status()).isEqualTo("INACTIVE");
        assertThat(ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns())
                .containsExactly(arns.get(1));
        assertThat(ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(id))
                        .containerInstances()
                        .get(0)
                        .status())
                .isEqualTo("INACTIVE");
        ecs.deregisterContainerInstance(r -> r.cluster(cluster).containerInstance(arns.get(1)));
        assertThat(ecs.deleteCluster(r -> r.cluster(cluster)).cluster().status())
                .isEqualTo("INACTIVE");
    }

    @Test
    void attributesArePutListedAndDeletedAllOrNothing() {
        String cluster = createCluster();
        drydock.apply(EcsFixtures.containerInstances(cluster, 2, "m6i.large"));
        List<String> arns = ecs.listContainerInstances(r -> r.cluster(cluster)).containerInstanceArns();

        ecs.putAttributes(r -> r.cluster(cluster)
                .attributes(
                        Attribute.builder()
                                .name("stack")
                                .value("prod")
                                .targetId(arns.get(0))
                                .build(),
                        Attribute.builder()
                                .name("stack")
                                .value("test")
                                .targetId(arns.get(1))
                                .build()));

        List<Attribute> prod = ecs.listAttributes(r -> r.cluster(cluster)
                        .targetType(TargetType.CONTAINER_INSTANCE)
                        .attributeName("stack")
                        .attributeValue("prod"))
                .attributes();
        assertThat(prod)
                .containsExactly(Attribute.builder()
                        .name("stack")
                        .value("prod")
                        .targetType(TargetType.CONTAINER_INSTANCE)
                        .targetId(arns.get(0))
                        .build());
        assertThat(ecs.listAttributes(r -> r.cluster(cluster)
                                .targetType(TargetType.CONTAINER_INSTANCE)
                                .attributeName("ecs.instance-type"))
                        .attributes())
                .extracting(Attribute::value)
                .containsExactly("m6i.large", "m6i.large");

        // eleven custom attributes on one instance: refused, and none of them stored
        List<Attribute> tooMany = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tooMany.add(
                    Attribute.builder().name("extra" + i).targetId(arns.get(0)).build());
        }
        assertEcsError(
                () -> ecs.putAttributes(r -> r.cluster(cluster).attributes(tooMany)),
                AttributeLimitExceededException.class,
                "You can apply up to 10 custom attributes for each resource.");
        assertThat(ecs.listAttributes(r -> r.cluster(cluster)
                                .targetType(TargetType.CONTAINER_INSTANCE)
                                .attributeName("extra0"))
                        .attributes())
                .isEmpty();

        // an unknown target fails the whole call: the known one keeps its attribute
        assertEcsErrorCode(
                () -> ecs.deleteAttributes(r -> r.cluster(cluster)
                        .attributes(
                                Attribute.builder()
                                        .name("stack")
                                        .targetId(arns.get(0))
                                        .build(),
                                Attribute.builder()
                                        .name("stack")
                                        .targetId("0".repeat(32))
                                        .build())),
                TargetNotFoundException.class);
        assertThat(attributes(
                        ecs.describeContainerInstances(r -> r.cluster(cluster).containerInstances(arns.get(0)))
                                .containerInstances()
                                .get(0)))
                .containsEntry("stack", "prod");

        ecs.deleteAttributes(r -> r.cluster(cluster)
                .attributes(
                        Attribute.builder().name("stack").targetId(arns.get(0)).build()));
        assertThat(ecs.listAttributes(r -> r.cluster(cluster)
                                .targetType(TargetType.CONTAINER_INSTANCE)
                                .attributeName("stack"))
                        .attributes())
                .extracting(Attribute::targetId, Attribute::value)
                .containsExactly(tuple(arns.get(1), "test"));
        assertThat(describeAll(cluster).stream()
                        .map(ci -> attributes(ci).containsKey("stack"))
                        .collect(Collectors.toList()))
                .containsExactly(false, true);
    }
}
