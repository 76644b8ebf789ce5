package dev.drydock.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One Drydock per test class (simulated runtime: no Docker), with the real SDK v2 clients of Secrets Manager, SSM and
 * KMS signing as the test principal (an administrator), and roles whose sessions tests get through STS AssumeRole, as
 * an application would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecretsFamilyTestBase {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";
    private static final AtomicInteger NAMES = new AtomicInteger();

    protected Drydock drydock;
    protected SecretsManagerClient sm;
    protected SsmClient ssm;
    protected KmsClient kms;
    protected StsClient sts;
    protected IamClient iam;
    private final List<SdkClient> clients = new ArrayList<>();

    @BeforeAll
    void startDrydock() {
        drydock = configure(Drydock.builder().runtime(SimulatedRuntime::new)).start();
        sm = client(SecretsManagerClient.builder());
        ssm = client(SsmClient.builder());
        kms = client(KmsClient.builder());
        sts = client(StsClient.builder());
        iam = client(IamClient.builder());
    }

    /** Settings and fixtures of the class's Drydock. */
    protected Drydock.Builder configure(Drydock.Builder builder) {
        return builder;
    }

    @AfterAll
    void stopDrydock() {
        clients.forEach(SdkClient::close);
        if (drydock != null) {
            drydock.close();
        }
    }

    protected <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(B builder) {
        C c = drydock.client(builder);
        clients.add(c);
        return c;
    }

    /** A name no other test of this JVM uses. */
    protected static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /**
     * A role the account may assume (trust policy naming the account) with one inline policy, and a session of it
     * through STS AssumeRole.
     */
    protected Session role(String name, String policyJson) {
        iam.createRole(r -> r.roleName(name)
                .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                        + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
        if (policyJson != null) {
            iam.putRolePolicy(r -> r.roleName(name).policyName("inline").policyDocument(policyJson));
        }
        Credentials c = sts.assumeRole(r ->
                        r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/" + name).roleSessionName("test"))
                .credentials();
        return new Session(name, c);
    }

    /** A role session's clients. */
    protected final class Session {
        public final String role;
        public final String arn;
        private final StaticCredentialsProvider credentials;

        Session(String role, Credentials c) {
            this.role = role;
            this.arn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/test";
            this.credentials = StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
        }

        public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
                B builder) {
            C c = builder.endpointOverride(drydock.endpoint())
                    .region(Region.of(REGION))
                    .credentialsProvider(credentials)
                    .build();
            clients.add(c);
            return c;
        }

        public SecretsManagerClient sm() {
            return client(SecretsManagerClient.builder());
        }

        public SsmClient ssm() {
            return client(SsmClient.builder());
        }

        public KmsClient kms() {
            return client(KmsClient.builder());
        }
    }

    /** The decisions made for a role's sessions since the log was last cleared. */
    protected List<AuthorizationDecision> decisions(String role) {
        return drydock.decisionLog().decisions().stream()
                .filter(d -> d.principalArn().contains(":assumed-role/" + role + "/"))
                .toList();
    }

    /** Asserts the call fails with {@code type}, HTTP 400 and the message, and returns the exception. */
    protected static <T extends AwsServiceException> T assertError(
            Class<T> type, String errorCode, String message, ThrowingCallable call) {
        T e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s", errorCode).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        assertThat(e.statusCode()).isEqualTo(400);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        return e;
    }
}
