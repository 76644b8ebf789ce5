package dev.drydock.efs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(base.resolve("live").resolve("fs-00000000000000001")).as("this JVM still runs").isDirectory();
        live.close();
        next.close();
    }
}
