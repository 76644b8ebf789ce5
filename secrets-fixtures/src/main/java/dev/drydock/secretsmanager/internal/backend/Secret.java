package dev.drydock.secretsmanager.internal.backend;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.spi.KeyEncryption.EncryptionKey;
import dev.drydock.core.spi.TagStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One secret and its versions. Changed only by the {@link SecretsBackend}, under its lock, by replacing immutable
 * values; read from any thread.
 */
public final class Secret {
    private final String name;
    private final String arn;
    private final Instant createdDate;
    volatile Map<String, SecretVersion> versions = Map.of();
    private final TagStore tags;
    volatile String description;
    volatile String kmsKeyId;
    volatile EncryptionKey key;
    volatile Instant lastChangedDate;
    volatile Instant lastAccessedDate;
    volatile Instant deletedDate;
    volatile String policyJson;
    volatile NamedPolicy policy;

    Secret(String name, String arn, Instant createdDate, TagStore tags) {
        this.name = name;
        this.arn = arn;
        this.tags = tags;
        this.createdDate = createdDate;
        this.lastChangedDate = createdDate;
    }

    public String name() {
        return name;
    }

    /** {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>}. */
    public String arn() {
        return arn;
    }

    public Instant createdDate() {
        return createdDate;
    }

    public String description() {
        return description;
    }

    /** The KMS key as the request named it ({@code KmsKeyId}), or {@code null} for {@code aws/secretsmanager}. */
    public String kmsKeyId() {
        return kmsKeyId;
    }

    /** The key new versions are encrypted under. */
    public EncryptionKey key() {
        return key;
    }

    public Instant lastChangedDate() {
        return lastChangedDate;
    }

    /** The last day (midnight UTC) a value was read, or {@code null}. */
    public Instant lastAccessedDate() {
        return lastAccessedDate;
    }

    /** When a secret scheduled for deletion is deleted, else {@code null}. */
    public Instant deletedDate() {
        return deletedDate;
    }

    /** The tags, in the order they were added (a copy, from the backend's tag store). */
    public Map<String, String> tags() {
        return tags.tags(arn);
    }

    public Optional<String> policyJson() {
        return Optional.ofNullable(policyJson);
    }

    public Optional<NamedPolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /** Version id to staging labels, for versions that have labels (or all, with {@code includeDeprecated}). */
    public Map<String, List<String>> versionStages(boolean includeDeprecated) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        versions.values().forEach(v -> {
            if (includeDeprecated || !v.stages().isEmpty()) {
                out.put(v.versionId(), List.copyOf(v.stages()));
            }
        });
        return out;
    }

    /** The versions, oldest first. */
    public List<SecretVersion> versions() {
        return List.copyOf(versions.values());
    }
}
