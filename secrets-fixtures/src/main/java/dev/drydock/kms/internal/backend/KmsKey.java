package dev.drydock.kms.internal.backend;

import dev.drydock.core.iam.policy.NamedPolicy;
import java.time.Instant;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * One KMS key, immutable: the backend replaces it on every change.
 *
 * @param keyId the key id, a UUID
 * @param arn {@code arn:aws:kms:<region>:<account>:key/<key-id>}
 * @param createdAt when it was created
 * @param description its description (may be empty)
 * @param awsManaged whether it is an AWS managed key ({@code alias/aws/<service>})
 * @param state Enabled, Disabled or PendingDeletion
 * @param deletionDate when a key pending deletion is deleted, else {@code null}
 * @param pendingWindowInDays the waiting period of a key pending deletion, else {@code null}
 * @param policyJson the key policy as given (or KMS's default), returned by GetKeyPolicy
 * @param policy the parsed key policy
 * @param material the 256-bit key material (never leaves the backend)
 * @param keySpec {@code SYMMETRIC_DEFAULT}
 * @param keyUsage {@code ENCRYPT_DECRYPT}
 * @param multiRegion whether it was created as a multi-Region primary key
 */
public record KmsKey(
        String keyId,
        String arn,
        Instant createdAt,
        String description,
        boolean awsManaged,
        KeyState state,
        Instant deletionDate,
        Integer pendingWindowInDays,
        String policyJson,
        NamedPolicy policy,
        byte[] material,
        String keySpec,
        String keyUsage,
        boolean multiRegion) {

    KmsKey withState(KeyState newState, Instant newDeletionDate, Integer window) {
        return new KmsKey(
                keyId,
                arn,
                createdAt,
                description,
                awsManaged,
                newState,
                newDeletionDate,
                window,
                policyJson,
                policy,
                material,
                keySpec,
                keyUsage,
                multiRegion);
    }

    KmsKey withPolicy(String json, NamedPolicy parsed) {
        return new KmsKey(
                keyId,
                arn,
                createdAt,
                description,
                awsManaged,
                state,
                deletionDate,
                pendingWindowInDays,
                json,
                parsed,
                material,
                keySpec,
                keyUsage,
                multiRegion);
    }

    KmsKey withDescription(String newDescription) {
        return new KmsKey(
                keyId,
                arn,
                createdAt,
                newDescription,
                awsManaged,
                state,
                deletionDate,
                pendingWindowInDays,
                policyJson,
                policy,
                material,
                keySpec,
                keyUsage,
                multiRegion);
    }

    /** Whether the key may encrypt and decrypt now. */
    public boolean enabled() {
        return state == KeyState.ENABLED;
    }

    @Override
    public String toString() {
        return "KmsKey[" + arn + ", " + state + "]";
    }
}
