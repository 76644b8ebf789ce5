package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.AuthenticatedCaller;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.Principal;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;

/**
 * GetUser: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html. Without UserName, the calling IAM
 * user; a role session must name one ("Must specify userName when calling with non-User credentials", as IAM
 * answers).
 */
public final class GetUser extends IamOperation implements Operation<GetUserRequest, GetUserResponse> {
    public GetUser(IamBackend iam) {
        super(iam);
    }

    @Override
    public GetUserResponse call(GetUserRequest request, CallContext context) {
        String name = request.userName();
        if (name == null) {
            Principal caller = AuthenticatedCaller.principalOf(context.caller());
            if (caller.type() != Principal.Type.USER) {
                throw IamErrors.validation("Must specify userName when calling with non-User credentials");
            }
            name = caller.name();
        }
        authorize(context, "iam:GetUser", iam.userArnFor(name), "user " + name);
        return GetUserResponse.builder().user(iam.getUser(name)).build();
    }
}
