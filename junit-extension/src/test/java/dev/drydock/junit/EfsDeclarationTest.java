package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.classFailure;
import static dev.drydock.junit.FixtureRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link EfsFileSystem}: created before services, injectable clients and files, and declaration errors. */
class EfsDeclarationTest {

    @Test
    void fileSystemsExistBeforeTheServicesThatMountThem() {
        assertAllPassed(execute(EfsDeclarationTestCases.FileSystemForAService.class), 1);
    }

    @Test
    void aMalformedFileSystemPolicyFailsTheClassNamingTheFile() {
        assertThat(classFailure(execute(EfsDeclarationTestCases.MalformedFileSystemPolicy.class)))
                .hasMessageStartingWith("MalformedFileSystemPolicy: @EfsFileSystem(name = \"broken\"): ")
                .hasMessageContaining("InvalidPolicyException")
                .hasMessageContaining("Fix src/test/resources/efs/no-principal.json");
    }

    @Test
    void aMissingFileSystemPolicyFile() {
        assertThat(classFailure(execute(EfsDeclarationTestCases.MissingFileSystemPolicy.class)))
                .hasMessageStartingWith("MissingFileSystemPolicy: @EfsFileSystem(name = \"lost\"): ")
                .hasMessageContaining("Put it under src/test/resources/efs/does-not-exist.json");
    }
}
