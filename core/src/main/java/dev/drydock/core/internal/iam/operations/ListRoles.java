package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import java.util.Locale;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * ListRoles: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html. By name; PathPrefix;
 * Marker/MaxItems. As in AWS, the listed roles carry no tags, permissions boundary or RoleLastUsed.
 */
public final class ListRoles extends IamOperation implements Operation<ListRolesRequest, ListRolesResponse> {
    public ListRoles(IamBackend iam) {
        super(iam);
    }

    @Override
    public ListRolesResponse call(ListRolesRequest request, CallContext context) {
        IamErrors.pathPrefix(request.pathPrefix());
        // IAM names the role path as the resource: "... iam:ListRoles on resource: arn:aws:iam::<account>:role/".
        context.authorize(
                "iam:ListRoles",
                "arn:aws:iam::" + iam.accountId() + ":role"
                        + (request.pathPrefix() == null ? "/" : request.pathPrefix()));
        Page<Role> page = IamErrors.PAGINATOR.page(
                iam.listRoles(request.pathPrefix()),
                r -> r.roleName().toLowerCase(Locale.ROOT),
                true,
                request.maxItems(),
                request.marker());
        return ListRolesResponse.builder()
                .roles(page.items())
                .isTruncated(page.truncated())
                .marker(page.nextToken())
                .build();
    }
}
