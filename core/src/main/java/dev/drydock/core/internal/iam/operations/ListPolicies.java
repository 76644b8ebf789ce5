package dev.drydock.core.internal.iam.operations;

import dev.drydock.core.internal.iam.IamBackend;
import dev.drydock.core.internal.iam.IamErrors;
import dev.drydock.core.internal.iam.support.IamOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import java.util.Locale;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.Policy;

/**
 * ListPolicies: https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicies.html. Scope All/AWS/Local,
 * OnlyAttached, PathPrefix, PolicyUsageFilter, Marker/MaxItems; by name. AWS managed policies are the ones Drydock
 * knows ({@link dev.drydock.core.internal.iam.AwsManagedPolicies}).
 */
public final class ListPolicies extends IamOperation implements Operation<ListPoliciesRequest, ListPoliciesResponse> {
    public ListPolicies(IamBackend iam) {
        super(iam);
    }

    @Override
    public ListPoliciesResponse call(ListPoliciesRequest request, CallContext context) {
        String scope = request.scopeAsString();
        if (scope != null && !scope.equals("All") && !scope.equals("AWS") && !scope.equals("Local")) {
            throw IamErrors.constraint(scope, "scope", "satisfy enum value set: [All, AWS, Local]");
        }
        String usage = request.policyUsageFilterAsString();
        if (usage != null && !usage.equals("PermissionsPolicy") && !usage.equals("PermissionsBoundary")) {
            throw IamErrors.constraint(
                    usage, "policyUsageFilter", "satisfy enum value set: [PermissionsPolicy, PermissionsBoundary]");
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
