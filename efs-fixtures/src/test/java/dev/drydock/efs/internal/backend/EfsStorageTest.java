package dev.drydock.efs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage directories of file systems: one per session, removed at close, swept when their JVM is gone. */
class EfsStorageTest {

    @Test
    void aSessionsStorageIsRemovedAtClose(@TempDir Path base) throws Exception {
        EfsStorage storage = new EfsStorage(base, "s1");
        Path root = storage.fileSystemRoot("fs-0123456789abcdef0");
        Files.writeString(root.resolve("a.txt"), "x");
        assertThat(root).startsWith(base.resolve("s1")).isDirectory();
        assertThat(storage.location("fs-0123456789abcdef0")).isEqualTo(root);
        storage.close();
        assertThat(base.resolve("s1")).doesNotExist();
    }

    @Test
    void storageLeftByACrashedJvmIsSweptAndALiveOnesIsKept(@TempDir Path base) throws Exception {
        Path dead = Files.createDirectories(base.resolve("dead").resolve("fs-0123456789abcdef0"));
        Files.writeString(base.resolve("dead").resolve("drydock-owner"), "2147483646 1");
        EfsStorage live = new EfsStorage(base, "live");
        live.fileSystemRoot("fs-00000000000000001");

        EfsStorage next = new EfsStorage(base, "next");
        next.fileSystemRoot("fs-00000000000000002");

        assertThat(dead).doesNotExist();
        assertThat(base.resolve("dead")).doesNotExist();
        assertThat(base.resolve("live").resolve("fs-00000000000000001"))
                .as("this JVM still runs")
                .isDirectory();
        live.close();
        next.close();
    }

    @Test
    void pathsResolveToRealPathsInsideTheFileSystemFollowingOnlyLinksThatStayInside(@TempDir Path tmp)
            throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path base = Files.createSymbolicLink(tmp.resolve("linked-base"), real);
        EfsStorage storage = new EfsStorage(base, "s1");
        Path root = storage.fileSystemRoot(FS).toRealPath();
        Files.createDirectories(root.resolve("data/in"));
        Files.createSymbolicLink(root.resolve("rel"), Path.of("data/in"));
        Files.createSymbolicLink(root.resolve("abs"), root.resolve("data"));
        Files.createSymbolicLink(root.resolve("chain"), Path.of("rel"));

        assertThat(storage.resolve(FS, "/", null))
                .as("the storage base is a link: answers are real")
                .isEqualTo(root)
                .startsWith(real);
        assertThat(storage.resolve(FS, "/rel", null)).isEqualTo(root.resolve("data/in"));
        assertThat(storage.resolve(FS, "/abs/in/new/x", null)).isEqualTo(root.resolve("data/in/new/x"));
        assertThat(storage.resolve(FS, "/chain/../rel", null))
                .as("`..` is lexical")
                .isEqualTo(root.resolve("data/in"));
        assertThat(storage.entry(FS, "/rel", null)).as("the link itself").isEqualTo(root.resolve("rel"));
        assertThatThrownBy(() -> storage.resolve(FS, "/../s1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/../s1' leaves the root of file system " + FS);
        storage.close();
    }

    @Test
    void linksLeavingTheFileSystemAreRefusedAndNothingIsCreatedThroughThem(@TempDir Path tmp) throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("host"));
        EfsStorage storage = new EfsStorage(tmp.resolve("efs"), "s1");
        Path root = storage.fileSystemRoot(FS);
        Files.createSymbolicLink(root.resolve("hostlink"), outside);
        Files.createSymbolicLink(root.resolve("sneaky"), Path.of("hostlink")); // inside link to the outside link
        Files.createSymbolicLink(root.resolve("up"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("dangling"), outside.resolve("new"));
        Files.createDirectories(root.resolve("d"));

        for (String path : List.of("/hostlink", "/hostlink/one", "/sneaky/x", "/up/x", "/d/../hostlink/x")) {
            List<Path> created = new ArrayList<>();
            assertThatThrownBy(() -> storage.resolve(FS, path, created::add))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + path + "'")
                    .hasMessageContaining("leads outside the file system");
            assertThat(created).isEmpty();
        }
        assertThatThrownBy(() -> storage.resolve(FS, "/dangling/one", dir -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/dangling -> " + outside.resolve("new"))
                .hasMessageContaining("does not resolve");
        assertThat(outside).isEmptyDirectory();
        assertThat(outside.resolve("new")).doesNotExist();
        storage.close();
        assertThat(outside).as("close removes links, not what they point to").isEmptyDirectory();
    }

    @Test
    void missingDirectoriesAreCreatedOneLevelAtATime(@TempDir Path tmp) throws Exception {
        EfsStorage storage = new EfsStorage(tmp, "s1");
        Path root = storage.fileSystemRoot(FS).toRealPath();
        List<Path> created = new ArrayList<>();
        assertThat(storage.resolve(FS, "/a/b/c", created::add)).isDirectory().isEqualTo(root.resolve("a/b/c"));
        assertThat(created).containsExactly(root.resolve("a"), root.resolve("a/b"), root.resolve("a/b/c"));
        created.clear();
        assertThat(storage.resolve(FS, "/a/b/d", created::add)).isDirectory();
        assertThat(created).as("existing parents are left alone").containsExactly(root.resolve("a/b/d"));
        assertThat(storage.resolve(FS, "/a/x/y", null))
                .as("nothing created without a callback")
                .isEqualTo(root.resolve("a/x/y"))
                .doesNotExist();
        storage.close();
    }

    private static final String FS = "fs-0123456789abcdef0";
}
