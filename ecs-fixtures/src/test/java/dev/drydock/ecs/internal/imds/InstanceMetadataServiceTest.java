package dev.drydock.ecs.internal.imds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.ecs.internal.EcsServiceModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The instance metadata service of a container instance, against the AWS SDK for Java v2's own IMDS client
 * ({@link InstanceProfileCredentialsProvider} with its endpoint pointed at the service) and plain HTTP for the shapes:
 * IMDSv2 tokens and IMDSv1, the instance profile's credentials (a session of its role, named after the instance id,
 * authorized as the role), 401/400/403/404 as EC2 answers them, the identity document. Simulated runtime, no Docker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceMetadataServiceTest {
    private Drydock drydock;
    private EcsClient ecs;
    private InstanceMetadataServer withProfile;
    private InstanceMetadataServer withoutProfile;
    private String instanceId;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        SimulatedRuntime sim = new SimulatedRuntime();
        drydock = Drydock.builder().runtime(() -> sim).start();
        ecs = drydock.client(EcsClient.builder());
        drydock.apply(IamFixtures.role("ec2-app")
                .trustPolicy("iam/ec2-trust.json")
                .policy("iam/instance-lists-clusters.json"));
        drydock.apply(EcsFixtures.cluster("imds"));
        drydock.apply(EcsFixtures.containerInstances("imds", 1, "m5.large")
                .availabilityZones("us-east-1b")
                .instanceProfile("ec2-app"));
        drydock.apply(EcsFixtures.cluster("bare"));
        drydock.apply(EcsFixtures.containerInstances("bare", 1, "t3.small"));
        EcsServiceModule module = EcsServiceModule.of(drydock);
        String arn = ecs.listContainerInstances(r -> r.cluster("imds"))
                .containerInstanceArns()
                .get(0);
        instanceId = ecs.describeContainerInstances(r -> r.cluster("imds").containerInstances(arn))
                .containerInstances()
                .get(0)
                .ec2InstanceId();
        withProfile = new InstanceMetadataServer(module.instanceMetadata(arn), null);
        String bare = ecs.listContainerInstances(r -> r.cluster("bare"))
                .containerInstanceArns()
                .get(0);
        withoutProfile = new InstanceMetadataServer(module.instanceMetadata(bare), null);
    }

    @AfterAll
    void stop() {
        withProfile.close();
        withoutProfile.close();
        ecs.close();
        drydock.close();
    }

    private static String endpoint(InstanceMetadataServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void theSdksInstanceProfileProviderGetsASessionOfTheInstanceRoleAuthorizedAsThatRole() {
        AwsCredentials credentials = InstanceProfileCredentialsProvider.builder()
                .endpoint(endpoint(withProfile))
                .build()
                .resolveCredentials();
        assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
        assertThat(credentials.accessKeyId()).startsWith("ASIA");

        StaticCredentialsProvider provider = StaticCredentialsProvider.create(credentials);
        try (StsClient sts = StsClient.builder()
                        .endpointOverride(drydock.endpoint())
                        .region(Region.of(drydock.region()))
                        .credentialsProvider(provider)
                        .httpClient(ApacheHttpClient.create())
                        .build();
                EcsClient asInstance = EcsClient.builder()
                        .endpointOverride(drydock.endpoint())
                        .region(Region.of(drydock.region()))
                        .credentialsProvider(provider)
                        .httpClient(ApacheHttpClient.create())
                        .build()) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::" + drydock.accountId() + ":assumed-role/ec2-app/" + instanceId);
            drydock.decisionLog().clear();
            asInstance.listClusters();
            assertThatThrownBy(() -> asInstance.deleteCluster(r -> r.cluster("imds")))
                    .isInstanceOf(SdkServiceException.class)
                    .hasMessageContaining("assumed-role/ec2-app/" + instanceId)
                    .hasMessageContaining("ecs:DeleteCluster");
        }
        List<AuthorizationDecision> decisions = drydock.decisionLog().decisionsFor("ec2-app");
        assertThat(decisions)
                .extracting(AuthorizationDecision::action, AuthorizationDecision::allowed)
                .contains(tuple("ecs:ListClusters", true), tuple("ecs:DeleteCluster", false));
    }

    @Test
    void tokensFlowAsImdsV2AndRequestsWithoutATokenAreImdsV1() throws Exception {
        HttpResponse<String> token =
                put(withProfile, "/latest/api/token", Map.of(InstanceMetadataService.TTL_HEADER, "60"));
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue(InstanceMetadataService.TTL_HEADER))
                .hasValue("60");
        assertThat(token.headers().firstValue("Server")).hasValue("EC2ws");
        String t = token.body();

        HttpResponse<String> v2 = get(withProfile, "/latest/meta-data/instance-id", t);
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(v2.body()).isEqualTo(instanceId);
        HttpResponse<String> v1 = get(withProfile, "/latest/meta-data/instance-id", null);
        assertThat(v1.statusCode()).isEqualTo(200);
        assertThat(v1.body()).isEqualTo(instanceId);

        assertThat(get(withProfile, "/latest/meta-data/instance-id", "AQAEA-not-a-token")
                        .statusCode())
                .isEqualTo(401);
        assertThat(put(withProfile, "/latest/api/token", Map.of()).statusCode()).isEqualTo(400);
        assertThat(put(withProfile, "/latest/api/token", Map.of(InstanceMetadataService.TTL_HEADER, "21601"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(put(
                                withProfile,
                                "/latest/api/token",
                                Map.of(InstanceMetadataService.TTL_HEADER, "60", "X-Forwarded-For", "10.0.0.9"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void metadataCategoriesAndTheCredentialsDocumentHaveEc2sShapes() throws Exception {
        String t = put(withProfile, "/latest/api/token", Map.of(InstanceMetadataService.TTL_HEADER, "21600"))
                .body();
        assertThat(get(withProfile, "/latest/meta-data/", t).body().split("\n"))
                .contains("ami-id", "iam/", "instance-id", "instance-type", "local-ipv4", "placement/");
        assertThat(get(withProfile, "/latest/meta-data/instance-type", t).body())
                .isEqualTo("m5.large");
        assertThat(get(withProfile, "/latest/meta-data/placement/availability-zone", t)
                        .body())
                .isEqualTo("us-east-1b");
        assertThat(get(withProfile, "/latest/meta-data/local-ipv4", t).body()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(get(withProfile, "/latest/meta-data/iam/security-credentials/", t)
                        .body())
                .isEqualTo("ec2-app");
        assertThat(get(withProfile, "/latest/meta-data/iam/info", t).body())
                .contains("\"Code\":\"Success\"")
                .contains(
                        "\"InstanceProfileArn\":\"arn:aws:iam::" + drydock.accountId() + ":instance-profile/ec2-app\"")
                .containsPattern("\"InstanceProfileId\":\"AIPA[A-Z0-9]{17}\"");
        assertThat(get(withProfile, "/latest/meta-data/iam/security-credentials/ec2-app", t)
                        .body())
                .containsPattern("^\\{\"Code\":\"Success\",\"LastUpdated\":\"[0-9T:-]+Z\",\"Type\":\"AWS-HMAC\","
                        + "\"AccessKeyId\":\"ASIA[A-Z0-9]+\",\"SecretAccessKey\":\"[^\"]+\",\"Token\":\"[^\"]+\","
                        + "\"Expiration\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"}$");
        HttpResponse<String> unknownRole = get(withProfile, "/latest/meta-data/iam/security-credentials/other", t);
        assertThat(unknownRole.statusCode()).isEqualTo(404);
        assertThat(unknownRole.body()).contains("<title>404 - Not Found</title>");
        assertThat(get(withProfile, "/latest/dynamic/instance-identity/document", t)
                        .body())
                .contains("\"accountId\":\"" + drydock.accountId() + "\"")
                .contains("\"availabilityZone\":\"us-east-1b\"")
                .contains("\"instanceId\":\"" + instanceId + "\"")
                .contains("\"instanceType\":\"m5.large\"")
                .contains("\"region\":\"us-east-1\"")
                .contains("\"version\":\"2017-09-30\"");
    }

    @Test
    void anInstanceWithoutAProfileHasNoIamCategoryAndTheSdkFindsNoCredentials() throws Exception {
        assertThat(get(withoutProfile, "/latest/meta-data/", null).body()).doesNotContain("iam/");
        assertThat(get(withoutProfile, "/latest/meta-data/iam/security-credentials/", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(withoutProfile, "/latest/meta-data/instance-type", null).body())
                .isEqualTo("t3.small");
        assertThatThrownBy(() -> InstanceProfileCredentialsProvider.builder()
                        .endpoint(endpoint(withoutProfile))
                        .build()
                        .resolveCredentials())
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void whenImdsV2IsRequiredRequestsWithoutATokenGet401AndTheSdkStillGetsCredentials() throws Exception {
        SimulatedRuntime sim = new SimulatedRuntime();
        try (Drydock required = Drydock.builder()
                        .runtime(() -> sim)
                        .setting(RoutedInstanceMetadata.TOKENS_REQUIRED, "true")
                        .start();
                EcsClient client = required.client(EcsClient.builder())) {
            required.apply(IamFixtures.role("ec2-app").trustPolicy("iam/ec2-trust.json"));
            required.apply(EcsFixtures.cluster("v2"));
            required.apply(EcsFixtures.containerInstances("v2", 1, "m5.large").instanceProfile("ec2-app"));
            String arn = client.listContainerInstances(r -> r.cluster("v2"))
                    .containerInstanceArns()
                    .get(0);
            try (InstanceMetadataServer server =
                    new InstanceMetadataServer(EcsServiceModule.of(required).instanceMetadata(arn), null)) {
                assertThat(get(server, "/latest/meta-data/instance-id", null).statusCode())
                        .isEqualTo(401);
                String t = put(server, "/latest/api/token", Map.of(InstanceMetadataService.TTL_HEADER, "30"))
                        .body();
                assertThat(get(server, "/latest/meta-data/instance-id", t).statusCode())
                        .isEqualTo(200);
                assertThat(InstanceProfileCredentialsProvider.builder()
                                .endpoint(endpoint(server))
                                .build()
                                .resolveCredentials()
                                .accessKeyId())
                        .startsWith("ASIA");
            }
        }
    }

    @Test
    void anInstanceProfileRoleMustExistAndTrustEc2() {
        assertThatThrownBy(() -> drydock.apply(
                        EcsFixtures.containerInstances("bare", 1, "m5.large").instanceProfile("missing-role")))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("missing-role does not exist");
        drydock.apply(IamFixtures.role("tasks-only"));
        assertThatThrownBy(() -> drydock.apply(
                        EcsFixtures.containerInstances("bare", 1, "m5.large").instanceProfile("tasks-only")))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("does not trust EC2")
                .hasMessageContaining("ec2.amazonaws.com");
    }

    private HttpResponse<String> get(InstanceMetadataServer server, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint(server) + path));
        if (token != null) {
            b.header(InstanceMetadataService.TOKEN_HEADER, token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(InstanceMetadataServer server, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(endpoint(server) + path)).PUT(HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
