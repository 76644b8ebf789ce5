package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;

/** ListRolePolicies: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRolePolicies.html. */
public final class ListRolePolicies extends IamOperation
        implements Operation<ListRolePoliciesRequest, ListRolePoliciesResponse> {
    public ListRolePolicies(IamBackend iam) {
        super(iam);
    }

    @Override
    public ListRolePoliciesResponse call(ListRolePoliciesRequest request, CallContext context) {
        authorize(context, "iam:ListRolePolicies", iam.roleArnFor(request.roleName()), "role " + request.roleName());
        Page<String> page = IamErrors.PAGINATOR.page(
                iam.listRolePolicies(request.roleName()), n -> n, true, request.maxItems(), request.marker());
        return ListRolePoliciesResponse.builder()
                .policyNames(page.items())
                .isTruncated(page.truncated())
                .marker(page.nextToken())
                .build();
    }
}
