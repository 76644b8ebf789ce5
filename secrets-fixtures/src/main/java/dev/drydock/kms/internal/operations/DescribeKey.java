package dev.drydock.kms.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.kms.internal.backend.KmsKey;
import dev.drydock.kms.internal.support.KeyAccess;
import dev.drydock.kms.internal.support.KeyShapes;
import dev.drydock.kms.internal.support.KmsRequests;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;

/**
 * DescribeKey, as <a href="https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html">the AWS KMS API
 * reference</a> describes it: the key by key id, key ARN, alias name or alias ARN; {@code kms:DescribeKey} on the
 * key, with its key policy ({@code kms:RequestAlias} when an alias names it). Named by the predefined alias of an AWS
 * managed key that does not exist yet ({@code alias/aws/secretsmanager}, {@code alias/aws/ssm}), the key is created,
 * as KMS creates it.
 */
public final class DescribeKey implements Operation<DescribeKeyRequest, DescribeKeyResponse> {
    private final KeyAccess access;

    public DescribeKey(KeyAccess access) {
        this.access = access;
    }

    @Override
    public DescribeKeyResponse call(DescribeKeyRequest r, CallContext c) {
        KmsKey key = KmsRequests.awsManagedAlias(r.keyId())
                .map(service -> access.backend().awsManagedKey(service))
                .orElseGet(() -> access.backend().key(r.keyId(), true));
        access.authorize(c, "kms:DescribeKey", key, KmsRequests.alias(r.keyId()));
        return DescribeKeyResponse.builder()
                .keyMetadata(KeyShapes.metadata(key, access.backend().account()))
                .build();
    }
}
