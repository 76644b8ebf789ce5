package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * Task definitions with {@code efsVolumeConfiguration} volumes: ECS's validation, the round trip through
 * Register/DescribeTaskDefinition, and a task whose EFS volume cannot be mounted because this classpath has no EFS
 * model (ecs-fixtures does not depend on efs-fixtures).
 */
class EfsVolumeApiTest extends EcsApiTestBase {

    private static Volume efsVolume(Consumer<EFSVolumeConfiguration.Builder> config) {
        return Volume.builder().name("shared").efsVolumeConfiguration(config).build();
    }

    private static ContainerDefinition mounting() {
        return container("app").toBuilder()
                .mountPoints(
                        m -> m.sourceVolume("shared").containerPath("/mnt/efs").readOnly(true))
                .build();
    }

    @Test
    void efsVolumesRoundTripUnchanged() {
        Volume volume = efsVolume(e -> e.fileSystemId("fs-0123456789abcdef0")
                .rootDirectory("/")
                .transitEncryption("ENABLED")
                .transitEncryptionPort(2999)
                .authorizationConfig(
                        a -> a.accessPointId("fsap-0123456789abcdef0").iam("ENABLED")));
        String family = unique("efs");
        TaskDefinition registered =
                register(fargate(family).containerDefinitions(mounting()).volumes(volume));
        TaskDefinition described =
                ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();
        assertThat(registered.volumes()).containsExactly(volume);
        assertThat(described.volumes()).containsExactly(volume);
        assertThat(described.containerDefinitions().get(0).mountPoints())
                .isEqualTo(mounting().mountPoints());
    }

    @Test
    void iamAuthorizationRequiresTransitEncryption() {
        String family = unique("efs");
        var e = assertEcsErrorCode(
                () -> register(fargate(family)
                        .volumes(efsVolume(c ->
                                c.fileSystemId("fs-0123456789abcdef0").authorizationConfig(a -> a.iam("ENABLED"))))),
                ClientException.class);
        assertThat(e.awsErrorDetails().errorMessage()).contains("Transit encryption must be enabled");
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns())
                .isEmpty();
    }

    @Test
    void anAccessPointTakesNoRootDirectoryOtherThanSlash() {
        String family = unique("efs");
        var e = assertEcsErrorCode(
                () -> register(fargate(family)
                        .volumes(efsVolume(c -> c.fileSystemId("fs-0123456789abcdef0")
                                .rootDirectory("/data")
                                .transitEncryption("ENABLED")
                                .authorizationConfig(a -> a.accessPointId("fsap-0123456789abcdef0"))))),
                ClientException.class);
        assertThat(e.awsErrorDetails().errorMessage())
                .contains("the root directory must either be set to \"/\" or " + "be omitted");
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns())
                .isEmpty();
    }

    @Test
    void withoutTheEfsModelATaskWithAnEfsVolumeFailsToStart() {
        String cluster = createCluster();
        String family = unique("efs");
        register(fargate(family)
                .containerDefinitions(mounting())
                .volumes(efsVolume(c -> c.fileSystemId("fs-0123456789abcdef0"))));
        Task task = runOne(cluster, family);
        Task stopped = awaitStopped(cluster, task.taskArn());
        assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason())
                .startsWith("ResourceInitializationError: failed to invoke EFS utils")
                .contains("dev.drydock:drydock-efs-fixtures");
    }
}
