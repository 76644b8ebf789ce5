package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KeyCrypto;
import dev.drydock.kms.internal.support.KmsRequests;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;

/**
 * Encrypt, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html">the AWS KMS API
 * reference</a> describes it: up to 4096 bytes under a symmetric key, bound to the encryption context.
 * {@code kms:Encrypt} on the key with {@code kms:EncryptionContext:*}, {@code kms:EncryptionAlgorithm},
 * {@code kms:RequestAlias}.
 */
public final class Encrypt implements Operation<EncryptRequest, EncryptResponse> {
    private final KeyAccess access;

    public Encrypt(KeyAccess access) {
        this.access = access;
    }

    @Override
    public EncryptResponse call(EncryptRequest r, CallContext c) {
        KmsRequests.symmetric(r.encryptionAlgorithmAsString());
        KmsKey key = access.backend().key(r.keyId(), true);
        Map<String, String> context = KmsRequests.context(r.encryptionContext());
        access.authorize(c, "kms:Encrypt", key, KmsRequests.crypto(r.keyId(), context));
        byte[] blob = KeyCrypto.encrypt(key, r.plaintext().asByteArrayUnsafe(), context);
        return EncryptResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(blob))
                .keyId(key.arn())
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .build();
    }
}
