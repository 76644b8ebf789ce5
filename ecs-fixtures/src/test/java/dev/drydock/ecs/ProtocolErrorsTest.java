package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.testing.RawAws;
import dev.drydock.ecs.RawEcs.Answer;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;

/**
 * The ECS JSON 1.1 protocol at the edge, with raw HTTP requests: bodies that are not JSON or have the wrong types,
 * required members that are missing, unknown and unimplemented operations. A request that fails changes nothing.
 */
class ProtocolErrorsTest extends EcsApiTestBase {
    private HttpClient http;

    @BeforeAll
    void startHttp() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stopHttp() {
        http = null;
    }

    /**
     * POSTs {@code body} with the given {@code X-Amz-Target}, SigV4-signed with the test principal's credentials as
     * the SDK signs, so only the body and target are wrong.
     */
    private Answer post(String target, String body) {
        return RawEcs.post(http, drydock, target, body);
    }

    private Answer ecsCall(String operation, String body) {
        return post(RawEcs.PREFIX + operation, body);
    }

    private static void assertError(Answer a, int status, String type, String message) {
        RawEcs.assertError(a, status, type, message);
    }

    @Test
    void aValidRawCallWorks() {
        String name = unique("raw");

        Answer a = ecsCall("CreateCluster", "{\"clusterName\":\"" + name + "\"}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(a.string("cluster.clusterArn")).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/" + name);
        assertThat(a.string("cluster.status")).isEqualTo("ACTIVE");
    }

    @Test
    void malformedJsonIsASerializationException() {
        assertError(ecsCall("ListClusters", "{\"maxResults\": 5"), 400, "SerializationException", null);
        assertError(ecsCall("ListClusters", "not json at all"), 400, "SerializationException", null);
        assertError(ecsCall("ListClusters", "[1, 2]"), 400, "SerializationException", null);
        // an empty body reads as {}
        assertThat(ecsCall("ListClusters", "").status()).isEqualTo(200);
    }

    @Test
    void wrongJsonTypesAreSerializationExceptions() {
        String cluster = createCluster();
        String family = unique("types");
        registerFargate(family);

        assertError(
                ecsCall(
                        "RunTask",
                        "{\"cluster\":\"" + cluster + "\",\"taskDefinition\":\"" + family + "\",\"count\":\"2\"}"),
                400,
                "SerializationException",
                null);
        assertError(
                ecsCall("RunTask", "{\"cluster\":\"" + cluster + "\",\"taskDefinition\":42}"),
                400,
                "SerializationException",
                null);
        assertError(
                ecsCall("DescribeTasks", "{\"cluster\":\"" + cluster + "\",\"tasks\":\"abc\"}"),
                400,
                "SerializationException",
                null);
        assertError(
                ecsCall(
                        "RegisterTaskDefinition",
                        "{\"family\":\"" + family + "\",\"containerDefinitions\":"
                                + "[{\"name\":\"app\",\"image\":\"x\",\"memory\":\"lots\"}]}"),
                400,
                "SerializationException",
                null);
        assertError(
                ecsCall("CreateCluster", "{\"clusterName\":{\"nested\":true}}"), 400, "SerializationException", null);

        // nothing was started or registered
        assertThat(ecs.listTasks(r -> r.cluster(cluster)).taskArns()).isEmpty();
        assertThat(ecs.listTasks(r -> r.cluster(cluster).desiredStatus(DesiredStatus.STOPPED))
                        .taskArns())
                .isEmpty();
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns())
                .hasSize(1);
    }

    @Test
    void unknownMembersAreIgnored() {
        String name = unique("extra");

        Answer a = ecsCall("CreateCluster", "{\"clusterName\":\"" + name + "\",\"noSuchMember\":[1,2,3]}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.string("cluster.clusterName")).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RegisterTaskDefinition | {\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"x\",\"memory\":128}]} "
                        + "| ClientException | Family can not be blank.",
                "RegisterTaskDefinition | {\"family\":\"\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"x\","
                        + "\"memory\":128}]} | ClientException | Family can not be blank.",
                "RegisterTaskDefinition | {\"family\":\"nocontainers\"} | ClientException | Container list cannot be empty.",
                "RunTask | {} | InvalidParameterException | taskDefinition can not be blank.",
                "CreateService | {\"taskDefinition\":\"x\"} | InvalidParameterException | serviceName can not be blank.",
                "CreateService | {\"serviceName\":\"x\"} | InvalidParameterException | taskDefinition can not be blank.",
                "UpdateService | {} | InvalidParameterException | service can not be blank.",
                "DeleteService | {} | InvalidParameterException | service can not be blank.",
                "StopTask | {} | InvalidParameterException | task can not be blank.",
                "DeleteCluster | {} | InvalidParameterException | cluster can not be blank.",
                "DescribeTaskDefinition | {} | InvalidParameterException | taskDefinition can not be blank.",
                "DeregisterTaskDefinition | {} | InvalidParameterException | taskDefinition can not be blank.",
                "DescribeTasks | {} | InvalidParameterException | Tasks cannot be empty.",
                "DescribeServices | {} | InvalidParameterException | Services cannot be empty.",
                "ListTagsForResource | {} | InvalidParameterException | resourceArn can not be blank.",
                "TagResource | {\"tags\":[]} | InvalidParameterException | resourceArn can not be blank.",
                "UntagResource | {\"tagKeys\":[]} | InvalidParameterException | resourceArn can not be blank.",
            })
    void missingRequiredMembersAreAnsweredAsEcsDoes(String operation, String body, String type, String message) {
        assertError(ecsCall(operation, body), 400, type, message);
    }

    @Test
    void missingRequiredMembersThroughTheSdk() {
        assertEcsError(
                () -> ecs.runTask(r -> r.cluster("default")),
                InvalidParameterException.class,
                "taskDefinition can not be blank.");
        assertEcsError(
                () -> ecs.registerTaskDefinition(r -> r.containerDefinitions(container("app"))),
                ClientException.class,
                "Family can not be blank.");
    }

    @Test
    void unknownOperationIsAnUnknownOperationException() {
        assertError(ecsCall("LaunchRockets", "{}"), 400, "UnknownOperationException", null);
        assertError(post("NoSuchService_20990101.ListThings", "{}"), 400, "UnknownOperationException", null);
    }

    @Test
    void awsOperationDrydockLacksIsNotImplemented() {
        Answer a = ecsCall("ListServicesByNamespace", "{}");

        assertError(a, 501, "NotImplementedException", null);
        assertThat(a.message()).contains("ListServicesByNamespace");

        EcsException e = Assertions.catchThrowableOfType(
                EcsException.class,
                () -> ecs.describeTaskSets(r -> r.cluster("c").service("s")));
        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(501);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplementedException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("DescribeTaskSets");
    }

    @Test
    void aFailedRegistrationConsumesNoRevision() {
        String family = unique("atomic");
        assertThat(registerFargate(family).revision()).isEqualTo(1);

        assertError(
                ecsCall(
                        "RegisterTaskDefinition",
                        "{\"family\":\"" + family + "\",\"requiresCompatibilities\":"
                                + "[\"FARGATE\"],\"networkMode\":\"awsvpc\",\"cpu\":\"256\",\"memory\":\"512\",\"containerDefinitions\":"
                                + "[{\"name\":\"app\",\"essential\":false,\"image\":\"x\"}]}"),
                400,
                "ClientException",
                "Task definition doesn't have any essential container.");
        assertError(
                ecsCall(
                        "RegisterTaskDefinition",
                        "{\"family\":\"" + family + "\",\"containerDefinitions\":"
                                + "[{\"name\":\"app\",\"image\":\"x\",\"memory\":true}]}"),
                400,
                "SerializationException",
                null);

        assertThat(registerFargate(family).revision()).isEqualTo(2);
    }

    @Test
    void aFailedCreateChangesNothing() {
        String cluster = createCluster();
        String family = unique("nochange");
        registerFargate(family);

        assertError(
                ecsCall(
                        "CreateService",
                        "{\"cluster\":\"" + cluster + "\",\"serviceName\":\"web\"," + "\"taskDefinition\":\"" + family
                                + "\",\"desiredCount\":1,\"launchType\":\"FARGATE\"}"),
                400,
                "InvalidParameterException",
                "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        assertError(ecsCall("CreateCluster", "{\"clusterName\":\"bad name\"}"), 400, "InvalidParameterException", null);

        assertThat(ecs.listServices(r -> r.cluster(cluster)).serviceArns()).isEmpty();
        assertThat(ecs.listTasks(r -> r.cluster(cluster)).taskArns()).isEmpty();
        assertThat(ecs.listClusters().clusterArns()).noneMatch(arn -> arn.endsWith("/bad name"));
    }

    @Test
    void errorResponsesNameTheirType() {
        Answer a = ecsCall("DescribeClusters", "{\"clusters\":[\"\"]}");

        assertError(a, 400, "InvalidParameterException", "Clusters can not be blank.");
        assertThat(a.errorTypeHeader()).isEqualTo("InvalidParameterException");
        assertThat(a.requestId()).isNotBlank();
    }

    @Test
    void aRequestSignedForAnotherRegionIsRefusedAsEcsRefusesIt() {
        // Drydock models one region (us-east-1 here); a client of another region reaches it only by mistake
        try (EcsClient paris = EcsClient.builder()
                .endpointOverride(drydock.endpoint())
                .region(Region.EU_WEST_3)
                .credentialsProvider(drydock.credentialsProvider())
                .httpClient(ApacheHttpClient.create())
                .build()) {
            EcsException e = Assertions.catchThrowableOfType(EcsException.class, paris::listClusters);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Credential should be scoped to a valid region, not 'eu-west-3'.");
        }
    }

    @Test
    void aRequestSignedForAnotherServiceIsRefused() {
        RawAws.Answer a = new RawAws(drydock, "ecr")
                .send(new RawAws.Request(
                        "POST",
                        "/",
                        null,
                        Map.of(
                                "Content-Type",
                                "application/x-amz-json-1.1",
                                "X-Amz-Target",
                                RawEcs.PREFIX + "ListClusters"),
                        "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(a.message()).isEqualTo("Credential should be scoped to correct service: 'ecs'.");
    }
}
