package dev.drydock.kms.internal.support;

import dev.drydock.core.spi.AwsException;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.Ciphertexts;
import dev.drydock.kms.internal.backend.KeyPolicies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * What several KMS operations read from their requests the same way: the {@code kms:RequestAlias} and cryptographic
 * condition keys, paging with {@code Limit} and {@code Marker}, tags, data key lengths and policy names.
 */
public final class KmsRequests {
    /** A key's only policy name ("Key policies in AWS KMS"). */
    public static final String DEFAULT_POLICY = KeyPolicies.DEFAULT_POLICY_NAME;

    private KmsRequests() {}

    /** {@code kms:RequestAlias} when the request names the key by an alias (name or ARN), else nothing. */
    public static Map<String, List<String>> alias(String keyId) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (keyId != null) {
            int at = keyId.indexOf("alias/");
            if (keyId.startsWith("alias/") || (keyId.startsWith("arn:") && at > 0)) {
                keys.put("kms:RequestAlias", List.of(keyId.substring(at)));
            }
        }
        return keys;
    }

    /**
     * The condition keys of a cryptographic operation: {@code kms:EncryptionContext:<key>},
     * {@code kms:EncryptionContextKeys}, {@code kms:EncryptionAlgorithm} and {@code kms:RequestAlias}.
     */
    public static Map<String, List<String>> crypto(String keyId, Map<String, String> encryptionContext) {
        Map<String, List<String>> keys = new LinkedHashMap<>(alias(keyId));
        keys.putAll(KeyAccess.encryptionContext(encryptionContext));
        keys.put("kms:EncryptionAlgorithm", List.of("SYMMETRIC_DEFAULT"));
        return keys;
    }

    /**
     * The service of an AWS managed key's predefined alias ({@code alias/aws/secretsmanager}, {@code alias/aws/ssm},
     * by name or ARN), which KMS creates the key for on first use.
     */
    public static Optional<String> awsManagedAlias(String keyId) {
        if (keyId == null) {
            return Optional.empty();
        }
        for (String service : List.of("secretsmanager", "ssm")) {
            String alias = "alias/aws/" + service;
            if (keyId.equals(alias) || (keyId.startsWith("arn:") && keyId.endsWith(":" + alias))) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    /** The encryption context of a request (absent is empty). */
    public static Map<String, String> context(Map<String, String> encryptionContext) {
        return encryptionContext == null ? Map.of() : encryptionContext;
    }

    /** Drydock's keys are symmetric: only SYMMETRIC_DEFAULT is a valid encryption algorithm. */
    public static void symmetric(String algorithm) {
        if (algorithm != null && !algorithm.equals("SYMMETRIC_DEFAULT")) {
            throw AwsException.client(
                    "InvalidKeyUsageException",
                    "The encryption algorithm " + algorithm + " is not compatible with the symmetric encryption key "
                            + "(SYMMETRIC_DEFAULT only).");
        }
    }

    /**
     * Tags as KMS accepts them ("Tags in AWS KMS", https://docs.aws.amazon.com/kms/latest/developerguide/tagging-keys.html):
     * keys unique in a request, then {@link KmsErrors#TAGS}.
     *
     * @param countThem whether the request's tags are all the key will have (CreateKey), so their number is checked
     */
    public static Map<String, String> tags(List<Tag> tags, boolean countThem) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Tag t : tags) {
            if (map.containsKey(t.tagKey())) {
                throw KmsErrors.tag("Duplicate tag key: " + t.tagKey());
            }
            map.put(t.tagKey(), t.tagValue());
        }
        return countThem ? KmsErrors.TAGS.checkMap(map) : KmsErrors.TAGS.checkEachOfMap(map);
    }

    /** The length of a data key: GenerateDataKey's {@code KeySpec} or {@code NumberOfBytes}, exactly one of them. */
    public static int dataKeyLength(String keySpec, Integer numberOfBytes) {
        if (keySpec == null && numberOfBytes == null) {
            throw KmsErrors.validation("Please specify either number of bytes or key spec.");
        }
        if (keySpec != null && numberOfBytes != null) {
            throw KmsErrors.validation("Please specify either number of bytes or key spec, not both.");
        }
        if (numberOfBytes != null) {
            return numberOfBytes;
        }
        return keySpec.equals("AES_128") ? 16 : 32;
    }

    /** {@code length} random bytes: a data key, or GenerateRandom's answer. */
    public static byte[] random(int length) {
        return Ciphertexts.random(length);
    }

    /** Accepts an absent policy name or {@code default}; any other names no policy. */
    public static void checkPolicyName(String name) {
        if (name != null && !name.equals(DEFAULT_POLICY)) {
            throw AwsException.client("NotFoundException", "No such policy exists: " + name);
        }
    }
}
