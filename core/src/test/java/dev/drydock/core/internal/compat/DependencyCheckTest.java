package dev.drydock.core.internal.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.DrydockException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyCheckTest {
    private static final String CORE_LIST = """
            # a comment
            module dev.drydock:drydock-core 1.0.0
            software.amazon.awssdk:sdk-core [2.36.2,3) 2.40.2 software.amazon.awssdk.core.SdkClient
            com.fasterxml.jackson.core:jackson-databind [2.15.0,3) 2.21.3 com.fasterxml.jackson.databind.ObjectMapper
            com.fasterxml.jackson.core:jackson-annotations [2.15.0,3) 2.21 com.fasterxml.jackson.annotation.JsonInclude
            """;
    private static final String ECS_LIST = """
            module dev.drydock:drydock-ecs-fixtures 1.0.0
            software.amazon.awssdk:ecs [2.36.2,3) 2.40.2 software.amazon.awssdk.services.ecs.EcsClient
            """;
    private static final String JUNIT_LIST = """
            module dev.drydock:drydock-junit-extension 1.0.0
            org.junit.jupiter:junit-jupiter-api [5.10.0,7) 5.14.4 org.junit.jupiter.api.Test
            org.assertj:assertj-core [3.24.0,4) 3.27.7 org.assertj.core.api.AbstractAssert optional
            """;

    @TempDir
    Path dir;

    private final List<URL> jars = new ArrayList<>();

    @Test
    void acceptsVersionsInsideTheRanges() throws IOException {
        standardClasspath("2.40.2", "2.40.2", "2.19.2", "2.19", "6.0.3");

        assertThat(problems()).isEmpty();
    }

    @Test
    void namesAnArtifactBelowItsRangeWithTheVersionFoundTheJarAndTheRange() throws IOException {
        standardClasspath("2.21.1", "2.21.1", "2.19.2", "2.19", "5.14.4");

        assertThat(problems())
                .containsExactly(
                        "software.amazon.awssdk:sdk-core 2.21.1 (sdk-core-2.21.1.jar) is outside the versions Drydock"
                                + " supports: 2.36.2 or newer, below 3 (built and tested with 2.40.2)",
                        "software.amazon.awssdk:ecs 2.21.1 (ecs-2.21.1.jar) is outside the versions Drydock supports:"
                                + " 2.36.2 or newer, below 3 (built and tested with 2.40.2)");
    }

    @Test
    void refusesTooOldAJUnitAndANewMajorVersionOfALibrary() throws IOException {
        standardClasspath("2.40.2", "2.40.2", "2.19.2", "2.19", "5.9.3");
        assertThat(problems()).singleElement().asString().startsWith("org.junit.jupiter:junit-jupiter-api 5.9.3 (");

        jars.clear();
        standardClasspath("3.0.0", "2.40.2", "2.19.2", "2.19", "6.0.3");
        assertThat(problems()).singleElement().asString().startsWith("software.amazon.awssdk:sdk-core 3.0.0 (");
    }

    @Test
    void refusesAnSdkModuleNewerThanTheSdkCoreItRunsOn() throws IOException {
        standardClasspath("2.40.2", "2.59.1", "2.19.2", "2.19", "5.14.4");

        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith(
                        "software.amazon.awssdk:ecs 2.59.1 is newer than the software.amazon.awssdk:sdk-core 2.40.2");
    }

    @Test
    void acceptsAnOlderSdkModuleOnANewerSdkCore() throws IOException {
        // a newer SDK BOM with efs pinned to an older release, as this project's consumer test does
        standardClasspath("2.59.1", "2.40.2", "2.19.2", "2.19", "5.14.4");

        assertThat(problems()).isEmpty();
    }

    @Test
    void refusesJacksonAnnotationsOlderThanDatabindsMinorVersion() throws IOException {
        // databind 2.21 needs annotations 2.21 (it loads JsonSerializeAs, which 2.19 lacks)
        standardClasspath("2.40.2", "2.40.2", "2.21.3", "2.19", "5.14.4");

        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith(
                        "com.fasterxml.jackson.core:jackson-annotations 2.19 is older than the jackson-databind 2.21.3");
    }

    @Test
    void namesAMissingRequiredArtifactAndIgnoresAMissingOptionalOne() throws IOException {
        lists();
        pomJar("software.amazon.awssdk", "sdk-core", "2.40.2", "software.amazon.awssdk.core.SdkClient");
        pomJar("software.amazon.awssdk", "ecs", "2.40.2", "software.amazon.awssdk.services.ecs.EcsClient");
        pomJar(
                "com.fasterxml.jackson.core",
                "jackson-databind",
                "2.19.2",
                "com.fasterxml.jackson.databind.ObjectMapper");
        manifestJar("junit-jupiter-api-5.14.4.jar", "5.14.4", "org.junit.jupiter.api.Test");

        assertThat(problems())
                .containsExactly("com.fasterxml.jackson.core:jackson-annotations is missing from the classpath (Drydock"
                        + " needs a version in [2.15.0,3); it was built with 2.21): was it excluded?");
    }

    @Test
    void checksAnOptionalArtifactThatIsPresent() throws IOException {
        standardClasspath("2.40.2", "2.40.2", "2.19.2", "2.19", "5.14.4");
        pomJar("org.assertj", "assertj-core", "3.20.2", "org.assertj.core.api.AbstractAssert");

        assertThat(problems()).singleElement().asString().startsWith("org.assertj:assertj-core 3.20.2 (");
    }

    @Test
    void refusesDrydockModulesOfDifferentVersions() throws IOException {
        standardClasspath("2.40.2", "2.40.2", "2.19.2", "2.19", "5.14.4");
        listJar("other-module", "module dev.drydock:drydock-efs-fixtures 0.9.0\n");

        assertThat(problems())
                .containsExactly("Drydock's modules are of different versions {dev.drydock:drydock-core=1.0.0,"
                        + " dev.drydock:drydock-ecs-fixtures=1.0.0, dev.drydock:drydock-efs-fixtures=0.9.0,"
                        + " dev.drydock:drydock-junit-extension=1.0.0}: use one version for all of them (import"
                        + " dev.drydock:drydock-bom)");
    }

    @Test
    void comparesVersionsByTheirNumbersAndPutsAPreReleaseBeforeItsRelease() {
        assertThat(DependencyCheck.Version.compare("2.40.10", "2.40.9")).isPositive();
        assertThat(DependencyCheck.Version.compare("2.21", "2.21.0")).isZero();
        assertThat(DependencyCheck.Version.compare("5.14.0-M1", "5.14.0")).isNegative();
        assertThat(DependencyCheck.Version.compare("5.14.0-M1", "5.13.4")).isPositive();
        assertThat(DependencyCheck.Version.compare("4.1.118.Final", "4.1.118")).isZero();
        assertThat(DependencyCheck.Version.minor("2.21.3")).isEqualTo("2.21");
        assertThat(DependencyCheck.Range.parse("[5.10.0,7)").contains("6.0.3")).isTrue();
        assertThat(DependencyCheck.Range.parse("[5.10.0,7)").contains("7.0.0-M1"))
                .isFalse();
        assertThat(DependencyCheck.Range.parse("[5.10.0,7)").contains("5.10.0-RC1"))
                .isFalse();
    }

    @Test
    void drydocksOwnClasspathPasses() {
        // core's own list (target/classes) against the jars this build really resolved
        assertThat(DependencyCheck.problems(DependencyCheck.class.getClassLoader()))
                .isEmpty();
    }

    @Test
    void refusesAnUnknownModeAndChecksNothingWhenOff() {
        assertThatThrownBy(() -> DependencyCheck.verify("sometimes"))
                .isInstanceOf(DrydockException.class)
                .hasMessage("The Drydock setting dependency-check is 'sometimes'; set it to fail (the default), warn or"
                        + " off.");
        DependencyCheck.verify("off");
        DependencyCheck.verify("fail");
    }

    @Test
    void aBackgroundCheckRethrowsItsFailureWithWhatWentWrongMeanwhile() {
        DependencyCheck.await(DependencyCheck.verifyInBackground("fail"), null);

        NoSuchMethodError meanwhile = new NoSuchMethodError("software.amazon.awssdk.Something.newMethod()");
        assertThatThrownBy(() -> DependencyCheck.await(DependencyCheck.verifyInBackground("sometimes"), meanwhile))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("dependency-check is 'sometimes'")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(meanwhile));
    }

    private void standardClasspath(String sdkCore, String ecs, String databind, String annotations, String junit)
            throws IOException {
        lists();
        pomJar("software.amazon.awssdk", "sdk-core", sdkCore, "software.amazon.awssdk.core.SdkClient");
        pomJar("software.amazon.awssdk", "ecs", ecs, "software.amazon.awssdk.services.ecs.EcsClient");
        pomJar(
                "com.fasterxml.jackson.core",
                "jackson-databind",
                databind,
                "com.fasterxml.jackson.databind.ObjectMapper");
        pomJar(
                "com.fasterxml.jackson.core",
                "jackson-annotations",
                annotations,
                "com.fasterxml.jackson.annotation.JsonInclude");
        // JUnit's jars are built by Gradle: no pom.properties, the version is in the manifest
        manifestJar("junit-jupiter-api-" + junit + ".jar", junit, "org.junit.jupiter.api.Test");
    }

    private void lists() throws IOException {
        listJar("drydock-core", CORE_LIST);
        listJar("drydock-ecs-fixtures", ECS_LIST);
        listJar("drydock-junit-extension", JUNIT_LIST);
    }

    private List<String> problems() {
        try (URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), null)) {
            return DependencyCheck.problems(loader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void listJar(String name, String list) throws IOException {
        jar(name + ".jar", new Manifest(), Map.of(DependencyCheck.RESOURCE, list));
    }

    private void pomJar(String group, String artifact, String version, String anchorClass) throws IOException {
        jar(
                artifact + "-" + version + ".jar",
                new Manifest(),
                Map.of(
                        "META-INF/maven/" + group + "/" + artifact + "/pom.properties",
                        "groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n",
                        anchorClass.replace('.', '/') + ".class",
                        ""));
    }

    private void manifestJar(String name, String version, String anchorClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        jar(name, manifest, Map.of(anchorClass.replace('.', '/') + ".class", ""));
    }

    private void jar(String name, Manifest manifest, Map<String, String> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = manifest.getMainAttributes().isEmpty()
                        ? new JarOutputStream(out)
                        : new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        jars.add(file.toUri().toURL());
    }
}
