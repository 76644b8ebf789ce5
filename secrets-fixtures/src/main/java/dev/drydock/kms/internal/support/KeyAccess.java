package dev.drydock.kms.internal.support;

import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.KeyPolicies;
import dev.drydock.kms.internal.backend.KmsBackend;
import dev.drydock.kms.internal.backend.KmsKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * Authorization of KMS actions on keys, as KMS authorizes them ("AWS KMS key access and permissions",
 * https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html): the key policy is the key's
 * resource-based policy and must allow the request itself (by naming the caller, its role, or the account, in which
 * case an identity-based policy must allow it too); the request context carries the condition keys of the Service
 * Authorization Reference for AWS KMS
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html):
 * {@code kms:CallerAccount}, {@code kms:KeyOrigin}, {@code kms:KeySpec}, {@code kms:KeyUsage},
 * {@code kms:MultiRegion}, {@code kms:ResourceAliases}, and per operation {@code kms:ViaService},
 * {@code kms:EncryptionContext:<key>}, {@code kms:EncryptionContextKeys}, {@code kms:EncryptionAlgorithm},
 * {@code kms:RequestAlias}.
 */
public final class KeyAccess {
    private final KmsBackend backend;

    public KeyAccess(KmsBackend backend) {
        this.backend = backend;
    }

    public KmsBackend backend() {
        return backend;
    }

    /**
     * Authorizes {@code action} on {@code key} with its key policy.
     *
     * @param keys the operation's own condition keys (added to the key's)
     * @throws dev.drydock.core.spi.AwsException AccessDeniedException with KMS's message
     */
    public void authorize(CallContext call, String action, KmsKey key, Map<String, List<String>> keys) {
        Map<String, List<String>> context = new LinkedHashMap<>(keys);
        context.put("kms:CallerAccount", List.of(call.caller().accountId()));
        context.put("kms:KeyOrigin", List.of("AWS_KMS"));
        context.put("kms:KeySpec", List.of(key.keySpec()));
        context.put("kms:KeyUsage", List.of(key.keyUsage()));
        context.put("kms:MultiRegion", List.of(Boolean.toString(key.multiRegion())));
        List<String> aliases = backend.aliasNamesOf(key.keyId());
        if (!aliases.isEmpty()) {
            context.put("kms:ResourceAliases", aliases);
        }
        call.authorize(action, key.arn(), context, key.policy(), backend.account());
    }

    /**
     * Authorizes decrypting a ciphertext of {@code key} ({@code kms:Decrypt}, or {@code kms:ReEncryptFrom}). KMS does
     * not tell a caller it may not use the ciphertext's key whether the key exists: it answers
     * {@code AccessDeniedException} "The ciphertext refers to a customer master key that does not exist, does not
     * exist in this region, or you are not allowed to access." (as seen through SSM in
     * external-secrets/kubernetes-external-secrets#627 and from KMS Decrypt in fluxcd/kustomize-controller#673). The
     * decision log keeps IAM's reason.
     *
     * @throws dev.drydock.core.spi.AwsException AccessDeniedException with that message
     */
    public void authorizeDecrypt(CallContext call, String action, KmsKey key, Map<String, List<String>> keys) {
        try {
            authorize(call, action, key, keys);
        } catch (AwsException e) {
            if (!"AccessDeniedException".equals(e.errorCode())) {
                throw e;
            }
            throw AwsException.client(
                    "AccessDeniedException",
                    "The ciphertext refers to a customer master key that does not exist, does not exist in this "
                            + "region, or you are not allowed to access.");
        }
    }

    /** Authorizes an action without a resource ({@code *}: CreateKey, ListKeys, ListAliases, GenerateRandom). */
    public void authorizeAccount(CallContext call, String action, Map<String, List<String>> keys) {
        Map<String, List<String>> context = new LinkedHashMap<>(keys);
        context.put("kms:CallerAccount", List.of(call.caller().accountId()));
        call.authorize(action, "*", context);
    }

    /** {@code kms:EncryptionContext:<key>} for each pair and {@code kms:EncryptionContextKeys}. */
    public static Map<String, List<String>> encryptionContext(Map<String, String> encryptionContext) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        encryptionContext.forEach((k, v) -> keys.put("kms:EncryptionContext:" + k, List.of(v)));
        if (!encryptionContext.isEmpty()) {
            keys.put("kms:EncryptionContextKeys", List.copyOf(encryptionContext.keySet()));
        }
        return keys;
    }

    /**
     * Checks a key may be used for cryptographic operations.
     *
     * @throws dev.drydock.core.spi.AwsException DisabledException or KMSInvalidStateException
     */
    public static void requireUsable(KmsKey key) {
        if (key.state() == KeyState.DISABLED) {
            throw KmsErrors.disabled(key.arn());
        }
        if (key.state() == KeyState.PENDING_DELETION) {
            throw KmsErrors.invalidState(key.arn() + " is pending deletion.");
        }
    }

    /**
     * The policy lockout safety check of CreateKey and PutKeyPolicy: unless the request bypasses it, the new key
     * policy must allow the caller a later PutKeyPolicy ("Default key policy: Allows access to the AWS account and
     * enables IAM policies", https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html). Evaluated
     * with the caller's identity-based policies, without recording a decision (nothing is requested yet).
     *
     * @throws dev.drydock.core.spi.AwsException MalformedPolicyDocumentException with KMS's message
     */
    public void checkLockout(CallContext call, String keyArn, String policyJson) {
        NamedPolicy policy = KeyPolicies.parse(keyArn, policyJson);
        Map<String, List<String>> keys =
                Map.of("kms:CallerAccount", List.of(call.caller().accountId()));
        if (!call.allows("kms:PutKeyPolicy", keyArn, keys, policy, backend.account())) {
            throw KmsErrors.malformedPolicy(
                    "The new key policy will not allow you to update the key policy in the future.");
        }
    }
}
