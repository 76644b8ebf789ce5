package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.backend.KeyPolicies;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KeyShapes;
import dev.drydock.kms.internal.support.KmsRequests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;

/**
 * CreateKey, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html">the AWS KMS API
 * reference</a> describes it, for symmetric encryption keys (the kind secrets and parameters are encrypted with):
 * {@code kms:CreateKey} on {@code *} from identity-based policies only (there is no key policy yet), and
 * {@code kms:TagResource} too when tags are given; the default key policy when none is given, else the policy lockout
 * safety check. Other key specs, usages, origins and custom key stores are refused, naming what Drydock supports.
 */
public final class CreateKey implements Operation<CreateKeyRequest, CreateKeyResponse> {
    private final KeyAccess access;

    public CreateKey(KeyAccess access) {
        this.access = access;
    }

    @Override
    public CreateKeyResponse call(CreateKeyRequest r, CallContext c) {
        String spec = r.keySpecAsString() != null ? r.keySpecAsString() : r.customerMasterKeySpecAsString();
        if (r.keySpecAsString() != null && r.customerMasterKeySpecAsString() != null) {
            throw KmsErrors.validation("You cannot specify KeySpec and CustomerMasterKeySpec in the same request. "
                    + "CustomerMasterKeySpec is deprecated.");
        }
        if (spec != null && !spec.equals("SYMMETRIC_DEFAULT")) {
            throw KmsErrors.unsupported("Drydock's KMS creates symmetric encryption keys only (KeySpec "
                    + "SYMMETRIC_DEFAULT); KeySpec " + spec + " is not supported yet.");
        }
        if (r.keyUsageAsString() != null && !r.keyUsageAsString().equals("ENCRYPT_DECRYPT")) {
            throw KmsErrors.unsupported("Drydock's KMS creates symmetric encryption keys only (KeyUsage "
                    + "ENCRYPT_DECRYPT); KeyUsage " + r.keyUsageAsString() + " is not supported yet.");
        }
        if (r.originAsString() != null && !r.originAsString().equals("AWS_KMS")) {
            throw KmsErrors.unsupported("Drydock's KMS generates key material itself (Origin AWS_KMS); Origin "
                    + r.originAsString() + " is not supported yet.");
        }
        if (r.customKeyStoreId() != null || r.xksKeyId() != null) {
            throw KmsErrors.unsupported(
                    "Drydock's KMS has no custom key stores; leave CustomKeyStoreId and XksKeyId " + "out.");
        }
        Map<String, String> tags = KmsRequests.tags(r.tags(), true);
        Map<String, List<String>> keys = new LinkedHashMap<>(TagConditions.request(tags));
        keys.put("kms:KeySpec", List.of("SYMMETRIC_DEFAULT"));
        keys.put("kms:KeyUsage", List.of("ENCRYPT_DECRYPT"));
        keys.put("kms:KeyOrigin", List.of("AWS_KMS"));
        keys.put("kms:MultiRegion", List.of(Boolean.toString(Boolean.TRUE.equals(r.multiRegion()))));
        keys.put("kms:BypassPolicyLockoutSafetyCheck", List.of(Boolean.toString(bypass(r))));
        access.authorizeAccount(c, "kms:CreateKey", keys);
        if (!tags.isEmpty()) {
            access.authorizeAccount(c, "kms:TagResource", TagConditions.request(tags));
        }
        if (r.policy() != null) {
            KeyPolicies.parse("new key", r.policy());
            if (!bypass(r)) {
                access.checkLockout(c, access.backend().keyArn("*"), r.policy());
            }
        }
        KmsKey key =
                access.backend().createKey(r.description(), r.policy(), tags, Boolean.TRUE.equals(r.multiRegion()));
        return CreateKeyResponse.builder()
                .keyMetadata(KeyShapes.metadata(key, access.backend().account()))
                .build();
    }

    private static boolean bypass(CreateKeyRequest r) {
        return Boolean.TRUE.equals(r.bypassPolicyLockoutSafetyCheck());
    }
}
