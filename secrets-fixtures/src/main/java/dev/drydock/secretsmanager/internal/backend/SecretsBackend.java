package dev.drydock.secretsmanager.internal.backend;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.spi.KeyEncryption.EncryptionKey;
import dev.drydock.core.spi.TagStore;
import dev.drydock.secretsmanager.internal.SecretsErrors;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secrets of one account and region, and their state machines ("AWS Secrets Manager concepts",
 * https://docs.aws.amazon.com/secretsmanager/latest/userguide/getting-started.html#term_version):
 *
 * <ul>
 *   <li>Versions and staging labels: a label is on at most one version of a secret. A new version gets
 *       {@code AWSCURRENT} unless told otherwise; when {@code AWSCURRENT} moves, the version that had it gets
 *       {@code AWSPREVIOUS}. Versions without labels are deprecated and dropped beyond 100 versions.</li>
 *   <li>Deletion: DeleteSecret schedules it for deletion after a recovery window of 7 to 30 days (a day lasts
 *       {@code dayLength}), during which it can only be described, restored (RestoreSecret) or force-deleted; then it
 *       is gone and its name is free again. ForceDeleteWithoutRecovery deletes at once.</li>
 * </ul>
 *
 * <p>Thread-safe: changes lock the backend and replace the secrets' immutable values.
 */
public final class SecretsBackend {
    public static final String CURRENT = "AWSCURRENT";
    public static final String PREVIOUS = "AWSPREVIOUS";
    public static final String PENDING = "AWSPENDING";

    /** The characters CreateSecret allows in a name. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9/_+=.@-]+");

    private static final String SUFFIX_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_VERSIONS = 100;

    private final String account;
    private final String region;
    private final Clock clock;
    private final Duration dayLength;
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final TagStore tags = new TagStore(SecretsErrors.TAGS);

    /**
     * @param dayLength how long one day of a recovery window lasts (AWS: one day)
     */
    public SecretsBackend(String account, String region, Clock clock, Duration dayLength) {
        this.account = account;
        this.region = region;
        this.clock = clock;
        this.dayLength = dayLength;
    }

    /** The secrets' tags by ARN: TagResource's, and IAM's {@code aws:ResourceTag/*} source. */
    public TagStore tags() {
        return tags;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The ARN prefix of this account's and region's secrets, up to {@code secret:}. */
    public String arnPrefix() {
        return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:";
    }

    /** A new secret's ARN: the name, a hyphen and six random letters and digits, as Secrets Manager makes them. */
    public String newArn(String name) {
        StringBuilder b = new StringBuilder(arnPrefix()).append(name).append('-');
        for (int i = 0; i < 6; i++) {
            b.append(SUFFIX_CHARACTERS.charAt(RANDOM.nextInt(SUFFIX_CHARACTERS.length())));
        }
        return b.toString();
    }

    /**
     * Checks a secret name as CreateSecret does ("CreateSecret", Name:
     * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html).
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException naming the allowed characters
     */
    public static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw SecretsErrors.invalidParameter("Invalid name. Must be a valid name containing alphanumeric "
                    + "characters, or any of the following: -/_+=.@!");
        }
    }

    /**
     * The ARN a request's {@code SecretId} is authorized on: the secret's ARN when it exists, else the ARN given, else
     * {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>}.
     */
    public synchronized String resourceArn(String secretId) {
        return find(secretId).map(Secret::arn).orElse(secretId.startsWith("arn:") ? secretId : arnPrefix() + secretId);
    }

    /** The secret a {@code SecretId} (name, ARN, or ARN without its random suffix) names, deleted or not. */
    public synchronized Optional<Secret> find(String secretId) {
        purge();
        if (secretId.startsWith("arn:")) {
            if (!secretId.startsWith(arnPrefix())) {
                return Optional.empty();
            }
            for (Secret s : secrets.values()) {
                if (s.arn().equals(secretId)) {
                    return Optional.of(s);
                }
            }
            return Optional.ofNullable(
                    secrets.get(secretId.substring(arnPrefix().length())));
        }
        return Optional.ofNullable(secrets.get(secretId));
    }

    /**
     * The secret a {@code SecretId} names.
     *
     * @param allowDeleted whether a secret scheduled for deletion will do (DescribeSecret, RestoreSecret ...)
     * @throws dev.drydock.core.spi.AwsException ResourceNotFoundException, or InvalidRequestException
     *     for a secret scheduled for deletion
     */
    public synchronized Secret secret(String secretId, boolean allowDeleted) {
        Secret s = find(secretId).orElseThrow(SecretsErrors::notFound);
        if (!allowDeleted && s.deletedDate() != null) {
            throw SecretsErrors.markedForDeletion();
        }
        return s;
    }

    /**
     * Checks no secret has this name yet.
     *
     * @throws dev.drydock.core.spi.AwsException ResourceExistsException, or InvalidRequestException when
     *     the secret with that name is scheduled for deletion
     */
    public synchronized void checkAvailable(String name) {
        purge();
        Secret s = secrets.get(name);
        if (s != null) {
            throw s.deletedDate() != null ? SecretsErrors.scheduledForDeletion() : SecretsErrors.exists(name);
        }
    }

    /**
     * Creates a secret, with its first version when {@code first} is given.
     *
     * @param kmsKeyId the request's KmsKeyId, or {@code null}
     * @param key the key it is encrypted under
     */
    public synchronized Secret create(
            String name,
            String arn,
            String description,
            String kmsKeyId,
            EncryptionKey key,
            Map<String, String> tags,
            NewVersion first) {
        checkAvailable(name);
        Secret s = new Secret(name, arn, now(), this.tags);
        s.description = description;
        s.kmsKeyId = kmsKeyId;
        s.key = key;
        this.tags.put(arn, tags);
        if (first != null) {
            addVersion(s, first, List.of(CURRENT));
        }
        secrets.put(name, s);
        return s;
    }

    /**
     * A version to add.
     *
     * @param versionId its id (the request's ClientRequestToken)
     * @param ciphertext the value encrypted under {@code key}
     * @param binary whether it is SecretBinary
     * @param digest SHA-256 of the value, to tell retries from changes
     * @param key the key it is encrypted under
     */
    public record NewVersion(String versionId, byte[] ciphertext, boolean binary, String digest, EncryptionKey key) {}

    /**
     * The version a request creating {@code versionId} would repeat, if it exists.
     *
     * @throws dev.drydock.core.spi.AwsException ResourceExistsException when it exists with another
     *     value ("You can't modify an existing version")
     */
    public synchronized Optional<SecretVersion> retried(Secret s, String versionId, String digest) {
        SecretVersion v = s.versions.get(versionId);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.digest().equals(digest)) {
            throw SecretsErrors.versionExists();
        }
        return Optional.of(v);
    }

    /**
     * Adds a version with staging labels (default {@code AWSCURRENT}), moving each label from the version that had it.
     */
    public synchronized SecretVersion putVersion(Secret s, NewVersion version, List<String> stages) {
        SecretVersion v = addVersion(s, version, stages == null || stages.isEmpty() ? List.of(CURRENT) : stages);
        s.lastChangedDate = now();
        return v;
    }

    private SecretVersion addVersion(Secret s, NewVersion n, List<String> stages) {
        SecretVersion v = new SecretVersion(n.versionId(), n.ciphertext(), n.binary(), n.digest(), now(), n.key());
        Map<String, SecretVersion> versions = new LinkedHashMap<>(s.versions);
        versions.put(v.versionId(), v);
        s.versions = Collections.unmodifiableMap(versions);
        for (String stage : stages) {
            attach(s, stage, v);
        }
        dropDeprecated(s);
        return v;
    }

    /** Puts {@code stage} on {@code target}, taking it from the version that had it (AWSCURRENT leaves AWSPREVIOUS). */
    private void attach(Secret s, String stage, SecretVersion target) {
        for (SecretVersion other : s.versions.values()) {
            if (other != target && other.stages().contains(stage)) {
                other.removeStage(stage);
                if (stage.equals(CURRENT)) {
                    for (SecretVersion previous : s.versions.values()) {
                        previous.removeStage(PREVIOUS);
                    }
                    other.addStage(PREVIOUS);
                }
            }
        }
        if (stage.equals(CURRENT)) {
            target.removeStage(PREVIOUS);
        }
        target.addStage(stage);
    }

    private void dropDeprecated(Secret s) {
        if (s.versions.size() <= MAX_VERSIONS) {
            return;
        }
        Map<String, SecretVersion> versions = new LinkedHashMap<>(s.versions);
        var it = versions.values().iterator();
        while (versions.size() > MAX_VERSIONS && it.hasNext()) {
            if (it.next().stages().isEmpty()) {
                it.remove();
            }
        }
        s.versions = Collections.unmodifiableMap(versions);
    }

    /**
     * The version a read names: by id, by staging label, both (they must agree), or neither ({@code AWSCURRENT}).
     *
     * @throws dev.drydock.core.spi.AwsException ResourceNotFoundException when there is none
     */
    public SecretVersion version(Secret s, String versionId, String stage) {
        Map<String, SecretVersion> versions = s.versions;
        if (versionId != null) {
            SecretVersion v = versions.get(versionId);
            if (v == null) {
                throw SecretsErrors.versionNotFound("VersionId: " + versionId);
            }
            if (stage != null && !v.stages().contains(stage)) {
                throw SecretsErrors.invalidRequest(
                        "You provided a VersionStage that is not associated to the " + "provided VersionId.");
            }
            return v;
        }
        String label = stage == null ? CURRENT : stage;
        return versions.values().stream()
                .filter(v -> v.stages().contains(label))
                .findFirst()
                .orElseThrow(() -> SecretsErrors.versionNotFound("staging label: " + label));
    }

    /** Records a read: the day (midnight UTC) on the secret and the version. */
    public synchronized void accessed(Secret s, SecretVersion v) {
        Instant day = now().truncatedTo(ChronoUnit.DAYS);
        s.lastAccessedDate = day;
        v.accessed(day);
    }

    /**
     * Moves a staging label (UpdateSecretVersionStage): off {@code removeFrom}, onto {@code moveTo}; either may be
     * {@code null}.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException when the label is on another
     *     version than {@code removeFrom} says, or a version does not exist
     */
    public synchronized void moveStage(Secret s, String stage, String removeFrom, String moveTo) {
        SecretVersion holder = s.versions.values().stream()
                .filter(v -> v.stages().contains(stage))
                .findFirst()
                .orElse(null);
        if (removeFrom != null && !s.versions.containsKey(removeFrom)) {
            throw SecretsErrors.versionNotFound("VersionId: " + removeFrom);
        }
        if (moveTo != null && !s.versions.containsKey(moveTo)) {
            throw SecretsErrors.versionNotFound("VersionId: " + moveTo);
        }
        if (holder != null
                && !holder.versionId().equals(removeFrom)
                && !holder.versionId().equals(moveTo)) {
            throw SecretsErrors.invalidParameter("The staging label " + stage + " is currently attached to version "
                    + holder.versionId() + ", so you must explicitly reference that version in RemoveFromVersionId.");
        }
        if (removeFrom != null && moveTo == null) {
            if (stage.equals(CURRENT)) {
                throw SecretsErrors.invalidParameter("You can't remove the staging label AWSCURRENT from a version "
                        + "without moving it to another version: give MoveToVersionId.");
            }
            s.versions.get(removeFrom).removeStage(stage);
        }
        if (moveTo != null) {
            attach(s, stage, s.versions.get(moveTo));
        }
        s.lastChangedDate = now();
    }

    /** Replaces the versions' ciphertexts (UpdateSecret with a new KMS key re-encrypts the labelled versions). */
    public synchronized void reencrypt(Secret s, Map<String, byte[]> ciphertexts, EncryptionKey key) {
        Map<String, SecretVersion> versions = new LinkedHashMap<>();
        for (SecretVersion v : s.versions.values()) {
            byte[] again = ciphertexts.get(v.versionId());
            if (again == null) {
                versions.put(v.versionId(), v);
                continue;
            }
            SecretVersion copy = new SecretVersion(v.versionId(), again, v.binary(), v.digest(), v.createdDate(), key);
            v.stages().forEach(copy::addStage);
            if (v.lastAccessedDate() != null) {
                copy.accessed(v.lastAccessedDate());
            }
            versions.put(v.versionId(), copy);
        }
        s.versions = Collections.unmodifiableMap(versions);
    }

    /** Changes the description and the key new versions use (UpdateSecret). */
    public synchronized void update(Secret s, String description, String kmsKeyId, EncryptionKey key) {
        if (description != null) {
            s.description = description;
        }
        if (key != null) {
            s.kmsKeyId = kmsKeyId;
            s.key = key;
        }
        s.lastChangedDate = now();
    }

    /**
     * Schedules deletion after {@code days} days (checked by the caller) and returns the deletion date.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidRequestException when already scheduled
     */
    public synchronized Instant scheduleDeletion(Secret s, int days) {
        if (s.deletedDate != null) {
            throw SecretsErrors.markedForDeletion();
        }
        s.deletedDate = now().plus(dayLength.multipliedBy(days));
        return s.deletedDate;
    }

    /** Deletes at once (ForceDeleteWithoutRecovery); returns the deletion date, now. */
    public synchronized Instant forceDelete(Secret s) {
        secrets.remove(s.name());
        tags.remove(s.arn());
        return now();
    }

    /** Cancels a scheduled deletion. */
    public synchronized void restore(Secret s) {
        s.deletedDate = null;
    }

    /**
     * Adds or replaces tags.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException when the secret would have more than 50 tags
     */
    public synchronized void tag(Secret s, Map<String, String> add) {
        tags.tag(s.arn(), add);
    }

    public synchronized void untag(Secret s, List<String> keys) {
        tags.untag(s.arn(), keys);
    }

    public synchronized void putPolicy(Secret s, String json, NamedPolicy policy) {
        s.policyJson = json;
        s.policy = policy;
    }

    public synchronized void deletePolicy(Secret s) {
        s.policyJson = null;
        s.policy = null;
    }

    /** Every secret, scheduled for deletion or not, oldest first. */
    public synchronized List<Secret> secrets() {
        purge();
        return new ArrayList<>(secrets.values());
    }

    /** Drops secrets whose recovery window has passed. */
    private void purge() {
        Instant now = now();
        secrets.values().removeIf(s -> {
            boolean gone = s.deletedDate != null && !s.deletedDate.isAfter(now);
            if (gone) {
                tags.remove(s.arn());
            }
            return gone;
        });
    }
}
