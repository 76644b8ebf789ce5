package dev.drydock.kms.internal.support;

import dev.drydock.kms.internal.backend.KmsKey;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.Tag;

/** The KMS model's shapes for Drydock's keys. */
public final class KeyShapes {
    private KeyShapes() {}

    /** DescribeKey's and CreateKey's KeyMetadata. */
    public static KeyMetadata metadata(KmsKey k, String account) {
        return KeyMetadata.builder()
                .awsAccountId(account)
                .keyId(k.keyId())
                .arn(k.arn())
                .creationDate(k.createdAt())
                .enabled(k.enabled())
                .description(k.description())
                .keyUsage(k.keyUsage())
                .keyState(k.state())
                .deletionDate(k.deletionDate())
                .pendingDeletionWindowInDays(k.pendingWindowInDays())
                .origin(OriginType.AWS_KMS)
                .keyManager(k.awsManaged() ? KeyManagerType.AWS : KeyManagerType.CUSTOMER)
                .customerMasterKeySpec(k.keySpec())
                .keySpec(k.keySpec())
                .encryptionAlgorithms(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .multiRegion(k.multiRegion())
                .build();
    }

    /** The tags as KMS lists them. */
    public static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(e ->
                        Tag.builder().tagKey(e.getKey()).tagValue(e.getValue()).build())
                .toList();
    }
}
