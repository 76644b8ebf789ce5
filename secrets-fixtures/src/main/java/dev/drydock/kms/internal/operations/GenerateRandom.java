package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.KmsErrors;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KmsRequests;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.GenerateRandomResponse;

/**
 * GenerateRandom, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html">the AWS KMS
 * API reference</a> describes it: 1 to 1024 random bytes. {@code kms:GenerateRandom} on {@code *}.
 */
public final class GenerateRandom implements Operation<GenerateRandomRequest, GenerateRandomResponse> {
    private final KeyAccess access;

    public GenerateRandom(KeyAccess access) {
        this.access = access;
    }

    @Override
    public GenerateRandomResponse call(GenerateRandomRequest r, CallContext c) {
        if (r.customKeyStoreId() != null || r.recipient() != null) {
            throw KmsErrors.unsupported("Drydock's KMS has no custom key stores or Nitro Enclaves attestation; leave "
                    + "CustomKeyStoreId and Recipient out.");
        }
        if (r.numberOfBytes() == null) {
            throw KmsErrors.validation("Please specify number of bytes.");
        }
        access.authorizeAccount(c, "kms:GenerateRandom", Map.of());
        return GenerateRandomResponse.builder()
                .plaintext(SdkBytes.fromByteArrayUnsafe(KmsRequests.random(r.numberOfBytes())))
                .build();
    }
}
