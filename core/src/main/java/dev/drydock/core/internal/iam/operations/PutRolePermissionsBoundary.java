package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryResponse;

/**
 * PutRolePermissionsBoundary: https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePermissionsBoundary.html.
 * Authorized with {@code iam:PermissionsBoundary} = the new boundary.
 */
public final class PutRolePermissionsBoundary extends IamOperation
        implements Operation<PutRolePermissionsBoundaryRequest, PutRolePermissionsBoundaryResponse> {
    public PutRolePermissionsBoundary(IamBackend iam) {
        super(iam);
    }

    @Override
    public PutRolePermissionsBoundaryResponse call(PutRolePermissionsBoundaryRequest request, CallContext context) {
        authorize(
                context,
                "iam:PutRolePermissionsBoundary",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName(),
                Map.of("iam:PermissionsBoundary", List.of(request.permissionsBoundary())));
        iam.putRolePermissionsBoundary(request.roleName(), request.permissionsBoundary());
        return PutRolePermissionsBoundaryResponse.builder().build();
    }
}
