package dev.drydock.kms.internal.support;

import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.Ciphertexts;
import dev.drydock.kms.internal.backend.KmsBackend;
import dev.drydock.kms.internal.backend.KmsKey;
import java.util.Map;

/**
 * The cryptographic steps KMS operations and the services encrypting through KMS share, in KMS's order: find the
 * ciphertext's key, authorize (the caller does that), check the key's state, then decrypt, so that an unauthorized
 * caller learns nothing about the data and a disabled key answers {@code DisabledException}.
 */
public final class KeyCrypto {
    private KeyCrypto() {}

    /**
     * The key a ciphertext was encrypted under.
     *
     * @param requestedKeyId Decrypt's {@code KeyId}, or {@code null}
     * @throws dev.drydock.core.spi.AwsException InvalidCiphertextException for a blob KMS did not
     *     produce, NotFoundException when its key was deleted, IncorrectKeyException when {@code requestedKeyId}
     *     names another key
     */
    public static KmsKey keyOf(KmsBackend backend, byte[] blob, String requestedKeyId) {
        String keyId = Ciphertexts.keyId(blob).orElseThrow(KmsErrors::invalidCiphertext);
        KmsKey key = backend.find(keyId).orElseThrow(() -> KmsErrors.keyNotFound(backend.keyArn(keyId)));
        if (requestedKeyId != null && !backend.key(requestedKeyId, true).keyId().equals(keyId)) {
            throw KmsErrors.incorrectKey();
        }
        return key;
    }

    /** Encrypts under a usable key (state checked here; authorization by the caller). */
    public static byte[] encrypt(KmsKey key, byte[] plaintext, Map<String, String> context) {
        KeyAccess.requireUsable(key);
        return Ciphertexts.encrypt(key.keyId(), key.material(), plaintext, context);
    }

    /** Decrypts with a usable key (state checked here; authorization by the caller). */
    public static byte[] decrypt(KmsKey key, byte[] blob, Map<String, String> context) {
        KeyAccess.requireUsable(key);
        return Ciphertexts.decrypt(key.keyId(), key.material(), blob, context);
    }
}
