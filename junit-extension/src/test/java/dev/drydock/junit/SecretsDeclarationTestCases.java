package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Fixtures for {@link SecretsDeclarationTest}; run only through it. */
class SecretsDeclarationTestCases {

    /** Secrets and parameters declared before the key they are encrypted under: keys are still created first. */
    @Secret(name = "orders/db", value = "{\"username\":\"app\",\"password\":\"pw\"}", kmsKeyId = "alias/orders")
    @Secret(name = "orders/api-key", valueResource = "secrets/api-key.txt", description = "from a file")
    @SsmParameter(name = "/orders/db-url", value = "jdbc:postgresql://db:5432/orders")
    @SsmParameter(name = "/orders/db-password", value = "s3cr3t", type = "SecureString", keyId = "alias/orders")
    @SsmParameter(name = "/orders/hosts", value = "a,b", type = "StringList", tier = "Advanced")
    @KmsKey(name = "orders", description = "orders data")
    @CloudWatchLogGroup(name = "/ecs/orders", retentionInDays = 7, streams = "boot")
    static class Declared {
        @Test
        void everythingDeclaredExists(
                SecretsManagerClient sm, SsmClient ssm, KmsClient kms, CloudWatchLogsClient logs) {
            var db = sm.describeSecret(r -> r.secretId("orders/db"));
            assertThat(db.arn()).matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/db-\\w{6}");
            assertThat(db.kmsKeyId()).isEqualTo("alias/orders");
            assertThat(sm.getSecretValue(r -> r.secretId("orders/db")).secretString())
                    .isEqualTo("{\"username\":\"app\",\"password\":\"pw\"}");
            assertThat(sm.getSecretValue(r -> r.secretId("orders/api-key")).secretString())
                    .isEqualTo("key-from-a-file");

            assertThat(ssm.getParameter(r -> r.name("/orders/db-url"))
                            .parameter()
                            .value())
                    .isEqualTo("jdbc:postgresql://db:5432/orders");
            var password = ssm.getParameter(r -> r.name("/orders/db-password").withDecryption(true))
                    .parameter();
            assertThat(password.type()).isEqualTo(ParameterType.SECURE_STRING);
            assertThat(password.value()).isEqualTo("s3cr3t");
            assertThat(ssm.describeParameters(
                                    r -> r.parameterFilters(f -> f.key("KeyId").values("alias/orders")))
                            .parameters())
                    .singleElement()
                    .satisfies(p -> assertThat(p.name()).isEqualTo("/orders/db-password"));
            assertThat(ssm.getParameter(r -> r.name("/orders/hosts"))
                            .parameter()
                            .type())
                    .isEqualTo(ParameterType.STRING_LIST);

            assertThat(kms.listAliases().aliases())
                    .extracting(AliasListEntry::aliasName)
                    .contains("alias/orders");
            assertThat(kms.describeKey(r -> r.keyId("alias/orders"))
                            .keyMetadata()
                            .description())
                    .isEqualTo("orders data");

            assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/"))
                            .logGroups())
                    .singleElement()
                    .extracting(LogGroup::logGroupName, LogGroup::retentionInDays)
                    .containsExactly("/ecs/orders", 7);
            assertThat(logs.describeLogStreams(r -> r.logGroupName("/ecs/orders"))
                            .logStreams())
                    .singleElement()
                    .satisfies(s -> assertThat(s.logStreamName()).isEqualTo("boot"));
        }
    }

    /** A team's own annotation, composed of Drydock's. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @KmsKey(name = "payments")
    @Secret(name = "payments/token", value = "t0ken", kmsKeyId = "alias/payments")
    @CloudWatchLogGroup(name = "/ecs/payments")
    @interface PaymentsInfrastructure {}

    @PaymentsInfrastructure
    abstract static class PaymentsBase {}

    /** Inherits the composed declarations of its superclass. */
    static class Composed extends PaymentsBase {
        @Test
        void composedAndInheritedDeclarations(SecretsManagerClient sm, CloudWatchLogsClient logs) {
            assertThat(sm.getSecretValue(r -> r.secretId("payments/token")).secretString())
                    .isEqualTo("t0ken");
            assertThat(logs.describeLogGroups().logGroups())
                    .extracting(LogGroup::logGroupName)
                    .containsExactly("/ecs/payments");
        }
    }

    /** iam/secret-reader.json allows GetSecretValue on orders/db, GetParameter on /orders/db-url, reading logs. */
    @IamRole(name = "secret-reader", policy = "iam/secret-reader.json")
    @KmsKey(name = "orders")
    @Secret(name = "orders/db", value = "{\"password\":\"pw\"}")
    @Secret(name = "orders/other", value = "other")
    @SsmParameter(name = "/orders/db-url", value = "jdbc:postgresql://db/orders")
    @SsmParameter(name = "/orders/other", value = "other")
    @CloudWatchLogGroup(name = "/ecs/orders")
    static class ActingAsARole {
        @Test
        void theRolesPolicyDecidesForEveryClient(
                @ActingAs("secret-reader") SecretsManagerClient sm,
                @ActingAs("secret-reader") SsmClient ssm,
                @ActingAs("secret-reader") KmsClient kms,
                @ActingAs("secret-reader") CloudWatchLogsClient logs,
                KmsClient admin) {
            assertThat(sm.getSecretValue(r -> r.secretId("orders/db")).secretString())
                    .isEqualTo("{\"password\":\"pw\"}");
            assertThatThrownBy(() -> sm.getSecretValue(r -> r.secretId("orders/other")))
                    .isInstanceOf(SecretsManagerException.class)
                    .hasMessageContaining("assumed-role/secret-reader/")
                    .hasMessageContaining("secretsmanager:GetSecretValue");

            assertThat(ssm.getParameter(r -> r.name("/orders/db-url"))
                            .parameter()
                            .value())
                    .isEqualTo("jdbc:postgresql://db/orders");
            assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/orders/other")))
                    .hasMessageContaining("ssm:GetParameter");

            assertThat(logs.describeLogGroups().logGroups()).hasSize(1);
            assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("/ecs/new")))
                    .hasMessageContaining("logs:CreateLogGroup");

            assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/orders")))
                    .hasMessageContaining("kms:DescribeKey");
            assertThat(admin.describeKey(r -> r.keyId("alias/orders"))
                            .keyMetadata()
                            .enabled())
                    .isTrue();
        }
    }

    @Secret(name = "empty")
    static class SecretWithoutValue extends DeclarationErrorsTestCases.NeverRuns {}

    @SsmParameter(name = "/typo", value = "v", type = "Strnig")
    static class UnknownParameterType extends DeclarationErrorsTestCases.NeverRuns {}

    @KmsKey(name = "locked", policy = "kms/locks-everyone-out.json")
    static class KeyPolicyLockingOutTheTestPrincipal extends DeclarationErrorsTestCases.NeverRuns {}

    @Secret(name = "bad name!", value = "v")
    static class InvalidSecretName extends DeclarationErrorsTestCases.NeverRuns {}

    @Secret(name = "twice", value = "one")
    @Secret(name = "twice", value = "two")
    static class TwoDifferentSecretsOfOneName extends DeclarationErrorsTestCases.NeverRuns {}
}
