package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Fixtures for {@link SdkDefaultsTest}; run only through it. The clients here are built the way application code
 * builds them, from the SDK's defaults, not injected.
 */
class SdkDefaultsTestCases {

    @EcsCluster(name = "defaults")
    static class ApplicationCode {

        @BeforeAll
        static void alreadyInBeforeAll() {
            try (EcsClient ecs = EcsClient.create()) {
                assertThat(ecs.listClusters().clusterArns())
                        .singleElement()
                        .asString()
                        .endsWith(":cluster/defaults");
            }
        }

        @Test
        void ecsClientCreateReachesDrydock(Drydock drydock) {
            try (EcsClient ecs = EcsClient.create()) {
                assertThat(ecs.listClusters().clusterArns())
                        .containsExactly(
                                "arn:aws:ecs:" + drydock.region() + ":" + drydock.accountId() + ":cluster/defaults");
            }
        }

        @Test
        void stsClientCreateSignsAsTheTestPrincipal(Drydock drydock) {
            try (StsClient sts = StsClient.create()) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo(drydock.testPrincipalArn());
            }
        }

        @Test
        void theSdkPropertiesPointAtDrydock(Drydock drydock) {
            assertThat(System.getProperty("aws.endpointUrl"))
                    .isEqualTo(drydock.endpoint().toString());
            assertThat(System.getProperty("aws.region")).isEqualTo(drydock.region());
            assertThat(System.getProperty("aws.sessionToken"))
                    .as("a session token left from before")
                    .isNull();
        }
    }
}
