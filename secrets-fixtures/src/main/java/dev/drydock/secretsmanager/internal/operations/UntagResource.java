package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;

/**
 * UntagResource, as <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UntagResource.html">the
 * Secrets Manager API reference</a> describes it. {@code secretsmanager:UntagResource} with {@code aws:TagKeys}.
 */
public final class UntagResource implements Operation<UntagResourceRequest, UntagResourceResponse> {
    private final SecretAccess access;

    public UntagResource(SecretAccess access) {
        this.access = access;
    }

    @Override
    public UntagResourceResponse call(UntagResourceRequest r, CallContext c) {
        access.authorize(c, "secretsmanager:UntagResource", r.secretId(), TagConditions.tagKeys(r.tagKeys()));
        Secret s = access.backend().secret(r.secretId(), false);
        access.backend().untag(s, r.tagKeys());
        return UntagResourceResponse.builder().build();
    }
}
