package dev.drydock.kms;

import dev.drydock.core.Drydock;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.ClasspathResources;
import dev.drydock.kms.internal.KmsServiceModule;
import dev.drydock.kms.internal.backend.KmsBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasResponse;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * KMS keys to declare in a {@link Drydock} instance: the programmatic twin of a key annotation.
 *
 * <pre>{@code
 * Drydock.builder()
 *         .fixture(KmsFixtures.key("orders").policy("kms/orders-key-policy.json"))
 *         .start();
 * }</pre>
 *
 * A key is a customer managed symmetric encryption key (CreateKey) with the alias {@code alias/<name>} (CreateAlias),
 * so secrets and parameters name it as {@code alias/orders}. Without {@link KeyFixture#policy(String)} it gets KMS's
 * default key policy, which lets IAM policies of the account grant access to it.
 */
public final class KmsFixtures {
    private KmsFixtures() {}

    /**
     * A customer managed key with the alias {@code alias/<name>}.
     *
     * @param name the alias without {@code alias/}: letters, digits, {@code /}, {@code _} and {@code -}
     */
    public static KeyFixture key(String name) {
        return new KeyFixture(name);
    }

    /** A key to create; see {@link KmsFixtures#key(String)}. */
    public static final class KeyFixture implements Fixture {
        private final String name;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String description;
        private String policyResource;

        private KeyFixture(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The key's description. */
        public KeyFixture description(String description) {
            this.description = description;
            return this;
        }

        /**
         * The key policy, from a classpath resource holding a key policy document (JSON), e.g.
         * {@code kms/orders-key-policy.json}. It must let the test principal
         * ({@code arn:aws:iam::<account>:user/drydock-test}, or the account) put key policies, as KMS's lockout
         * safety check requires.
         */
        public KeyFixture policy(String resource) {
            this.policyResource = resource;
            return this;
        }

        /** A tag on the key. */
        public KeyFixture tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        @Override
        public void apply(Drydock drydock) {
            AdminCalls calls = KmsServiceModule.of(drydock).adminCalls();
            String policy = policyResource == null ? null : ClasspathResources.read(policyResource, "key policy");
            AdminCalls.undoingOnRefusal(
                    "KMS refuses the key 'alias/" + name + "'", policyResource, "MalformedPolicy", undo -> {
                        KmsBackend.checkAliasName("alias/" + name); // before the key is created
                        CreateKeyResponse key = calls.call(
                                KmsModule.SIGNING_NAME,
                                CreateKeyRequest.builder()
                                        .description(description)
                                        .policy(policy)
                                        .tags(tags.entrySet().stream()
                                                .map(e -> Tag.builder()
                                                        .tagKey(e.getKey())
                                                        .tagValue(e.getValue())
                                                        .build())
                                                .toList())
                                        .build(),
                                CreateKeyResponse.class);
                        // a key cannot be deleted at once: it waits its shortest window, as on AWS
                        undo.onRefusal(() -> calls.call(
                                KmsModule.SIGNING_NAME,
                                ScheduleKeyDeletionRequest.builder()
                                        .keyId(key.keyMetadata().keyId())
                                        .pendingWindowInDays(7)
                                        .build(),
                                ScheduleKeyDeletionResponse.class));
                        return calls.call(
                                KmsModule.SIGNING_NAME,
                                CreateAliasRequest.builder()
                                        .aliasName("alias/" + name)
                                        .targetKeyId(key.keyMetadata().keyId())
                                        .build(),
                                CreateAliasResponse.class);
                    });
        }

        @Override
        public String describe() {
            return "KmsFixtures.key(\"" + name + "\")";
        }
    }
}
