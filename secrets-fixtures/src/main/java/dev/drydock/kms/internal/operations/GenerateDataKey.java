package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KeyCrypto;
import dev.drydock.kms.internal.support.KmsRequests;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * GenerateDataKey, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html">the AWS
 * KMS API reference</a> describes it: a random data key ({@code KeySpec} AES_256/AES_128 or {@code NumberOfBytes},
 * exactly one of them) in plaintext and encrypted under the key. {@code kms:GenerateDataKey} on the key.
 */
public final class GenerateDataKey implements Operation<GenerateDataKeyRequest, GenerateDataKeyResponse> {
    private final KeyAccess access;

    public GenerateDataKey(KeyAccess access) {
        this.access = access;
    }

    @Override
    public GenerateDataKeyResponse call(GenerateDataKeyRequest r, CallContext c) {
        if (r.recipient() != null) {
            throw KmsErrors.unsupported("Drydock's KMS has no Nitro Enclaves attestation; leave Recipient out.");
        }
        int length = KmsRequests.dataKeyLength(r.keySpecAsString(), r.numberOfBytes());
        KmsKey key = access.backend().key(r.keyId(), true);
        Map<String, String> context = KmsRequests.context(r.encryptionContext());
        access.authorize(c, "kms:GenerateDataKey", key, KmsRequests.crypto(r.keyId(), context));
        byte[] dataKey = KmsRequests.random(length);
        byte[] blob = KeyCrypto.encrypt(key, dataKey, context);
        return GenerateDataKeyResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(blob))
                .plaintext(SdkBytes.fromByteArrayUnsafe(dataKey))
                .keyId(key.arn())
                .build();
    }
}
