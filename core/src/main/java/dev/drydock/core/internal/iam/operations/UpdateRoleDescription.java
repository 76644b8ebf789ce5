package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionResponse;

/** UpdateRoleDescription: https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRoleDescription.html. */
public final class UpdateRoleDescription extends IamOperation
        implements Operation<UpdateRoleDescriptionRequest, UpdateRoleDescriptionResponse> {
    public UpdateRoleDescription(IamBackend iam) {
        super(iam);
    }

    @Override
    public UpdateRoleDescriptionResponse call(UpdateRoleDescriptionRequest request, CallContext context) {
        authorize(
                context, "iam:UpdateRoleDescription", iam.roleArnFor(request.roleName()), "role " + request.roleName());
        return UpdateRoleDescriptionResponse.builder()
                .role(iam.updateRoleDescription(request.roleName(), request.description()))
                .build();
    }
}
