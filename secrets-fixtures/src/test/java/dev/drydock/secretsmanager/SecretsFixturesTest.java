package dev.drydock.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.kms.KmsFixtures;
import dev.drydock.ssm.SsmFixtures;
import org.junit.jupiter.api.Test;

/** The programmatic fixtures declare keys, secrets and parameters as the API would create them. */
class SecretsFixturesTest extends SecretsFamilyTestBase {

    @Override
    protected Drydock.Builder configure(Drydock.Builder builder) {
        return builder.fixture(
                        KmsFixtures.key("orders").description("orders data").tag("team", "orders"))
                .fixture(SecretsManagerFixtures.secret("orders/db", "{\"password\":\"pw\"}")
                        .kmsKeyId("alias/orders")
                        .description("database")
                        .tag("team", "orders")
                        .resourcePolicy("secretsmanager/orders-db-policy.json"))
                .fixture(SsmFixtures.parameter("/orders/url", "https://orders"))
                .fixture(SsmFixtures.stringList("/orders/hosts", "a,b"))
                .fixture(SsmFixtures.secureString("/orders/token", "t0k3n").keyId("alias/orders"));
    }

    @Test
    void declaredResourcesAreThereAsTheApiCreatesThem() {
        var key = kms.describeKey(r -> r.keyId("alias/orders")).keyMetadata();
        assertThat(key.description()).isEqualTo("orders data");
        assertThat(kms.listResourceTags(r -> r.keyId(key.keyId())).tags()).hasSize(1);

        var secret = sm.describeSecret(r -> r.secretId("orders/db"));
        assertThat(secret.arn()).matches(".*:secret:orders/db-[A-Za-z0-9]{6}");
        assertThat(secret.kmsKeyId()).isEqualTo("alias/orders");
        assertThat(sm.getSecretValue(r -> r.secretId("orders/db")).secretString())
                .isEqualTo("{\"password\":\"pw\"}");
        assertThat(sm.getResourcePolicy(r -> r.secretId("orders/db")).resourcePolicy())
                .contains("secretsmanager:GetSecretValue");

        assertThat(ssm.getParameter(r -> r.name("/orders/url")).parameter().value())
                .isEqualTo("https://orders");
        assertThat(ssm.getParameter(r -> r.name("/orders/hosts")).parameter().typeAsString())
                .isEqualTo("StringList");
        assertThat(ssm.getParameter(r -> r.name("/orders/token").withDecryption(true))
                        .parameter()
                        .value())
                .isEqualTo("t0k3n");
    }

    @Test
    void aFixtureTheApiRefusesFailsWithTheServicesMessageAndStoresNothing() {
        assertThatThrownBy(() -> drydock.apply(SecretsManagerFixtures.secret("bad name!", "v")))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("Secrets Manager refuses the secret 'bad name!': InvalidParameterException: "
                        + "Invalid name.");
        assertThatThrownBy(() -> drydock.apply(SsmFixtures.parameter("/too/big", "x".repeat(4097))))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("Standard tier parameters support a maximum parameter value of 4096 characters");
        assertThatThrownBy(() -> drydock.apply(
                        SecretsManagerFixtures.secret("with-bad-policy", "v").resourcePolicy("iam/exec-secrets.json")))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("MalformedPolicyDocumentException");
        assertThatThrownBy(() -> drydock.apply(KmsFixtures.key("bad alias!")))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("InvalidAliasNameException");
        assertThat(sm.listSecrets().secretList()).extracting(s -> s.name()).containsExactly("orders/db");
        assertThat(ssm.describeParameters().parameters()).hasSize(3);
        assertThat(kms.listKeys().keys()).hasSize(1);
    }
}
