package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KeyCrypto;
import dev.drydock.kms.internal.support.KmsRequests;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * ReEncrypt, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html">the AWS KMS API
 * reference</a> describes it: decrypts under the ciphertext's key and encrypts under {@code DestinationKeyId}
 * without returning the plaintext. {@code kms:ReEncryptFrom} on the source key, {@code kms:ReEncryptTo} on the
 * destination key.
 */
public final class ReEncrypt implements Operation<ReEncryptRequest, ReEncryptResponse> {
    private final KeyAccess access;

    public ReEncrypt(KeyAccess access) {
        this.access = access;
    }

    @Override
    public ReEncryptResponse call(ReEncryptRequest r, CallContext c) {
        KmsRequests.symmetric(r.sourceEncryptionAlgorithmAsString());
        KmsRequests.symmetric(r.destinationEncryptionAlgorithmAsString());
        byte[] blob =
                r.ciphertextBlob() == null ? new byte[0] : r.ciphertextBlob().asByteArrayUnsafe();
        KmsKey source = KeyCrypto.keyOf(access.backend(), blob, r.sourceKeyId());
        KmsKey destination = access.backend().key(r.destinationKeyId(), true);
        Map<String, String> sourceContext = KmsRequests.context(r.sourceEncryptionContext());
        Map<String, String> destinationContext = KmsRequests.context(r.destinationEncryptionContext());
        access.authorizeDecrypt(c, "kms:ReEncryptFrom", source, KmsRequests.crypto(r.sourceKeyId(), sourceContext));
        access.authorize(
                c, "kms:ReEncryptTo", destination, KmsRequests.crypto(r.destinationKeyId(), destinationContext));
        byte[] plaintext = KeyCrypto.decrypt(source, blob, sourceContext);
        byte[] again = KeyCrypto.encrypt(destination, plaintext, destinationContext);
        return ReEncryptResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(again))
                .sourceKeyId(source.arn())
                .keyId(destination.arn())
                .sourceEncryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .destinationEncryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .build();
    }
}
