package dev.drydock.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.IamFixtures;
import dev.drydock.core.iam.AuthorizationDecision;
import dev.drydock.core.spi.TaskSecretResolver;
import dev.drydock.core.spi.TaskSecretResolver.SecretFailure;
import dev.drydock.core.spi.TaskSecretResolver.TaskSecret;
import dev.drydock.core.spi.TaskSecretResolver.TaskSecretsRequest;
import dev.drydock.secretsmanager.internal.SecretsManagerServiceModule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The SPI ECS resolves a task's {@code secrets} and {@code repositoryCredentials} through, as the task's execution
 * role: values, JSON keys, version stages, and every failure with the stopped reason Fargate gives.
 */
class TaskSecretResolverTest extends SecretsFamilyTestBase {
    private static final String TASK = "arn:aws:ecs:us-east-1:123456789012:task/shop/0123456789abcdef0123456789abcdef";
    private static final String PREFIX = "ResourceInitializationError: unable to pull secrets or registry auth: ";

    private TaskSecretResolver resolver;
    private String dbArn;
    private String keyId;

    @BeforeAll
    void infrastructure() {
        resolver = SecretsManagerServiceModule.of(drydock);
        drydock.apply(IamFixtures.role("exec").policy("iam/exec-secrets.json"));
        drydock.apply(IamFixtures.role("exec-nothing"));
        dbArn = sm.createSecret(
                        r -> r.name("shop/db").secretString("{\"username\":\"app\",\"password\":\"pw\",\"port\":5432}"))
                .arn();
        sm.putSecretValue(r -> r.secretId("shop/db")
                .secretString("{\"username\":\"next\",\"password\":\"pw2\"}")
                .versionStages("AWSPENDING"));
        ssm.putParameter(r -> r.name("/shop/url").value("https://shop").type(ParameterType.STRING));
        ssm.putParameter(r -> r.name("/shop/token").value("t0k3n").type(ParameterType.SECURE_STRING));
        ssm.putParameter(r -> r.name("flat").value("flat value").type(ParameterType.STRING));
        keyId = kms.createKey(r -> r.description("exec cannot decrypt"))
                .keyMetadata()
                .keyId();
        ssm.putParameter(r -> r.name("/shop/cmk")
                .value("cmk value")
                .type(ParameterType.SECURE_STRING)
                .keyId(keyId));
    }

    private Map<String, String> resolve(String role, TaskSecret... secrets) {
        return resolver.resolve(new TaskSecretsRequest(TASK, role, List.of(secrets)));
    }

    private String failure(String role, TaskSecret... secrets) {
        return catchThrowableOfType(SecretFailure.class, () -> resolve(role, secrets))
                .getMessage();
    }

    @Test
    void resolvesParametersAndSecretsAsTheExecutionRole() {
        drydock.decisionLog().clear();
        Map<String, String> values = resolve(
                "exec",
                new TaskSecret("URL", "/shop/url"),
                new TaskSecret("TOKEN", "arn:aws:ssm:us-east-1:123456789012:parameter/shop/token"),
                new TaskSecret("FLAT", "flat"),
                new TaskSecret("DB", dbArn),
                new TaskSecret("DB_USER", dbArn + ":username::"),
                new TaskSecret("DB_PORT", dbArn + ":port::"),
                new TaskSecret("NEXT_USER", dbArn + ":username:AWSPENDING:"));
        assertThat(values)
                .containsExactly(
                        Map.entry("URL", "https://shop"),
                        Map.entry("TOKEN", "t0k3n"),
                        Map.entry("FLAT", "flat value"),
                        Map.entry("DB", "{\"username\":\"app\",\"password\":\"pw\",\"port\":5432}"),
                        Map.entry("DB_USER", "app"),
                        Map.entry("DB_PORT", "5432"),
                        Map.entry("NEXT_USER", "next"));
        List<AuthorizationDecision> decisions = decisions("exec");
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.principalArn())
                    .isEqualTo("arn:aws:sts::123456789012:assumed-role/exec/0123456789abcdef0123456789abcdef");
            assertThat(d.allowed()).isTrue();
        });
        assertThat(decisions)
                .extracting(AuthorizationDecision::action)
                .contains("ssm:GetParameters", "kms:Decrypt", "secretsmanager:GetSecretValue");
    }

    @Test
    void aMissingParameterStopsTheTaskAsFargateDoes() {
        assertThat(failure("exec", new TaskSecret("A", "/shop/url"), new TaskSecret("B", "/shop/missing")))
                .isEqualTo(PREFIX + "execution resource retrieval failed: unable to retrieve secrets from ssm: service "
                        + "call has been retried 1 time(s): invalid ssm parameters: /shop/missing");
    }

    @Test
    void aMissingSecretStopsTheTaskAsFargateDoes() {
        String missing = "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/missing-AbCdEf";
        assertThat(failure("exec", new TaskSecret("A", missing)))
                .startsWith(PREFIX + "execution resource retrieval failed: unable to retrieve secret from asm: service "
                        + "call has been retried 1 time(s): failed to fetch secret " + missing
                        + " from secrets manager: "
                        + "ResourceNotFoundException: Secrets Manager can't find the specified secret. status code: 400, "
                        + "request id: ");
    }

    @Test
    void anUnknownJsonKeyStopsTheTaskAsFargateDoes() {
        assertThat(failure("exec", new TaskSecret("A", dbArn + ":nope::")))
                .isEqualTo(PREFIX + "execution resource retrieval failed: unable to retrieve secret from asm: service "
                        + "call has been retried 1 time(s): retrieved secret from Secrets Manager did not contain json "
                        + "key nope");
    }

    @Test
    void deniedCallsStopTheTaskWithTheAccessDeniedMessage() {
        assertThat(failure("exec-nothing", new TaskSecret("A", "/shop/url")))
                .startsWith(
                        PREFIX + "execution resource retrieval failed: unable to retrieve secrets from ssm: service "
                                + "call has been retried 1 time(s): AccessDeniedException: User: "
                                + "arn:aws:sts::123456789012:assumed-role/exec-nothing/0123456789abcdef0123456789abcdef is not "
                                + "authorized to perform: ssm:GetParameters on resource: "
                                + "arn:aws:ssm:us-east-1:123456789012:parameter/shop/url because no identity-based policy "
                                + "allows the ssm:GetParameters action status code: 400, request id: ");
        assertThat(failure("exec-nothing", new TaskSecret("A", dbArn)))
                .contains("failed to fetch secret " + dbArn + " from secrets manager: AccessDeniedException: User: "
                        + "arn:aws:sts::123456789012:assumed-role/exec-nothing/0123456789abcdef0123456789abcdef is not "
                        + "authorized to perform: secretsmanager:GetSecretValue on resource: " + dbArn);
        // a SecureString under a customer managed key needs kms:Decrypt, which exec lacks
        assertThat(failure("exec", new TaskSecret("A", "/shop/cmk")))
                .startsWith(
                        PREFIX + "execution resource retrieval failed: unable to retrieve secrets from ssm: service "
                                + "call has been retried 1 time(s): AccessDeniedException: The ciphertext refers to a customer "
                                + "master key that does not exist, does not exist in this region, or you are not allowed to "
                                + "access. (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: ")
                .contains(" status code: 400, request id: ");
    }

    @Test
    void aTaskWithoutOrWithAnUnknownExecutionRoleCannotReadSecrets() {
        assertThat(failure(null, new TaskSecret("A", "/shop/url")))
                .startsWith(PREFIX + "the task definition has no " + "executionRoleArn");
        assertThat(failure("nobody", new TaskSecret("A", "/shop/url")))
                .isEqualTo(
                        PREFIX + "ECS was unable to assume the role 'nobody' that was provided for this task: the role "
                                + "does not exist.");
    }

    @Test
    void registryCredentialsComeFromASecretWithUsernameAndPassword() {
        sm.createSecret(r -> r.name("registry").secretString("{\"username\":\"robot\",\"password\":\"hunter2\"}"));
        var creds = resolver.registryCredentials("registry", "exec", "0123456789abcdef0123456789abcdef");
        assertThat(creds.username()).isEqualTo("robot");
        assertThat(creds.password()).isEqualTo("hunter2");
        assertThat(creds.toString()).doesNotContain("hunter2");
        sm.createSecret(r -> r.name("registry-bad").secretString("{\"username\":\"robot\"}"));
        assertThat(catchThrowableOfType(
                                SecretFailure.class,
                                () -> resolver.registryCredentials("registry-bad", "exec", "0123456789abcdef"))
                        .getMessage())
                .isEqualTo(PREFIX + "execution resource retrieval failed: unable to get registry auth from asm: "
                        + "service call has been retried 1 time(s): asm fetching password: AuthorizationData is "
                        + "malformed, empty field");
    }
}
