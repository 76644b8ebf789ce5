package dev.drydock.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.core.spi.TaskVolumeProvider.EfsVolumeRequest;
import dev.drydock.core.spi.TaskVolumeProvider.Mount;
import dev.drydock.core.spi.TaskVolumeProvider.VolumeFailure;
import dev.drydock.efs.internal.EfsServiceModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links a task creates in a file system never make Drydock reach the host outside it: EFS resolves every
 * path inside the file system, so a volume's rootDirectory, an access point's root directory and {@link EfsFiles}
 * paths through a link that leaves the file system are refused, and nothing outside is created or changed.
 */
class EfsSymlinkTest {
    static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef0123456789abcdef";

    @TempDir
    Path host;

    Path outside;
    Drydock drydock;
    EfsServiceModule efs;
    EfsFiles files;
    Path root;

    @BeforeEach
    void start() throws Exception {
        outside = Files.createDirectories(host.resolve("hostdir"));
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(outside.resolve("secret.txt"), "host secret");
        Files.setLastModifiedTime(outside, FileTime.fromMillis(1_000_000L));
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .fixture(EfsFixtures.fileSystem("shared")
                        .accessPoint("apps-one", "/apps/one", 1000L, 1000L, "777", null, null)
                        .accessPoint("linked", "/hostlink", null, null, null, null, null))
                .start();
        efs = EfsServiceModule.of(drydock);
        files = EfsFiles.of(drydock);
        root = efs.storage()
                .fileSystemRoot(
                        efs.backend().fileSystemNamed("shared").orElseThrow().id());
        // what a task mounting the file system at /d can do: ln -s /tmp/hostdir /d/hostlink; ln -s ... /d/apps
        Files.createSymbolicLink(root.resolve("hostlink"), outside);
        Files.createSymbolicLink(root.resolve("apps"), outside);
    }

    @AfterEach
    void stop() throws Exception {
        drydock.close();
        assertThat(outside).as("closing removes the links, not the host files").isDirectory();
        assertUntouched();
    }

    private void assertUntouched() throws Exception {
        try (var list = Files.list(outside)) {
            assertThat(list).as("nothing created in the host directory").containsExactly(outside.resolve("secret.txt"));
        }
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("host secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)))
                .isEqualTo("rwx------");
        assertThat(Files.getLastModifiedTime(outside).toMillis()).isEqualTo(1_000_000L);
    }

    private Mount mount(String ap, String rootDirectory) {
        return efs.efsVolume(new EfsVolumeRequest(TASK, null, "v", "shared", rootDirectory, "ENABLED", ap, null));
    }

    @Test
    void aRootDirectoryThroughALinkLeavingTheFileSystemFailsTheMount() throws Exception {
        for (String path : new String[] {"/hostlink", "/hostlink/", "/apps"}) {
            var e = catchThrowableOfType(VolumeFailure.class, () -> mount(null, path));
            assertThat(e.getMessage())
                    .startsWith("ResourceInitializationError: failed to invoke EFS utils commands "
                            + "to set up EFS volumes: stderr: b'mount.nfs4: mounting fs-")
                    .contains(":" + path + " failed, reason given by server: No such file or directory'")
                    .contains("symbolic link "
                            + path.substring(0, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1))
                            + " -> " + outside)
                    .contains("leads outside the file system");
        }
        assertUntouched();
    }

    @Test
    void anAccessPointRootDirectoryIsNeverCreatedOrChownedThroughALink() throws Exception {
        var e = catchThrowableOfType(VolumeFailure.class, () -> mount("apps-one", null));
        assertThat(e.getMessage())
                .contains("mount.nfs4: access denied by server while mounting 127.0.0.1:/")
                .contains("/apps/one")
                .contains("leads outside the file system");
        assertThat(outside.resolve("one")).doesNotExist();

        var existing = catchThrowableOfType(VolumeFailure.class, () -> mount("linked", null));
        assertThat(existing.getMessage())
                .contains("access denied by server")
                .contains("/hostlink")
                .contains("leads outside the file system");
        assertUntouched();
    }

    @Test
    void efsFilesRefusesPathsThroughALinkLeavingTheFileSystem() throws Exception {
        assertThatThrownBy(() -> files.readString("shared", "/hostlink/secret.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/hostlink/secret.txt'")
                .hasMessageContaining("leads outside the file system");
        assertThatThrownBy(() -> files.writeString("shared", "/hostlink/secret.txt", "owned"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/hostlink/secret.txt'");
        assertThatThrownBy(() -> files.writeString("shared", "/apps/new/x.txt", "owned"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/apps/new/x.txt'");
        assertThatThrownBy(() -> files.list("shared", "/hostlink")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.exists("shared", "/hostlink/secret.txt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.mode("shared", "/apps/secret.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.readString("shared", "/../hostdir/secret.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the root");
        assertThat(files.exists("shared", "/hostlink"))
                .as("the link itself is inside")
                .isTrue();
        assertUntouched();
    }

    @Test
    void linksThatStayInsideTheFileSystemKeepWorking() throws Exception {
        files.writeString("shared", "/data/in/a.txt", "inside");
        Files.createSymbolicLink(root.resolve("rel"), Path.of("data/in"));
        Files.createSymbolicLink(root.resolve("data/abs"), root.resolve("data/in"));
        Files.createSymbolicLink(root.resolve("file-link"), Path.of("data/in/a.txt"));

        assertThat(files.readString("shared", "/rel/a.txt")).isEqualTo("inside");
        assertThat(files.readString("shared", "/data/abs/a.txt")).isEqualTo("inside");
        files.writeString("shared", "/file-link", "rewritten");
        assertThat(files.readString("shared", "/data/in/a.txt")).isEqualTo("rewritten");
        assertThat(Files.isSymbolicLink(root.resolve("file-link"))).isTrue();
        assertThat(files.list("shared", "/rel")).containsExactly("a.txt");

        Mount m = mount(null, "/rel");
        assertThat(m.hostPath())
                .as("Docker gets the real directory, not a link it would follow")
                .isEqualTo(root.toRealPath().resolve("data/in").toString());
        assertUntouched();
    }
}
