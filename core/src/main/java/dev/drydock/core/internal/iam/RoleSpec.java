package dev.drydock.core.internal.iam;

import java.util.List;
import java.util.Map;

/**
 * A role to create, as {@code @IamRole} or {@code IamFixtures.role(...)} declares it.
 *
 * @param name the role name (1-64 characters of {@code [\w+=,.@-]})
 * @param path the role path, e.g. {@code /} (default) or {@code /app/}
 * @param trustPolicy the trust policy JSON (AssumeRolePolicyDocument)
 * @param inlinePolicies inline policies: policy name to policy JSON
 * @param managedPolicyArns managed policies to attach (customer-managed or AWS-managed ARNs)
 * @param permissionsBoundaryArn a managed policy ARN to set as the permissions boundary, or {@code null}
 * @param tags role tags
 * @param maxSessionDurationSeconds the role's MaxSessionDuration (3600-43200)
 */
public record RoleSpec(
        String name,
        String path,
        String trustPolicy,
        Map<String, String> inlinePolicies,
        List<String> managedPolicyArns,
        String permissionsBoundaryArn,
        Map<String, String> tags,
        int maxSessionDurationSeconds) {

    public RoleSpec {
        inlinePolicies = Map.copyOf(inlinePolicies);
        managedPolicyArns = List.copyOf(managedPolicyArns);
        tags = Map.copyOf(tags);
    }
}
