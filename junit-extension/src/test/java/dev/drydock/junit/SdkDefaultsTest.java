package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Application code that builds its own clients from the SDK's defaults ({@code EcsClient.create()}) reaches Drydock
 * during the test class, and the SDK's system properties are as they were afterwards.
 */
class SdkDefaultsTest {
    private static final List<String> PROPERTIES = List.of(
            "aws.endpointUrl",
            "aws.endpointUrlEcs",
            "aws.endpointUrlSts",
            "aws.region",
            "aws.accessKeyId",
            "aws.secretAccessKey",
            "aws.sessionToken");
    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void rememberTheProperties() {
        PROPERTIES.forEach(p -> before.put(p, System.getProperty(p)));
    }

    @AfterEach
    void restoreTheProperties() {
        before.forEach((p, v) -> {
            if (v == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, v);
            }
        });
    }

    @Test
    void clientsFromTheSdkDefaultsReachDrydockAndThePropertiesAreRestoredAfterwards() {
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:9/not-drydock");
        System.setProperty("aws.region", "eu-north-1");
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        System.setProperty("aws.sessionToken", "a-token-from-before");
        System.clearProperty("aws.endpointUrlEcs");
        System.clearProperty("aws.endpointUrlSts");

        EngineExecutionResults results = execute(SdkDefaultsTestCases.ApplicationCode.class);

        assertAllPassed(results, 3);
        assertThat(System.getProperty("aws.endpointUrl")).isEqualTo("http://127.0.0.1:9/not-drydock");
        assertThat(System.getProperty("aws.region")).isEqualTo("eu-north-1");
        assertThat(System.getProperty("aws.accessKeyId")).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(System.getProperty("aws.secretAccessKey")).isEqualTo("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThat(System.getProperty("aws.sessionToken")).isEqualTo("a-token-from-before");
        assertThat(System.getProperty("aws.endpointUrlEcs"))
                .as("aws.endpointUrlEcs, unset before")
                .isNull();
        assertThat(System.getProperty("aws.endpointUrlSts"))
                .as("aws.endpointUrlSts, unset before")
                .isNull();
    }

    @Test
    void propertiesThatWereUnsetAreUnsetAfterwards() {
        PROPERTIES.forEach(System::clearProperty);

        EngineExecutionResults results = execute(ClassLifecycleTestCases.FirstClass.class);

        assertAllPassed(results, 1);
        assertThat(PROPERTIES)
                .allSatisfy(p -> assertThat(System.getProperty(p)).as(p).isNull());
    }
}
