package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;

/** UntagRole: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UntagRole.html. */
public final class UntagRole extends IamOperation implements Operation<UntagRoleRequest, UntagRoleResponse> {
    public UntagRole(IamBackend iam) {
        super(iam);
    }

    @Override
    public UntagRoleResponse call(UntagRoleRequest request, CallContext context) {
        authorize(
                context,
                "iam:UntagRole",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName(),
                TagConditions.tagKeys(request.tagKeys()));
        iam.untagRole(request.roleName(), request.tagKeys());
        return UntagRoleResponse.builder().build();
    }
}
