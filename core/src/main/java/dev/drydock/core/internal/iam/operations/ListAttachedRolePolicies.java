package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;

/** ListAttachedRolePolicies: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedRolePolicies.html. */
public final class ListAttachedRolePolicies extends IamOperation
        implements Operation<ListAttachedRolePoliciesRequest, ListAttachedRolePoliciesResponse> {
    public ListAttachedRolePolicies(IamBackend iam) {
        super(iam);
    }

    @Override
    public ListAttachedRolePoliciesResponse call(ListAttachedRolePoliciesRequest request, CallContext context) {
        authorize(
                context,
                "iam:ListAttachedRolePolicies",
                iam.roleArnFor(request.roleName()),
                "role " + request.roleName());
        Page<AttachedPolicy> page = IamErrors.PAGINATOR.page(
                iam.listAttachedRolePolicies(request.roleName(), request.pathPrefix()),
                AttachedPolicy::policyArn,
                false,
                request.maxItems(),
                request.marker());
        return ListAttachedRolePoliciesResponse.builder()
                .attachedPolicies(page.items())
                .isTruncated(page.truncated())
                .marker(page.nextToken())
                .build();
    }
}
