package dev.drydock.kms.internal.backend;

import dev.drydock.kms.internal.KmsErrors;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Drydock's KMS ciphertext blobs: not AWS's format, but they behave as AWS's do. A blob names its key (so Decrypt
 * needs no {@code KeyId}), is AES-256-GCM under that key's own random material with the encryption context as
 * additional authenticated data, and so fails to decrypt under any other key, with another encryption context, or
 * when altered ({@code InvalidCiphertextException}).
 *
 * <p>Layout: version byte {@code 0x01}, the key id (36 ASCII characters), a 12-byte IV, the GCM output.
 */
public final class Ciphertexts {
    private static final byte VERSION = 1;
    private static final int KEY_ID_LENGTH = 36;
    private static final int IV_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ciphertexts() {}

    /** New key material: 256 random bits. */
    public static byte[] newMaterial() {
        return random(32);
    }

    /** {@code n} random bytes (GenerateRandom, data keys). */
    public static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Encrypts {@code plaintext} under a key's material, bound to the key id and the encryption context. */
    public static byte[] encrypt(String keyId, byte[] material, byte[] plaintext, Map<String, String> context) {
        byte[] iv = random(IV_LENGTH);
        byte[] sealed;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(material, "AES"), new GCMParameterSpec(128, iv));
            c.updateAAD(aad(keyId, context));
            sealed = c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
        ByteBuffer b = ByteBuffer.allocate(1 + KEY_ID_LENGTH + IV_LENGTH + sealed.length);
        b.put(VERSION).put(keyId.getBytes(StandardCharsets.US_ASCII)).put(iv).put(sealed);
        return b.array();
    }

    /** The key id a blob names, or empty when the blob is not one of Drydock's. */
    public static Optional<String> keyId(byte[] blob) {
        if (blob == null || blob.length < 1 + KEY_ID_LENGTH + IV_LENGTH + 16 || blob[0] != VERSION) {
            return Optional.empty();
        }
        String id = new String(blob, 1, KEY_ID_LENGTH, StandardCharsets.US_ASCII);
        return id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                ? Optional.of(id)
                : Optional.empty();
    }

    /**
     * Decrypts a blob with its key's material.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidCiphertextException when the blob was altered,
     *     belongs to another key or was encrypted with another encryption context
     */
    public static byte[] decrypt(String keyId, byte[] material, byte[] blob, Map<String, String> context) {
        if (!keyId(blob).map(keyId::equals).orElse(false)) {
            throw KmsErrors.invalidCiphertext();
        }
        int offset = 1 + KEY_ID_LENGTH;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(material, "AES"),
                    new GCMParameterSpec(128, blob, offset, IV_LENGTH));
            c.updateAAD(aad(keyId, context));
            return c.doFinal(blob, offset + IV_LENGTH, blob.length - offset - IV_LENGTH);
        } catch (GeneralSecurityException e) {
            throw KmsErrors.invalidCiphertext();
        }
    }

    /** The key id and the encryption context, canonical (sorted by key), as associated data. */
    private static byte[] aad(String keyId, Map<String, String> context) {
        StringBuilder b = new StringBuilder(keyId);
        new TreeMap<>(context == null ? Map.of() : context)
                .forEach((k, v) -> b.append('\u0000').append(k).append('\u0000').append(v));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
