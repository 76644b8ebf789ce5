package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import java.util.Locale;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;

/**
 * ListPolicies: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicies.html. Scope All/AWS/Local,
 * OnlyAttached, PathPrefix, PolicyUsageFilter, Marker/MaxItems; by name. AWS managed policies are the ones Drydock
 * knows ({@link dev.drydock.core.internal.iam.backend.AwsManagedPolicies}).
 */
public final class ListPolicies extends IamOperation implements Operation<ListPoliciesRequest, ListPoliciesResponse> {
    public ListPolicies(IamBackend iam) {
        super(iam);
    }

    @Override
    public ListPoliciesResponse call(ListPoliciesRequest request, CallContext context) {
        PolicyScopeType scope = request.scope();
        if (scope == PolicyScopeType.UNKNOWN_TO_SDK_VERSION) {
            throw IamErrors.constraint(request.scopeAsString(), "scope", "satisfy enum value set: [All, AWS, Local]");
        }
        PolicyUsageType usage = request.policyUsageFilter();
        if (usage == PolicyUsageType.UNKNOWN_TO_SDK_VERSION) {
            throw IamErrors.constraint(
                    request.policyUsageFilterAsString(),
                    "policyUsageFilter",
                    "satisfy enum value set: [PermissionsPolicy, PermissionsBoundary]");
        }
        IamErrors.pathPrefix(request.pathPrefix());
        authorize(
                context,
                "iam:ListPolicies",
                "*",
                "policy path " + (request.pathPrefix() == null ? "/" : request.pathPrefix()));
        Page<Policy> page = IamErrors.PAGINATOR.page(
                iam.listPolicies(scope, Boolean.TRUE.equals(request.onlyAttached()), request.pathPrefix(), usage),
                p -> p.policyName().toLowerCase(Locale.ROOT) + "\u0000" + p.arn(),
                true,
                request.maxItems(),
                request.marker());
        return ListPoliciesResponse.builder()
                .policies(page.items())
                .isTruncated(page.truncated())
                .marker(page.nextToken())
                .build();
    }
}
