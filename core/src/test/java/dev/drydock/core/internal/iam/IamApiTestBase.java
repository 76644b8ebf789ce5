package dev.drydock.core.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One Drydock instance (simulated runtime) per test class, with the real SDK v2 IAM and STS clients signing as the
 * test principal ({@code user/drydock-test}, AdministratorAccess). Every request is SigV4-verified and authorized.
 */
abstract class IamApiTestBase {
    static final String ACCOUNT = Drydock.DEFAULT_ACCOUNT_ID;
    static final String ECS_TASKS_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static Drydock drydock;
    static IamClient iam;
    static StsClient sts;

    @BeforeAll
    static void startDrydock() {
        drydock = Drydock.builder().setting("runtime", "simulated").start();
        iam = drydock.client(IamClient.builder());
        sts = drydock.client(StsClient.builder());
    }

    @AfterAll
    static void stopDrydock() {
        iam.close();
        sts.close();
        drydock.close();
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet();
    }

    /** A trust policy that lets the given AWS principal (an ARN or an account id) assume the role. */
    static String trusting(String awsPrincipal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + awsPrincipal + "\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}]}";
    }

    /** An identity policy allowing {@code actions} on every resource. */
    static String allowing(String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Allowed\",\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}";
    }

    static String testPrincipalArn() {
        return "arn:aws:iam::" + ACCOUNT + ":user/drydock-test";
    }

    /** Credentials from STS as a provider, for SDK clients. */
    static StaticCredentialsProvider provider(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    static IamClient iamAs(Credentials c) {
        return IamClient.builder()
                .endpointOverride(drydock.endpoint())
                .region(Region.of(drydock.region()))
                .credentialsProvider(provider(c))
                .build();
    }

    static StsClient stsAs(Credentials c) {
        return StsClient.builder()
                .endpointOverride(drydock.endpoint())
                .region(Region.of(drydock.region()))
                .credentialsProvider(provider(c))
                .build();
    }

    /** Runs {@code call}, expects the SDK's service exception {@code type} with that code, status and message. */
    static <T extends AwsServiceException> T awsError(
            ThrowingCallable call, Class<T> type, String code, int status, String message) {
        T e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s %s", code, message).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        return e;
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    /** Sends {@code params} to the service, signed as the test principal, as a form POST (or a GET). */
    static HttpResponse<String> send(String service, String params, boolean get)
            throws IOException, InterruptedException {
        URI endpoint = drydock.endpoint();
        byte[] body = get ? new byte[0] : params.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(get ? SdkHttpMethod.GET : SdkHttpMethod.POST)
                .protocol("http")
                .host(endpoint.getHost())
                .port(endpoint.getPort())
                .encodedPath("/");
        if (get) {
            for (String pair : params.split("&")) {
                String[] kv = pair.split("=", 2);
                request.appendRawQueryParameter(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        } else {
            request.putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        }
        var credentials = drydock.credentialsProvider().resolveCredentials();
        SdkHttpRequest signed = SIGNER.sign(r -> r.identity(
                                AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                        .request(request.build())
                        .payload(() -> new ByteArrayInputStream(body))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, drydock.region()))
                .request();
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.getUri());
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(v -> http.header(name, v));
            }
        });
        http.method(
                get ? "GET" : "POST",
                get ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }
}
