package dev.drydock.secretsmanager.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.secretsmanager.internal.SecretsErrors;
import dev.drydock.secretsmanager.internal.backend.Secret;
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;

/**
 * TagResource, as <a href="https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_TagResource.html">the
 * Secrets Manager API reference</a> describes it: adds or replaces tags (at most 50 per secret).
 * {@code secretsmanager:TagResource} with {@code aws:RequestTag/*} and {@code aws:TagKeys}.
 */
public final class TagResource implements Operation<TagResourceRequest, TagResourceResponse> {
    private final SecretAccess access;

    public TagResource(SecretAccess access) {
        this.access = access;
    }

    @Override
    public TagResourceResponse call(TagResourceRequest r, CallContext c) {
        Map<String, String> tags = SecretsErrors.TAGS.checkEach(r.tags());
        access.authorize(c, "secretsmanager:TagResource", r.secretId(), TagConditions.request(tags));
        Secret s = access.backend().secret(r.secretId(), false);
        access.backend().tag(s, tags);
        return TagResourceResponse.builder().build();
    }
}
