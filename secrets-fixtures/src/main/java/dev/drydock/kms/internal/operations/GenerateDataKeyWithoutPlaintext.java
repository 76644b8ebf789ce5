package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KeyCrypto;
import dev.drydock.kms.internal.support.KmsRequests;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;

/**
 * GenerateDataKeyWithoutPlaintext, as
 * <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html">the AWS KMS
 * API reference</a> describes it: GenerateDataKey's encrypted copy only. {@code kms:GenerateDataKeyWithoutPlaintext}
 * on the key.
 */
public final class GenerateDataKeyWithoutPlaintext
        implements Operation<GenerateDataKeyWithoutPlaintextRequest, GenerateDataKeyWithoutPlaintextResponse> {
    private final KeyAccess access;

    public GenerateDataKeyWithoutPlaintext(KeyAccess access) {
        this.access = access;
    }

    @Override
    public GenerateDataKeyWithoutPlaintextResponse call(GenerateDataKeyWithoutPlaintextRequest r, CallContext c) {
        int length = KmsRequests.dataKeyLength(r.keySpecAsString(), r.numberOfBytes());
        KmsKey key = access.backend().key(r.keyId(), true);
        Map<String, String> context = KmsRequests.context(r.encryptionContext());
        access.authorize(c, "kms:GenerateDataKeyWithoutPlaintext", key, KmsRequests.crypto(r.keyId(), context));
        byte[] blob = KeyCrypto.encrypt(key, KmsRequests.random(length), context);
        return GenerateDataKeyWithoutPlaintextResponse.builder()
                .ciphertextBlob(SdkBytes.fromByteArrayUnsafe(blob))
                .keyId(key.arn())
                .build();
    }
}
