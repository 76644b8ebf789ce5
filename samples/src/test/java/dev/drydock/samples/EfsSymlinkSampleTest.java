package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.efs.EfsFiles;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.EfsAccessPoint;
import dev.drydock.junit.EfsFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EFSAuthorizationConfig;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A task can create symbolic links in a file system, also ones that point to paths of the Docker host. As on AWS,
 * where EFS resolves every path inside the file system, such a link never gives another task (or the test) the
 * host: a volume whose {@code rootDirectory} or an access point whose root directory goes through it fails to mount,
 * and nothing is created on the host. Links that stay inside the file system work as usual.
 */
@EcsCluster(name = "links")
@EfsFileSystem(
        name = "shared",
        accessPoints =
                @EfsAccessPoint(
                        name = "apps-one",
                        rootDirectory = "/apps/one",
                        creationOwnerUid = 1000,
                        creationOwnerGid = 1000,
                        creationPermissions = "777"))
class EfsSymlinkSampleTest {

    @Test
    void linksOutOfTheFileSystemDoNotReachTheHost(EcsClient ecs, EfsFiles files, @TempDir Path host) throws Exception {
        Path hostDir = Files.createDirectories(host.resolve("hostdir"));
        Files.writeString(hostDir.resolve("secret.txt"), "host secret");
        Task planter = run(
                ecs,
                "planter",
                "/",
                null,
                "mkdir /mnt/d/sub && echo inside > /mnt/d/sub/a.txt"
                        + " && ln -s sub /mnt/d/rel && ln -s " + hostDir + " /mnt/d/hostlink && ln -s " + hostDir
                        + " /mnt/d/apps");
        assertThat(stopped(ecs, planter).containers().get(0).exitCode()).isZero();
        assertThat(files.exists("shared", "/hostlink")).isTrue();

        Task throughLink = run(ecs, "through-link", "/hostlink", null, "cat /mnt/d/secret.txt; touch /mnt/d/x");
        Task stopped = stopped(ecs, throughLink);
        assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(stopped.stoppedReason())
                .startsWith(
                        "ResourceInitializationError: failed to invoke EFS utils " + "commands to set up EFS volumes")
                .contains("No such file or directory")
                .contains("leads outside the file system");

        Task accessPoint = run(ecs, "access-point", "/", "apps-one", "touch /mnt/d/x");
        Task apStopped = stopped(ecs, accessPoint);
        assertThat(apStopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
        assertThat(apStopped.stoppedReason())
                .contains("access denied by server")
                .contains("/apps/one");

        Task inside = run(ecs, "inside", "/rel", null, "grep -q inside /mnt/d/a.txt && touch /mnt/d/b.txt");
        assertThat(stopped(ecs, inside).containers().get(0).exitCode())
                .as("a link inside mounts")
                .isZero();
        assertThat(files.exists("shared", "/sub/b.txt")).isTrue();

        try (Stream<Path> list = Files.list(hostDir)) {
            assertThat(list).as("nothing created on the host").containsExactly(hostDir.resolve("secret.txt"));
        }
        assertThat(Files.readString(hostDir.resolve("secret.txt"))).isEqualTo("host secret");
    }

    private static Task run(EcsClient ecs, String family, String rootDirectory, String accessPoint, String command) {
        ecs.registerTaskDefinition(r -> r.family(family)
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .volumes(v -> v.name("shared")
                        .efsVolumeConfiguration(e -> e.fileSystemId("shared")
                                .rootDirectory(rootDirectory)
                                .transitEncryption("ENABLED")
                                .authorizationConfig(
                                        accessPoint == null
                                                ? null
                                                : EFSAuthorizationConfig.builder()
                                                        .accessPointId(accessPoint)
                                                        .build())))
                .containerDefinitions(c -> c.name("main")
                        .image("drydock/busybox:1.35-local")
                        .essential(true)
                        .mountPoints(m -> m.sourceVolume("shared").containerPath("/mnt/d"))
                        .entryPoint("sh", "-c")
                        .command(command)));
        return ecs.runTask(r -> r.cluster("links")
                        .taskDefinition(family)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819"))))
                .tasks()
                .get(0);
    }

    private static Task stopped(EcsClient ecs, Task task) {
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("links").tasks(task.taskArn()));
        return ecs.describeTasks(r -> r.cluster("links").tasks(task.taskArn()))
                .tasks()
                .get(0);
    }
}
