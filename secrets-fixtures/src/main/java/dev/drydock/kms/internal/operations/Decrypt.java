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
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;

/**
 * Decrypt, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html">the AWS KMS API
 * reference</a> describes it: the ciphertext names its key, so {@code KeyId} is optional (when given it must be that
 * key: IncorrectKeyException); the encryption context must be the one it was encrypted with
 * (InvalidCiphertextException). {@code kms:Decrypt} on the ciphertext's key.
 */
public final class Decrypt implements Operation<DecryptRequest, DecryptResponse> {
    private final KeyAccess access;

    public Decrypt(KeyAccess access) {
        this.access = access;
    }

    @Override
    public DecryptResponse call(DecryptRequest r, CallContext c) {
        if (r.ciphertextBlob() == null) {
            throw KmsErrors.validation("1 validation error detected: Value null at 'ciphertextBlob' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (r.recipient() != null) {
            throw KmsErrors.unsupported("Drydock's KMS has no Nitro Enclaves attestation; leave Recipient out.");
        }
        KmsRequests.symmetric(r.encryptionAlgorithmAsString());
        byte[] blob = r.ciphertextBlob().asByteArrayUnsafe();
        KmsKey key = KeyCrypto.keyOf(access.backend(), blob, r.keyId());
        Map<String, String> context = KmsRequests.context(r.encryptionContext());
        access.authorizeDecrypt(c, "kms:Decrypt", key, KmsRequests.crypto(r.keyId(), context));
        byte[] plaintext = KeyCrypto.decrypt(key, blob, context);
        return DecryptResponse.builder()
                .keyId(key.arn())
                .plaintext(SdkBytes.fromByteArrayUnsafe(plaintext))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)
                .build();
    }
}
