package dev.drydock.secretsmanager.internal.support;

import dev.drydock.secretsmanager.internal.SecretsErrors;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;

/**
 * A secret value from a request: {@code SecretString} or {@code SecretBinary}, never both ("CreateSecret",
 * "PutSecretValue": "You can't specify both"). Sizes are the model's (65,536), checked before handlers run.
 */
public final class SecretValues {
    private SecretValues() {}

    /**
     * A value to store.
     *
     * @param bytes the value (a string's UTF-8 bytes)
     * @param binary whether it is SecretBinary
     * @param digest its digest, see {@link SecretAccess#digest}
     */
    public record Value(byte[] bytes, boolean binary, String digest) {}

    /**
     * The value of a request.
     *
     * @param required whether the operation needs one (PutSecretValue)
     * @return the value, or {@code null} when none is given and none is required
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException for both or (when required)
     *     neither
     */
    public static Value of(String string, SdkBytes binary, boolean required) {
        if (string != null && binary != null) {
            throw SecretsErrors.invalidParameter(
                    "You can't specify both a binary secret value and a string secret " + "value in the same secret.");
        }
        if (string == null && binary == null) {
            if (required) {
                throw SecretsErrors.invalidRequest("You must provide either SecretString or SecretBinary.");
            }
            return null;
        }
        byte[] bytes = string != null ? string.getBytes(StandardCharsets.UTF_8) : binary.asByteArray();
        return new Value(bytes, binary != null, SecretAccess.digest(binary != null, bytes));
    }
}
