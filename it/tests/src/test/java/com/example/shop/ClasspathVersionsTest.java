package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * Proves that a project ran on the library versions it is about (its pom passes the expected ones as system
 * properties {@code expect.<library>}), so that a passing run cannot hide that Drydock chose the versions after all.
 */
class ClasspathVersionsTest {

    @Test
    void runsOnTheVersionsThisProjectIsAbout() {
        Map<String, String> found = new LinkedHashMap<>();
        found.put("junit", Test.class.getPackage().getImplementationVersion());
        // (not VersionInfo.SDK_VERSION: a constant, compiled into this class)
        found.put("aws-sdk", pomVersion("software.amazon.awssdk", "sdk-core"));
        found.put("efs", pomVersion("software.amazon.awssdk", "efs"));
        found.put("testcontainers", DockerClientFactory.class.getPackage().getImplementationVersion());
        found.put("jackson", PackageVersion.VERSION.toString());
        found.put("assertj", pomVersion("org.assertj", "assertj-core"));
        System.out.println("library versions on this project's test classpath: " + found);

        found.forEach((library, version) -> {
            String expected = System.getProperty("expect." + library, "");
            if (!expected.isEmpty()) {
                assertThat(version).as(library).isEqualTo(expected);
            }
        });
    }

    private static String pomVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ClasspathVersionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
