package dev.drydock.ssm.internal.backend;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One version of a parameter, immutable but for its labels (replaced by the backend under its lock).
 *
 * @param version the version number, from 1
 * @param type {@code String}, {@code StringList} or {@code SecureString}
 * @param value the value, for String and StringList
 * @param ciphertext the KMS ciphertext of a SecureString's value, else {@code null}
 * @param keyId a SecureString's KMS key as the request named it ({@code alias/aws/ssm} by default)
 * @param keyArn the ARN of that key
 * @param description the description
 * @param allowedPattern the regular expression values must match, or {@code null}
 * @param tier {@code Standard} or {@code Advanced}
 * @param dataType {@code text}, {@code aws:ec2:image} or {@code aws:ssm:integration}
 * @param lastModifiedDate when it was put
 * @param lastModifiedUser the ARN of the principal who put it
 * @param labels its labels
 */
public record ParameterVersion(
        long version,
        String type,
        String value,
        byte[] ciphertext,
        String keyId,
        String keyArn,
        String description,
        String allowedPattern,
        String tier,
        String dataType,
        Instant lastModifiedDate,
        String lastModifiedUser,
        Set<String> labels) {

    public ParameterVersion {
        labels = Collections.unmodifiableSet(new LinkedHashSet<>(labels));
    }

    ParameterVersion withLabels(Set<String> newLabels) {
        return new ParameterVersion(
                version,
                type,
                value,
                ciphertext,
                keyId,
                keyArn,
                description,
                allowedPattern,
                tier,
                dataType,
                lastModifiedDate,
                lastModifiedUser,
                newLabels);
    }

    /** Whether the value is a SecureString (encrypted). */
    public boolean secure() {
        return ciphertext != null;
    }
}
