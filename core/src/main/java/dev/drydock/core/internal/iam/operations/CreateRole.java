package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;

/**
 * CreateRole: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html. The trust policy
 * (AssumeRolePolicyDocument) is validated as a trust policy: MalformedPolicyDocument with the policy engine's reason.
 * Authorized as {@code iam:CreateRole} on the new role's ARN with {@code aws:RequestTag/*}, {@code aws:TagKeys} and
 * {@code iam:PermissionsBoundary}.
 */
public final class CreateRole extends IamOperation implements Operation<CreateRoleRequest, CreateRoleResponse> {
    public CreateRole(IamBackend iam) {
        super(iam);
    }

    @Override
    public CreateRoleResponse call(CreateRoleRequest request, CallContext context) {
        String path = request.path() == null ? "/" : request.path();
        IamErrors.path(path);
        Map<String, String> tags = tags(request.tags());
        Map<String, List<String>> keys = requestTagKeys(tags);
        if (request.permissionsBoundary() != null) {
            keys.put("iam:PermissionsBoundary", List.of(request.permissionsBoundary()));
        }
        context.authorize(
                "iam:CreateRole", "arn:aws:iam::" + iam.accountId() + ":role" + path + request.roleName(), keys);
        return CreateRoleResponse.builder()
                .role(iam.createRole(
                        request.roleName(),
                        path,
                        request.assumeRolePolicyDocument(),
                        request.description(),
                        request.maxSessionDuration(),
                        request.permissionsBoundary(),
                        tags))
                .build();
    }
}
