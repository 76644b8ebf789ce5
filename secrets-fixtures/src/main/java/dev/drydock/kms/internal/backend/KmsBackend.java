package dev.drydock.kms.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TagStore;
import dev.drydock.kms.internal.KmsErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * The KMS keys and aliases of one account and region, and their state machine: a key is {@code Enabled} or
 * {@code Disabled} (EnableKey, DisableKey) until ScheduleKeyDeletion makes it {@code PendingDeletion} for a waiting
 * period of 7 to 30 days (CancelKeyDeletion makes it {@code Disabled} again); when the period has passed, the key and
 * its aliases are gone ("Deleting AWS KMS keys", https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html).
 * A "day" lasts {@code dayLength} (AWS's day unless a setting shortens it for tests). Thread-safe: every method locks
 * the backend; keys are immutable values.
 */
public final class KmsBackend {
    /** {@code alias/} and 1 to 250 more of {@code [a-zA-Z0-9/_-]} (CreateAlias, AliasName). */
    private static final Pattern ALIAS_NAME = Pattern.compile("alias/[a-zA-Z0-9/_-]+");

    private static final Pattern KEY_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String account;
    private final String region;
    private final Clock clock;
    private final Duration dayLength;
    private final Map<String, KmsKey> keys = new LinkedHashMap<>();
    private final Map<String, KmsAlias> aliases = new LinkedHashMap<>();
    private final TagStore tags = new TagStore(KmsErrors.TAGS);

    /**
     * @param dayLength how long one day of a deletion waiting period lasts (AWS: one day)
     */
    public KmsBackend(String account, String region, Clock clock, Duration dayLength) {
        this.account = account;
        this.region = region;
        this.clock = clock;
        this.dayLength = dayLength;
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

    public String keyArn(String keyId) {
        return "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
    }

    public String aliasArn(String aliasName) {
        return "arn:aws:kms:" + region + ":" + account + ":" + aliasName;
    }

    // ------------------------------------------------------------------------------------------------- keys

    /**
     * Creates a customer managed symmetric encryption key.
     *
     * @param policy the key policy, or {@code null} for the default key policy
     */
    public synchronized KmsKey createKey(
            String description, String policy, Map<String, String> tags, boolean multiRegion) {
        String id = multiRegion
                ? "mrk-" + UUID.randomUUID().toString().replace("-", "")
                : UUID.randomUUID().toString();
        String arn = keyArn(id);
        String json = policy == null ? KeyPolicies.defaultPolicy(account) : policy;
        KmsKey key = new KmsKey(
                id,
                arn,
                now(),
                description == null ? "" : description,
                false,
                KeyState.ENABLED,
                null,
                null,
                json,
                KeyPolicies.parse(arn, json),
                Ciphertexts.newMaterial(),
                "SYMMETRIC_DEFAULT",
                "ENCRYPT_DECRYPT",
                multiRegion);
        keys.put(id, key);
        this.tags.put(arn, tags);
        return key;
    }

    /**
     * The AWS managed key of {@code service} ({@code secretsmanager}, {@code ssm}), created with its alias
     * {@code alias/aws/<service>} on first use, as AWS creates it the first time a resource is encrypted under it.
     */
    public synchronized KmsKey awsManagedKey(String service) {
        purgeDeleted();
        String aliasName = "alias/aws/" + service;
        KmsAlias alias = aliases.get(aliasName);
        if (alias != null && keys.containsKey(alias.targetKeyId())) {
            return keys.get(alias.targetKeyId());
        }
        String id = UUID.randomUUID().toString();
        String arn = keyArn(id);
        String json = KeyPolicies.awsManagedPolicy(service, account, region);
        String description = service.equals("ssm")
                ? "Default key that protects my SSM parameters when no other key is defined"
                : "Default key that protects my Secrets Manager data when no other key is defined";
        KmsKey key = new KmsKey(
                id,
                arn,
                now(),
                description,
                true,
                KeyState.ENABLED,
                null,
                null,
                json,
                KeyPolicies.parse(arn, json),
                Ciphertexts.newMaterial(),
                "SYMMETRIC_DEFAULT",
                "ENCRYPT_DECRYPT",
                false);
        keys.put(id, key);
        aliases.put(aliasName, new KmsAlias(aliasName, aliasArn(aliasName), id, now(), now()));
        return key;
    }

    /**
     * The key {@code keyId} names.
     *
     * @param keyId a key id or key ARN; with {@code aliases}, also an alias name or alias ARN
     * @param allowAliases whether the operation accepts aliases
     * @throws AwsException NotFoundException for an unknown key or alias or a malformed id
     */
    public synchronized KmsKey key(String keyId, boolean allowAliases) {
        purgeDeleted();
        String prefix = "arn:aws:kms:" + region + ":" + account + ":";
        String local = keyId;
        if (keyId.startsWith("arn:")) {
            if (!keyId.startsWith(prefix)) {
                String[] parts = keyId.split(":", 6);
                if (parts.length < 6 || !parts[2].equals("kms")) {
                    throw KmsErrors.invalidArn(keyId);
                }
                throw KmsErrors.keyNotFound(keyId);
            }
            local = keyId.substring(prefix.length());
            if (local.startsWith("key/")) {
                local = local.substring(4);
                if (local.isEmpty() || local.startsWith("alias")) {
                    throw KmsErrors.invalidArn(keyId);
                }
            } else if (!local.startsWith("alias/")) {
                throw KmsErrors.invalidArn(keyId);
            }
        }
        if (local.startsWith("alias/")) {
            if (!allowAliases) {
                throw KmsErrors.invalidKeyId(keyId);
            }
            KmsAlias alias = aliases.get(local);
            if (alias == null || !keys.containsKey(alias.targetKeyId())) {
                throw KmsErrors.aliasNotFound(aliasArn(local));
            }
            return keys.get(alias.targetKeyId());
        }
        KmsKey key = keys.get(local);
        if (key == null) {
            if (!KEY_ID.matcher(local).matches() && !local.startsWith("mrk-")) {
                throw KmsErrors.invalidKeyId(keyId);
            }
            throw KmsErrors.keyNotFound(keyArn(local));
        }
        return key;
    }

    /** The key with this key id, if it exists (not yet deleted). */
    public synchronized Optional<KmsKey> find(String keyId) {
        purgeDeleted();
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Every key, oldest first. */
    public synchronized List<KmsKey> keys() {
        purgeDeleted();
        return List.copyOf(keys.values());
    }

    public synchronized KmsKey enable(String keyId) {
        KmsKey key = existing(keyId);
        if (key.state() == KeyState.PENDING_DELETION) {
            throw KmsErrors.invalidState(key.arn() + " is pending deletion.");
        }
        return put(key.withState(KeyState.ENABLED, null, null));
    }

    public synchronized KmsKey disable(String keyId) {
        KmsKey key = existing(keyId);
        if (key.state() == KeyState.PENDING_DELETION) {
            throw KmsErrors.invalidState(key.arn() + " is pending deletion.");
        }
        return put(key.withState(KeyState.DISABLED, null, null));
    }

    /**
     * Schedules a key's deletion after {@code days} days (7-30, checked by the caller).
     *
     * @throws AwsException KMSInvalidStateException when it is already pending deletion
     */
    public synchronized KmsKey scheduleDeletion(String keyId, int days) {
        KmsKey key = existing(keyId);
        if (key.state() == KeyState.PENDING_DELETION) {
            throw KmsErrors.invalidState(key.arn() + " is pending deletion.");
        }
        Instant at = now().plus(dayLength.multipliedBy(days));
        return put(key.withState(KeyState.PENDING_DELETION, at, days));
    }

    /** Cancels a scheduled deletion; the key is Disabled afterwards, as in KMS. */
    public synchronized KmsKey cancelDeletion(String keyId) {
        KmsKey key = existing(keyId);
        if (key.state() != KeyState.PENDING_DELETION) {
            throw KmsErrors.invalidState(key.arn() + " is not pending deletion.");
        }
        return put(key.withState(KeyState.DISABLED, null, null));
    }

    /** Replaces the key policy (already authorized and checked for lockout). */
    public synchronized KmsKey putPolicy(String keyId, String json) {
        KmsKey key = existing(keyId);
        return put(key.withPolicy(json, KeyPolicies.parse(key.arn(), json)));
    }

    public synchronized KmsKey updateDescription(String keyId, String description) {
        return put(existing(keyId).withDescription(description));
    }

    /**
     * Adds or replaces tags.
     *
     * @throws AwsException LimitExceededException when the key would have more than 50 tags
     */
    public synchronized void tag(String keyId, Map<String, String> add) {
        tags.tag(existing(keyId).arn(), add);
    }

    public synchronized void untag(String keyId, List<String> remove) {
        tags.untag(existing(keyId).arn(), remove);
    }

    /** A key's tags, in the order they were added. */
    public Map<String, String> tags(KmsKey key) {
        return tags.tags(key.arn());
    }

    /** The keys' tags by ARN: IAM's {@code aws:ResourceTag/*} source. */
    public TagStore tags() {
        return tags;
    }

    private KmsKey existing(String keyId) {
        purgeDeleted();
        KmsKey key = keys.get(keyId);
        if (key == null) {
            throw KmsErrors.keyNotFound(keyArn(keyId));
        }
        return key;
    }

    private KmsKey put(KmsKey key) {
        keys.put(key.keyId(), key);
        return key;
    }

    /** Removes keys whose deletion date has passed, with their aliases. */
    private void purgeDeleted() {
        Instant now = now();
        keys.values().removeIf(k -> {
            boolean gone = k.deletionDate() != null && !k.deletionDate().isAfter(now);
            if (gone) {
                tags.remove(k.arn());
            }
            return gone;
        });
        aliases.values().removeIf(a -> !keys.containsKey(a.targetKeyId()));
    }

    // ---------------------------------------------------------------------------------------------- aliases

    /**
     * Checks an alias name as CreateAlias does ("CreateAlias",
     * https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html: it must begin with {@code alias/},
     * may not begin with {@code alias/aws/}, which is reserved for AWS managed keys, and holds only
     * {@code [a-zA-Z0-9/_-]}).
     *
     * @throws AwsException InvalidAliasNameException saying which rule it breaks
     */
    public static void checkAliasName(String name) {
        if (!name.startsWith("alias/")) {
            throw KmsErrors.invalidAliasName("Alias must start with the prefix \"alias/\". Please see "
                    + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        }
        if (name.startsWith("alias/aws/")) {
            throw KmsErrors.invalidAliasName(
                    "Alias names that begin with \"alias/aws/\" are reserved for AWS " + "managed keys.");
        }
        if (!ALIAS_NAME.matcher(name).matches()) {
            throw KmsErrors.invalidAliasName("Alias " + name + " contains characters that are not allowed: use "
                    + "letters, digits, '/', '_' and '-'.");
        }
    }

    /**
     * Creates an alias for a customer managed key.
     *
     * @throws AwsException AlreadyExistsException when the alias exists
     */
    public synchronized KmsAlias createAlias(String name, String keyId) {
        purgeDeleted();
        if (aliases.containsKey(name)) {
            throw KmsErrors.aliasExists(aliasArn(name));
        }
        KmsAlias alias = new KmsAlias(name, aliasArn(name), keyId, now(), now());
        aliases.put(name, alias);
        return alias;
    }

    /** The alias, if it exists. */
    public synchronized Optional<KmsAlias> alias(String name) {
        purgeDeleted();
        return Optional.ofNullable(aliases.get(name));
    }

    public synchronized KmsAlias updateAlias(String name, String keyId) {
        KmsAlias old = alias(name).orElseThrow(() -> KmsErrors.aliasNotFound(aliasArn(name)));
        KmsAlias alias = new KmsAlias(name, old.arn(), keyId, old.createdAt(), now());
        aliases.put(name, alias);
        return alias;
    }

    public synchronized void deleteAlias(String name) {
        alias(name).orElseThrow(() -> KmsErrors.aliasNotFound(aliasArn(name)));
        aliases.remove(name);
    }

    /** Every alias, sorted by name, with the aliases AWS predefines for its managed keys (no target until used). */
    public synchronized List<KmsAlias> aliases() {
        purgeDeleted();
        Map<String, KmsAlias> all = new LinkedHashMap<>(aliases);
        for (String service : List.of("secretsmanager", "ssm")) {
            String name = "alias/aws/" + service;
            all.putIfAbsent(name, new KmsAlias(name, aliasArn(name), null, null, null));
        }
        List<KmsAlias> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparing(KmsAlias::name));
        return sorted;
    }

    /** The names of the aliases that point at a key. */
    public synchronized List<String> aliasNamesOf(String keyId) {
        return aliases().stream()
                .filter(a -> keyId.equals(a.targetKeyId()))
                .map(KmsAlias::name)
                .toList();
    }
}
