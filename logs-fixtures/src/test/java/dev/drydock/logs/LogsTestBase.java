package dev.drydock.logs;

import dev.drydock.core.Drydock;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One Drydock per test class (simulated runtime), with the real SDK v2 CloudWatch Logs client signing as the test
 * principal, and role sessions through STS AssumeRole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogsTestBase {
    static final String ACCOUNT = "123456789012";
    private static final AtomicInteger NAMES = new AtomicInteger();

    Drydock drydock;
    CloudWatchLogsClient logs;
    IamClient iam;
    StsClient sts;

    @BeforeAll
    void startDrydock() {
        drydock = configure(Drydock.builder().runtime(SimulatedRuntime::new)).start();
        logs = drydock.client(CloudWatchLogsClient.builder());
        iam = drydock.client(IamClient.builder());
        sts = drydock.client(StsClient.builder());
    }

    Drydock.Builder configure(Drydock.Builder builder) {
        return builder;
    }

    @AfterAll
    void stopDrydock() {
        logs.close();
        iam.close();
        sts.close();
        drydock.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /** A role the account may assume, with one inline policy, and a Logs client of a session of it (AssumeRole). */
    CloudWatchLogsClient as(String role, String policyJson) {
        iam.createRole(r -> r.roleName(role)
                .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                        + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
        if (policyJson != null) {
            iam.putRolePolicy(r -> r.roleName(role).policyName("inline").policyDocument(policyJson));
        }
        Credentials c = sts.assumeRole(r ->
                        r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/" + role).roleSessionName("test"))
                .credentials();
        return CloudWatchLogsClient.builder()
                .endpointOverride(drydock.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                .build();
    }

    List<AuthorizationDecision> decisions(String role) {
        return drydock.decisionLog().decisions().stream()
                .filter(d -> d.principalArn().contains(":assumed-role/" + role + "/"))
                .toList();
    }
}
