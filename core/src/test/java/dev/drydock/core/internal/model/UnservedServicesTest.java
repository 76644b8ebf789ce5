package dev.drydock.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.RawAws;
import dev.drydock.core.testing.RawAws.Answer;
import dev.drydock.core.testing.RawAws.Request;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * A call to an AWS service Drydock does not serve is answered in that service's own protocol (JSON {@code __type},
 * query XML {@code <ErrorResponse>}, REST-XML {@code <Error>}), HTTP 501, naming the service and the operation and
 * saying what to do; the real SDK clients surface it as their service exception with that message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnservedServicesTest {
    private Drydock drydock;

    @BeforeAll
    void start() {
        drydock = Drydock.builder().setting("runtime", "simulated").start();
    }

    @AfterAll
    void stop() {
        drydock.close();
    }

    private static <T extends AwsServiceException> T refused(Class<T> type, Runnable call) {
        T e = catchThrowableOfType(type, call::run);
        assertThat(e).as("the SDK's %s", type.getSimpleName()).isNotNull();
        assertThat(e.statusCode()).isEqualTo(501);
        return e;
    }

    @Test
    void sqsOverJsonNamesTheServiceAndTheOperation() {
        try (SqsClient sqs = drydock.client(SqsClient.builder())) {
            var e = refused(
                    SqsException.class,
                    () -> sqs.sendMessage(
                            r -> r.queueUrl("http://localhost/123456789012/q").messageBody("hi")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplementedException");
            assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("Drydock does not serve Amazon Simple Queue Service (signing name sqs): SendMessage "
                            + "was not run. Drydock has no model of this service: run it elsewhere (AWS, or an "
                            + "emulator) and point this client's endpoint there.")
                    .endsWith("Drydock serves here: iam, sts.");
        }
    }

    @Test
    void snsOverQueryAnswersInQueryXml() {
        try (SnsClient sns = drydock.client(SnsClient.builder())) {
            var e = refused(
                    SnsException.class,
                    () -> sns.publish(r ->
                            r.topicArn("arn:aws:sns:us-east-1:123456789012:t").message("m")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
            assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("Drydock does not serve Amazon Simple Notification Service (signing name sns): Publish "
                            + "was not run.");
        }
        Answer raw = new RawAws(drydock, "sns")
                .send(new Request(
                        "POST",
                        "/",
                        null,
                        Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        "Action=Publish&Version=2010-03-31&Message=m".getBytes(StandardCharsets.UTF_8)));
        assertThat(raw.text()).startsWith("<ErrorResponse").contains("<Code>NotImplemented</Code>");
    }

    @Test
    void s3OverRestXmlNamesTheOperationFromTheSdksRoutes() {
        try (S3Client s3 = drydock.client(S3Client.builder().forcePathStyle(true))) {
            var e = refused(S3Exception.class, () -> s3.listObjects(r -> r.bucket("bucket")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
            assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("Drydock does not serve Amazon Simple Storage Service (signing name s3): ListObjects "
                            + "(GET /bucket) was not run.");
            var v2 = refused(S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("bucket")));
            assertThat(v2.awsErrorDetails().errorMessage()).contains(": ListObjectsV2 (GET /bucket) was not run.");
        }
        Answer raw = new RawAws(drydock, "s3").send(new Request("GET", "/bucket", null, Map.of(), new byte[0]));
        assertThat(raw.status()).isEqualTo(501);
        assertThat(raw.text()).contains("<Error><Code>NotImplemented</Code>").contains("<Resource>/bucket</Resource>");
    }

    @Test
    void ssmOverJsonNamesTheModuleThatWouldServeIt() {
        try (SsmClient ssm = drydock.client(SsmClient.builder())) {
            var e = refused(SsmException.class, () -> ssm.getParameter(r -> r.name("/app/db-url")));
            assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("Drydock does not serve Amazon Simple Systems Manager (SSM) (signing name ssm): "
                            + "GetParameter was not run.")
                    .contains("The Drydock module dev.drydock:drydock-secrets-fixtures serves it");
        }
    }

    @Test
    void aServiceWhoseModuleIsNotOnTheClasspathSaysWhichArtifactServesIt() {
        // core's tests have no ECS module: ECS is a service Drydock does not serve here
        try (EcsClient ecs = drydock.client(EcsClient.builder())) {
            var e = refused(EcsException.class, ecs::listClusters);
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                            "Drydock does not serve Amazon EC2 Container Service (signing name ecs): ListClusters was "
                                    + "not run. The Drydock module dev.drydock:drydock-ecs-fixtures serves it: add it to the test "
                                    + "classpath (test scope). Drydock serves here: iam, sts.");
        }
    }

    @Test
    void aServiceWithADrydockModuleSaysWhichArtifactServesIt() {
        assertThat(UnservedServices.message(
                        UnservedServices.index().stream()
                                .filter(e -> e.name().equals("ecs"))
                                .findFirst()
                                .orElseThrow(),
                        "RunTask",
                        List.of("iam", "sts")))
                .isEqualTo("Drydock does not serve Amazon EC2 Container Service (signing name ecs): RunTask was not "
                        + "run. The Drydock module dev.drydock:drydock-ecs-fixtures serves it: add it to the test "
                        + "classpath (test scope). Drydock serves here: iam, sts.");
    }

    @Test
    void theIndexKnowsEveryServiceWithItsProtocol() {
        assertThat(UnservedServices.index()).hasSizeGreaterThan(400);
        assertThat(UnservedServices.index())
                .filteredOn(e -> e.name().equals("sqs"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.targetPrefix()).isEqualTo("AmazonSQS");
                    assertThat(e.protocols()).containsExactly("json");
                    assertThat(e.sdkPackage()).isEqualTo("sqs");
                });
        assertThat(UnservedServices.index())
                .filteredOn(e -> e.name().equals("logs"))
                .singleElement()
                .satisfies(e -> assertThat(e.sdkPackage()).isEqualTo("cloudwatchlogs"));
    }

    @Test
    void aRequestThatNamesNoServiceStillGetsTheLandingPage() {
        Answer raw = new RawAws(drydock, "none")
                .send(new Request("GET", "/", null, Map.of(), new byte[0]), RawAws.Signing.UNSIGNED);
        assertThat(raw.status()).isEqualTo(404);
        assertThat(raw.text()).startsWith("This is Drydock's local AWS endpoint.");
    }
}
