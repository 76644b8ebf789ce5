package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;

/** TagRole: https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagRole.html. */
public final class TagRole extends IamOperation implements Operation<TagRoleRequest, TagRoleResponse> {
    public TagRole(IamBackend iam) {
        super(iam);
    }

    @Override
    public TagRoleResponse call(TagRoleRequest request, CallContext context) {
        Map<String, String> tags = tags(request.tags());
        authorize(
                context,
                "iam:TagRole",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName(),
                requestTagKeys(tags));
        iam.tagRole(request.roleName(), tags);
        return TagRoleResponse.builder().build();
    }
}
