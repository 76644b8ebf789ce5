package dev.drydock.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Drydock models one region. A request signed for another region is refused as AWS's regional endpoints refuse it:
 * for IAM and STS (query protocol) {@code SignatureDoesNotMatch} (403) "Credential should be scoped to a valid region,
 * not 'eu-west-1'." (the JSON and REST-JSON services answer {@code InvalidSignatureException}: ECS's and EFS's tests
 * and every service's BadInputSuite check them). IAM and STS also accept us-east-1, which their global endpoints are
 * signed for, and {@code aws-global}, which the Java SDK signs with for a {@code Region.AWS_GLOBAL} client given an
 * endpoint override.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionScopeTest {
    private Drydock drydock;
    private SdkHttpClient http;

    @BeforeAll
    void start() {
        drydock = Drydock.builder()
                .setting("runtime", "simulated")
                .region("eu-west-3")
                .start();
        http = ApacheHttpClient.builder().build();
    }

    @AfterAll
    void stop() {
        http.close();
        drydock.close();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            B builder, Region region) {
        return builder.endpointOverride(drydock.endpoint())
                .region(region)
                .credentialsProvider(drydock.credentialsProvider())
                .httpClient(http)
                .build();
    }

    private static void refused(Runnable call, int status, String code) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call::run);
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Credential should be scoped to a valid region, not 'eu-west-1'.");
    }

    @Test
    void clientsOfDrydocksRegionAreServed() {
        try (IamClient iam = client(IamClient.builder(), Region.EU_WEST_3);
                StsClient sts = client(StsClient.builder(), Region.EU_WEST_3)) {
            assertThat(iam.listRoles().roles()).isNotNull();
            assertThat(sts.getCallerIdentity().account()).isEqualTo(drydock.accountId());
        }
    }

    @Test
    void requestsSignedForAnotherRegionAreRefusedAsAwsRefusesThem() {
        try (StsClient sts = client(StsClient.builder(), Region.EU_WEST_1);
                IamClient iam = client(IamClient.builder(), Region.EU_WEST_1)) {
            refused(sts::getCallerIdentity, 403, "SignatureDoesNotMatch");
            refused(iam::listRoles, 403, "SignatureDoesNotMatch");
        }
    }

    @Test
    void iamAndStsAlsoAcceptTheirGlobalEndpointsRegion() {
        try (IamClient iam = client(IamClient.builder(), Region.AWS_GLOBAL);
                IamClient iamUsEast1 = client(IamClient.builder(), Region.US_EAST_1);
                StsClient sts = client(StsClient.builder(), Region.US_EAST_1);
                StsClient stsGlobal = client(StsClient.builder(), Region.AWS_GLOBAL)) {
            assertThat(iam.listRoles().roles()).isNotNull();
            assertThat(iamUsEast1.listRoles().roles()).isNotNull();
            assertThat(sts.getCallerIdentity().account()).isEqualTo(drydock.accountId());
            assertThat(stsGlobal.getCallerIdentity().account()).isEqualTo(drydock.accountId());
        }
    }
}
