package dev.drydock.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.core.spi.TaskVolumeProvider.EfsVolumeRequest;
import dev.drydock.core.spi.TaskVolumeProvider.Mount;
import dev.drydock.core.spi.TaskVolumeProvider.VolumeFailure;
import dev.drydock.efs.internal.EfsServiceModule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.efs.EfsClient;

/**
 * How a task's EFS volume is prepared (what ECS asks the EFS model when a task starts), without containers:
 * resolution by name or id, access point root directories, IAM mount authorization and its decision log entries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EfsMountTest {
    static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef";

    Drydock drydock;
    EfsServiceModule efs;
    String roleArn;

    @BeforeAll
    void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .fixture(IamFixtures.role("app").policy("iam/efs-reader.json"))
                .fixture(EfsFixtures.fileSystem("open")
                        .accessPoint("created", "/a/b", 1000L, 2000L, "750", 1000L, 2000L)
                        .accessPoint("missing", "/nowhere", null, null, null, null, null))
                .fixture(EfsFixtures.fileSystem("mount-only").policy("efs/mount-only.json"))
                .start();
        efs = EfsServiceModule.of(drydock);
        roleArn = "arn:aws:iam::123456789012:role/app";
    }

    @AfterAll
    void stop() {
        drydock.close();
    }

    private Mount mount(String fs, String ap, String root, String iam) {
        return efs.efsVolume(new EfsVolumeRequest(TASK, roleArn, "v", fs, root, "ENABLED", ap, iam));
    }

    @Test
    void aFileSystemNamedByNameOrIdMountsItsRootReadWrite() {
        Mount byName = mount("open", null, null, null);
        String id = efs.backend().fileSystemNamed("open").orElseThrow().id();
        Mount byId = mount(id, null, "/", null);
        assertThat(byName).isEqualTo(byId);
        assertThat(byName.readOnly()).isFalse();
        assertThat(Path.of(byName.hostPath())).isDirectory();
    }

    @Test
    void aFailingTestsReportListsTheFileSystems() {
        assertThat(drydock.diagnostics())
                .contains("Drydock EFS file systems (")
                .contains("(open), access point fsap-")
                .contains(" /a/b as 1000:2000")
                .contains("(mount-only), file system policy set; files in ");
    }

    @Test
    void anUnknownFileSystemFailsTheTaskAsEcsDoes() {
        var e = catchThrowableOfType(VolumeFailure.class, () -> mount("fs-0123456789abcdef0", null, null, null));
        assertThat(e.getMessage())
                .startsWith(
                        "ResourceInitializationError: failed to invoke EFS utils commands to "
                                + "set up EFS volumes: stderr: Failed to resolve \"fs-0123456789abcdef0.efs.us-east-1.amazonaws.com\"");
    }

    @Test
    void aMissingRootDirectoryFailsTheMount() {
        var e = catchThrowableOfType(VolumeFailure.class, () -> mount("open", null, "/not-there", null));
        assertThat(e.getMessage()).contains("No such file or directory");
    }

    @Test
    void anAccessPointCreatesItsRootDirectoryWithItsCreationInfo() throws Exception {
        Mount m = mount("open", "created", null, null);
        EfsFiles files = EfsFiles.of(drydock);
        assertThat(files.ownerUid("open", "/a/b")).isEqualTo(1000);
        assertThat(files.ownerGid("open", "/a/b")).isEqualTo(2000);
        assertThat(files.mode("open", "/a/b")).isEqualTo(0750);
        assertThat(files.ownerUid("open", "/a")).isEqualTo(1000);
        assertThat(Files.isDirectory(Path.of(m.hostPath()))).isTrue();
    }

    @Test
    void anAccessPointWithoutItsRootDirectoryAndNoCreationInfoFailsTheMount() {
        var e = catchThrowableOfType(VolumeFailure.class, () -> mount("open", "missing", null, null));
        assertThat(e.getMessage()).contains("access denied by server").contains("/nowhere");
    }

    @Test
    void withoutAFileSystemPolicyIamAllowsEverythingAndRecordsIt() {
        Mount m = mount("open", null, null, "ENABLED");
        assertThat(m.readOnly()).isFalse();
        assertThat(drydock.decisionLog()
                        .decisions(d -> d.action().equals("elasticfilesystem:ClientRootAccess")
                                && d.resource()
                                        .equals(efs.backend()
                                                .fileSystemNamed("open")
                                                .orElseThrow()
                                                .arn())))
                .isNotEmpty()
                .allMatch(AuthorizationDecision::allowed);
    }

    @Test
    void aPolicyGrantingOnlyClientMountGivesAReadOnlyMount() {
        Mount m = mount("mount-only", null, null, "ENABLED");
        assertThat(m.readOnly()).isTrue();
        String arn = efs.backend().fileSystemNamed("mount-only").orElseThrow().arn();
        assertThat(drydock.decisionLog()
                        .decisions(d -> d.resource().equals(arn) && d.action().equals("elasticfilesystem:ClientWrite")))
                .isNotEmpty()
                .noneMatch(AuthorizationDecision::allowed);
    }

    @Test
    void iamWithoutTransitEncryptionDoesNotSatisfyASecureTransportCondition() {
        var e = catchThrowableOfType(
                VolumeFailure.class,
                () -> efs.efsVolume(
                        new EfsVolumeRequest(TASK, roleArn, "v", "mount-only", null, "DISABLED", null, "ENABLED")));
        assertThat(e.getMessage()).contains("access denied by server").contains("ClientMount");
    }

    @Test
    void iamWithoutATaskRoleFailsTheMount() {
        var e = catchThrowableOfType(
                VolumeFailure.class,
                () -> efs.efsVolume(new EfsVolumeRequest(TASK, null, "v", "open", null, "ENABLED", null, "ENABLED")));
        assertThat(e.getMessage()).contains("no task role");
    }

    @Test
    void aMalformedFixturePolicyFailsTheDeclarationAndCreatesNothing() {
        int before = efs.backend().fileSystemIds().size();
        int accessPointsBefore;
        try (EfsClient client = drydock.client(EfsClient.builder())) {
            accessPointsBefore =
                    client.describeAccessPoints(r -> {}).accessPoints().size();
        }
        var e = catchThrowableOfType(
                DrydockException.class,
                () -> drydock.apply(EfsFixtures.fileSystem("broken")
                        .accessPoint("broken-ap", "/app", null, null, null, null, null)
                        .policy("efs/malformed.json")));
        assertThat(e.getMessage())
                .contains("EfsFixtures.fileSystem(\"broken\")")
                .contains("InvalidPolicyException")
                .contains("efs/malformed.json");
        assertThat(efs.backend().fileSystemIds()).hasSize(before);
        try (EfsClient client = drydock.client(EfsClient.builder())) {
            assertThat(client.describeFileSystems().fileSystems()).hasSize(before);
            assertThat(client.describeAccessPoints(r -> {}).accessPoints())
                    .as("the access point is deleted again too")
                    .hasSize(accessPointsBefore);
        }
    }
}
