package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.efs.EfsFiles;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.AccessPointDescription;

/** Fixtures for {@link EfsDeclarationTest}; run only through it. */
class EfsDeclarationTestCases {

    /** Declared after the service that mounts it: file systems are still created first. */
    @EcsCluster(name = "media")
    @FargateService(cluster = "media", name = "app", taskDefinition = "ecs/efs-sleeper.json")
    @EfsFileSystem(
            name = "uploads",
            accessPoints =
                    @EfsAccessPoint(
                            name = "app",
                            rootDirectory = "/app",
                            creationOwnerUid = 1000,
                            creationOwnerGid = 1000,
                            creationPermissions = "750"))
    static class FileSystemForAService {
        @Test
        void theServiceMountsTheDeclaredFileSystem(EcsClient ecs, EfsClient efs, EfsFiles files) {
            ecs.waiter().waitUntilServicesStable(r -> r.cluster("media").services("app"));
            var fs = efs.describeFileSystems().fileSystems();
            assertThat(fs).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("uploads"));
            assertThat(efs.describeAccessPoints(r -> r.fileSystemId(fs.get(0).fileSystemId()))
                            .accessPoints())
                    .extracting(AccessPointDescription::name)
                    .containsExactly("app");
            assertThat(files.exists("uploads", "/app"))
                    .as("created by the task's first mount")
                    .isTrue();
            assertThat(files.mode("uploads", "/app")).isEqualTo(0750);
        }
    }

    @EfsFileSystem(name = "broken", policy = "efs/no-principal.json")
    static class MalformedFileSystemPolicy extends DeclarationErrorsTestCases.NeverRuns {}

    @EfsFileSystem(name = "lost", policy = "efs/does-not-exist.json")
    static class MissingFileSystemPolicy extends DeclarationErrorsTestCases.NeverRuns {}
}
