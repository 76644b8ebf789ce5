package dev.drydock.core.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256, HMAC-SHA256 and the SigV4 signing-key derivation, on the JDK's providers. */
final class SigV4Crypto {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Enough for every principal and service a test uses in a day; cleared, not evicted, when full. */
    private static final int MAX_CACHED_KEYS = 256;

    private static final Map<String, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();

    private SigV4Crypto() {}

    static String sha256Hex(byte[] data) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmacSha256(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"), per
     * "Create a signed AWS API request", step "Calculate the signature".
     */
    static byte[] signingKey(String secretAccessKey, String date, String region, String service, String terminator) {
        // derived once per secret, day, region and service (four HMACs, about a sixth of verifying a request), as the
        // SDKs'
        // signers cache it; never modified by the callers
        String cacheKey = secretAccessKey + '\n' + date + '\n' + region + '\n' + service + '\n' + terminator;
        byte[] key = SIGNING_KEYS.get(cacheKey);
        if (key == null) {
            key = deriveSigningKey(secretAccessKey, date, region, service, terminator);
            if (SIGNING_KEYS.size() >= MAX_CACHED_KEYS) {
                SIGNING_KEYS.clear();
            }
            SIGNING_KEYS.put(cacheKey, key);
        }
        return key;
    }

    private static byte[] deriveSigningKey(
            String secretAccessKey, String date, String region, String service, String terminator) {
        byte[] kDate = hmacSha256(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = hmacSha256(kDate, region);
        byte[] kService = hmacSha256(kRegion, service);
        return hmacSha256(kService, terminator);
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Compares two strings in time independent of where they differ (for equal lengths). */
    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
