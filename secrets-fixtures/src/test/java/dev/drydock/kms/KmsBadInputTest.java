package dev.drydock.kms;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;

/**
 * {@link BadInputSuite} for KMS: bad input generated from its model for every operation Drydock implements, and the
 * cases whose exact answer matters (unsupported key specs, malformed key policies, reserved tag keys, too many tags,
 * alias names, plaintexts over 4 KB, data key lengths, waiting periods, markers); never a 5xx, nothing stored.
 */
class KmsBadInputTest extends BadInputSuite {
    /** operation | body | error code | message (empty: not checked). */
    private static final String CASES = """
            CreateKey | {"KeySpec":"RSA_2048"} | UnsupportedOperationException |
            CreateKey | {"KeySpec":"BOGUS"} | ValidationException |
            CreateKey | {"Description":"{v*8193}"} | ValidationException |
            CreateKey | {"Policy":"not json"} | MalformedPolicyDocumentException |
            CreateKey | {"Tags":[{"TagKey":"aws:x","TagValue":"v"}]} | TagException |
            CreateKey | {"Tags":{tags*51:TagKey:TagValue}} | LimitExceededException |
            CreateKey | {"MultiRegion":"yes"} | SerializationException |
            DescribeKey | {} | ValidationException | 1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null
            DescribeKey | {"KeyId":"nonsense"} | NotFoundException | Invalid keyId 'nonsense'
            CreateAlias | {"AliasName":"noprefix","TargetKeyId":"{key}"} | InvalidAliasNameException |
            CreateAlias | {"AliasName":"alias/bad name","TargetKeyId":"{key}"} | ValidationException |
            CreateAlias | {"AliasName":"alias/x-{n}","TargetKeyId":"alias/something"} | NotFoundException |
            UpdateAlias | {"AliasName":"alias/missing-{n}","TargetKeyId":"{key}"} | NotFoundException |
            DeleteAlias | {"AliasName":"alias/missing-{n}"} | NotFoundException |
            Encrypt | {"KeyId":"{key}","Plaintext":"{b64of4097}"} | ValidationException |
            Encrypt | {"KeyId":"{key}","Plaintext":"AAAA","EncryptionAlgorithm":"RSAES_OAEP_SHA_256"} | InvalidKeyUsageException |
            Decrypt | {} | ValidationException |
            GenerateDataKey | {"KeyId":"{key}","KeySpec":"AES_512"} | ValidationException |
            GenerateDataKey | {"KeyId":"{key}","NumberOfBytes":2000} | ValidationException |
            GenerateRandom | {"NumberOfBytes":2000} | ValidationException |
            ScheduleKeyDeletion | {"KeyId":"{key}","PendingWindowInDays":3} | ValidationException |
            PutKeyPolicy | {"KeyId":"{key}","Policy":"{\\"Statement\\":[]}"} | MalformedPolicyDocumentException |
            PutKeyPolicy | {"KeyId":"{key}","PolicyName":"other","Policy":"{\\"Version\\":\\"2012-10-17\\"}"} | NotFoundException |
            ListKeys | {"Limit":0} | ValidationException |
            ListKeys | {"Marker":"zzz"} | InvalidMarkerException |
            TagResource | {"KeyId":"{key}","Tags":{tags*51:TagKey:TagValue}} | LimitExceededException |
            UntagResource | {"KeyId":"{key}"} | ValidationException |
            """;

    private KmsClient kms;
    private String key;

    KmsBadInputTest() {
        super(KmsClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        kms = drydock.client(KmsClient.builder());
        key = kms.createKey(r -> r.description("bad input")).keyMetadata().keyId();
        kms.tagResource(r -> r.keyId(key).tags(t -> t.tagKey("k").tagValue("v")));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of("KeyId", key, "TargetKeyId", key);
    }

    @Override
    protected List<Case> cases() {
        return jsonCases(CASES, this::fill);
    }

    private String fill(String text) {
        return text.replace("{key}", key)
                .replace("{b64of4097}", Base64.getEncoder().encodeToString(new byte[4097]));
    }

    @Override
    protected Object state() {
        return List.of(
                kms.listKeys().keys().stream().map(KeyListEntry::keyId).sorted().toList(),
                kms.listAliases().aliases().toString(),
                kms.describeKey(r -> r.keyId(key)).keyMetadata().toString(),
                kms.listResourceTags(r -> r.keyId(key)).tags().toString(),
                kms.getKeyPolicy(r -> r.keyId(key)).policy());
    }
}
