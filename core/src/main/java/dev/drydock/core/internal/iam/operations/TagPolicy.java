package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyResponse;

/** TagPolicy: https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagPolicy.html. */
public final class TagPolicy extends IamOperation implements Operation<TagPolicyRequest, TagPolicyResponse> {
    public TagPolicy(IamBackend iam) {
        super(iam);
    }

    @Override
    public TagPolicyResponse call(TagPolicyRequest request, CallContext context) {
        Map<String, String> tags = tags(request.tags());
        authorize(context, "iam:TagPolicy", request.policyArn(), "policy " + request.policyArn(), requestTagKeys(tags));
        iam.tagPolicy(request.policyArn(), tags);
        return TagPolicyResponse.builder().build();
    }
}
