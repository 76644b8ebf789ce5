package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ecs.EcsFixtures;
import dev.drydock.efs.EfsFiles;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.EfsFileSystem;
import dev.drydock.junit.FargateService;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.efs.EfsClient;

/**
 * Two Fargate services share one EFS file system: the writer writes a file, the reader (another service, another
 * task) sees it and copies it. The file outlives the writer's task: a task started after it stopped still reads it.
 * The task definitions name the file system by its name ({@code "fileSystemId": "uploads"}).
 */
@EcsCluster(name = "media")
@EfsFileSystem(name = "uploads")
@FargateService(cluster = "media", name = "writer", taskDefinition = "ecs/uploads-writer.json")
@FargateService(cluster = "media", name = "reader", taskDefinition = "ecs/uploads-reader.json")
class EfsSharedStorageSampleTest {

    @Test
    void readerSeesWhatWriterWroteAndTheFileOutlivesTheWriter(EcsClient ecs, EfsClient efs, EfsFiles files) {
        ecs.waiter().waitUntilServicesStable(r -> r.cluster("media").services("writer", "reader"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> files.exists("uploads", "/reader-saw.txt"));
        assertThat(files.readString("uploads", "/reader-saw.txt")).isEqualTo("hello from the writer\n");
        assertThat(efs.describeFileSystems().fileSystems())
                .singleElement()
                .satisfies(fs -> assertThat(fs.name()).isEqualTo("uploads"));

        // stop the writer's task; a new task started afterwards still sees the file
        List<String> writerTasks =
                ecs.listTasks(r -> r.cluster("media").serviceName("writer")).taskArns();
        ecs.updateService(r -> r.cluster("media").service("writer").desiredCount(0));
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("media").tasks(writerTasks));

        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/uploads-check.json"));
        Task check = ecs.runTask(r -> r.cluster("media")
                        .taskDefinition("uploads-check")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819"))))
                .tasks()
                .get(0);
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("media").tasks(check.taskArn()));
        Task stopped = ecs.describeTasks(r -> r.cluster("media").tasks(check.taskArn()))
                .tasks()
                .get(0);
        assertThat(stopped.containers().get(0).exitCode())
                .as("grep in the new task")
                .isZero();
    }

    @Test
    void aReadOnlyMountPointCannotBeWritten(EcsClient ecs) {
        ecs.registerTaskDefinition(EcsFixtures.taskDefinitionRequest("ecs/uploads-check.json").toBuilder()
                .family("uploads-readonly")
                .build());
        Task task = ecs.runTask(r -> r.cluster("media")
                        .taskDefinition("uploads-readonly")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0d2c4a1e5b6f70819")))
                        .overrides(o -> o.containerOverrides(c ->
                                c.name("check").command("touch /mnt/uploads/x 2>&1 | grep 'Read-only file system'"))))
                .tasks()
                .get(0);
        ecs.waiter().waitUntilTasksStopped(r -> r.cluster("media").tasks(task.taskArn()));
        Task stopped = ecs.describeTasks(r -> r.cluster("media").tasks(task.taskArn()))
                .tasks()
                .get(0);
        assertThat(stopped.containers().get(0).exitCode())
                .as("touch fails with EROFS")
                .isZero();
    }
}
