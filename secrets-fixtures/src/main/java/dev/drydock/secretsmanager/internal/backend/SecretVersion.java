package dev.drydock.secretsmanager.internal.backend;

import dev.drydock.core.spi.KeyEncryption.EncryptionKey;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One version of a secret (changed only by the {@link SecretsBackend}, under its lock; read from any thread): its
 * encrypted value, the KMS key it is encrypted under, and its staging labels. The value
 * is stored only as KMS ciphertext; {@code digest} (SHA-256 of the value) lets PutSecretValue tell a retry from a
 * change without decrypting.
 */
public final class SecretVersion {
    private final String versionId;
    private final byte[] ciphertext;
    private final boolean binary;
    private final String digest;
    private final Instant createdDate;
    private volatile Set<String> stages = Set.of();
    private final EncryptionKey key;
    private volatile Instant lastAccessedDate;

    SecretVersion(
            String versionId,
            byte[] ciphertext,
            boolean binary,
            String digest,
            Instant createdDate,
            EncryptionKey key) {
        this.versionId = versionId;
        this.ciphertext = ciphertext;
        this.binary = binary;
        this.digest = digest;
        this.createdDate = createdDate;
        this.key = key;
    }

    public String versionId() {
        return versionId;
    }

    public byte[] ciphertext() {
        return ciphertext;
    }

    /** Whether the value is SecretBinary (else SecretString). */
    public boolean binary() {
        return binary;
    }

    public String digest() {
        return digest;
    }

    public Instant createdDate() {
        return createdDate;
    }

    /** The staging labels, in the order they were attached (immutable). */
    public Set<String> stages() {
        return stages;
    }

    void addStage(String stage) {
        Set<String> more = new LinkedHashSet<>(stages);
        more.add(stage);
        stages = Collections.unmodifiableSet(more);
    }

    void removeStage(String stage) {
        Set<String> fewer = new LinkedHashSet<>(stages);
        fewer.remove(stage);
        stages = Collections.unmodifiableSet(fewer);
    }

    public EncryptionKey key() {
        return key;
    }

    public Instant lastAccessedDate() {
        return lastAccessedDate;
    }

    void accessed(Instant day) {
        lastAccessedDate = day;
    }
}
