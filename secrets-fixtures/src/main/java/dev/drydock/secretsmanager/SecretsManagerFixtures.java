package dev.drydock.secretsmanager;

import dev.drydock.core.Drydock;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.ClasspathResources;
import dev.drydock.secretsmanager.internal.SecretsManagerServiceModule;
import dev.drydock.secretsmanager.internal.support.ResourcePolicies;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * Secrets to declare in a {@link Drydock} instance: the programmatic twin of a secret annotation.
 *
 * <pre>{@code
 * Drydock.builder()
 *         .fixture(SecretsManagerFixtures.secret("orders/db", "{\"username\":\"app\",\"password\":\"s3cr3t\"}")
 *                 .kmsKeyId("alias/orders")
 *                 .resourcePolicy("secretsmanager/orders-db-policy.json"))
 *         .start();
 * }</pre>
 *
 * A secret is CreateSecret (and PutResourcePolicy) as the test principal, so what the API refuses (a name with
 * invalid characters, a value over 64 KB, a malformed policy) fails the fixture with Secrets Manager's message. Its
 * ARN ends in six random characters, as on AWS: read it back with DescribeSecret, or name the secret by its name.
 */
public final class SecretsManagerFixtures {
    private SecretsManagerFixtures() {}

    /** A secret with a string value (often JSON), as its AWSCURRENT version. */
    public static SecretFixture secret(String name, String value) {
        return new SecretFixture(name, CreateSecretRequest.builder().name(name).secretString(value));
    }

    /** A secret with a binary value. */
    public static SecretFixture binarySecret(String name, byte[] value) {
        return new SecretFixture(
                name, CreateSecretRequest.builder().name(name).secretBinary(SdkBytes.fromByteArray(value)));
    }

    /** A secret to create; see {@link SecretsManagerFixtures}. */
    public static final class SecretFixture implements Fixture {
        private final String name;
        private final CreateSecretRequest.Builder request;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String policyResource;

        private SecretFixture(String name, CreateSecretRequest.Builder request) {
            this.name = Objects.requireNonNull(name, "name");
            this.request = request;
        }

        /** The KMS key: key id, key ARN, alias name ({@code alias/orders}) or alias ARN; default aws/secretsmanager. */
        public SecretFixture kmsKeyId(String kmsKeyId) {
            request.kmsKeyId(kmsKeyId);
            return this;
        }

        /** The secret's description. */
        public SecretFixture description(String description) {
            request.description(description);
            return this;
        }

        /** A tag on the secret. */
        public SecretFixture tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /**
         * The secret's resource policy, from a classpath resource holding a policy document (JSON), e.g.
         * {@code secretsmanager/orders-db-policy.json}.
         */
        public SecretFixture resourcePolicy(String resource) {
            this.policyResource = resource;
            return this;
        }

        @Override
        public void apply(Drydock drydock) {
            AdminCalls calls = SecretsManagerServiceModule.of(drydock).adminCalls();
            String policy = policyResource == null ? null : ClasspathResources.read(policyResource, "resource policy");
            AdminCalls.undoingOnRefusal(
                    "Secrets Manager refuses the secret '" + name + "'", policyResource, "MalformedPolicy", undo -> {
                        if (policy != null) {
                            ResourcePolicies.parse("resource policy of " + name, policy); // before anything is created
                        }
                        CreateSecretResponse created = calls.call(
                                SecretsManagerModule.SIGNING_NAME,
                                request.tags(tags.entrySet().stream()
                                                .map(e -> Tag.builder()
                                                        .key(e.getKey())
                                                        .value(e.getValue())
                                                        .build())
                                                .toList())
                                        .build(),
                                CreateSecretResponse.class);
                        undo.onRefusal(() -> calls.call(
                                SecretsManagerModule.SIGNING_NAME,
                                DeleteSecretRequest.builder()
                                        .secretId(created.arn())
                                        .forceDeleteWithoutRecovery(true)
                                        .build(),
                                DeleteSecretResponse.class));
                        if (policy != null) {
                            calls.call(
                                    SecretsManagerModule.SIGNING_NAME,
                                    PutResourcePolicyRequest.builder()
                                            .secretId(created.arn())
                                            .resourcePolicy(policy)
                                            .build(),
                                    PutResourcePolicyResponse.class);
                        }
                        return created;
                    });
        }

        @Override
        public String describe() {
            return "SecretsManagerFixtures.secret(\"" + name + "\")";
        }
    }
}
