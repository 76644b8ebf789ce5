package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ecs.EcsFixtures;
import dev.drydock.efs.EfsFiles;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.EfsAccessPoint;
import dev.drydock.junit.EfsFileSystem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * An EFS access point with a POSIX user: its root directory {@code /app} is created on the first mount with the
 * creation info's owner and permissions, and everything a task (here running as root) creates through it is owned
 * by uid/gid 1000, as on AWS. Needs bindfs on the Docker host (scripts/docker-up.sh installs it).
 */
@EcsCluster(name = "homes")
@EfsFileSystem(
        name = "home",
        accessPoints =
                @EfsAccessPoint(
                        name = "app",
                        rootDirectory = "/app",
                        creationOwnerUid = 1000,
                        creationOwnerGid = 1000,
                        creationPermissions = "755",
                        posixUid = 1000,
                        posixGid = 1000))
class EfsAccessPointSampleTest {

    @Test
    void filesCreatedThroughTheAccessPointAreOwnedByItsPosixUser(EcsClient ecs, EfsFiles files) {
        assertThat(files.exists("home", "/app")).isFalse();
        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/home-app.json"));
        Task task = ecs.runTask(r -> r.cluster("homes")
                        .taskDefinition("home-app")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819"))))
                .tasks()
                .get(0);
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("homes").tasks(task.taskArn()));
        Task stopped = ecs.describeTasks(r -> r.cluster("homes").tasks(task.taskArn()))
                .tasks()
                .get(0);
        assertThat(stopped.containers().get(0).exitCode()).isZero();

        assertThat(files.ownerUid("home", "/app")).isEqualTo(1000);
        assertThat(files.mode("home", "/app")).isEqualTo(0755);
        assertThat(files.readString("home", "/app/report.txt")).isEqualTo("made by the task\n");
        assertThat(files.ownerUid("home", "/app/report.txt")).isEqualTo(1000);
        assertThat(files.ownerGid("home", "/app/report.txt")).isEqualTo(1000);
        assertThat(files.ownerUid("home", "/app/cache")).isEqualTo(1000);
    }
}
