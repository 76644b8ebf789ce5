package dev.drydock.core.internal.iam.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * IAM's answers: the SDK model shapes with the members each operation returns in AWS (CreateRole's role has no
 * MaxSessionDuration or RoleLastUsed, ListRoles' roles have no tags, boundary or RoleLastUsed), policy documents
 * URL-encoded (RFC 3986) as IAM returns them.
 */
final class IamShapes {
    private IamShapes() {}

    /** What an operation answers about an entity: each returns a different subset of its members. */
    enum View {
        CREATE,
        GET,
        LIST,
        UPDATE_DESCRIPTION
    }

    static Role role(RoleRecord r, View view) {
        Role.Builder b = Role.builder()
                .path(r.path)
                .roleName(r.name)
                .roleId(r.id)
                .arn(r.arn)
                .createDate(r.createDate)
                .assumeRolePolicyDocument(encoded(r.trustPolicyJson));
        if (r.description != null && view != View.CREATE) {
            b.description(r.description);
        }
        if (view == View.GET || view == View.LIST) {
            b.maxSessionDuration(r.maxSessionDuration);
        }
        if (view == View.GET) {
            b.roleLastUsed(RoleLastUsed.builder().build());
        }
        if (view != View.LIST) {
            if (r.boundary != null) {
                b.permissionsBoundary(boundaryShape(r.boundary));
            }
            if (!r.tags.isEmpty()) {
                b.tags(tagList(r.tags));
            }
        }
        return b.build();
    }

    /**
     * A permissions boundary as IAM answers it. The type is {@code Policy}: what GetRole answers (awsdocs/iam-user-
     * guide#82, and LocalStack's provider), although the SDK model lists {@code PermissionsBoundaryPolicy}.
     */
    static AttachedPermissionsBoundary boundaryShape(String arn) {
        return AttachedPermissionsBoundary.builder()
                .permissionsBoundaryType("Policy")
                .permissionsBoundaryArn(arn)
                .build();
    }

    static Policy policy(ManagedPolicyRecord p, View view) {
        Policy.Builder b = Policy.builder()
                .policyName(p.name)
                .policyId(p.id)
                .arn(p.arn)
                .path(p.path)
                .defaultVersionId(p.defaultVersionId)
                .attachmentCount(p.attachmentCount)
                .permissionsBoundaryUsageCount(p.permissionsBoundaryUsageCount)
                .isAttachable(true)
                .createDate(p.createDate)
                .updateDate(p.updateDate);
        if (view == View.GET && p.description != null) {
            b.description(p.description);
        }
        if (view != View.LIST && !p.tags.isEmpty()) {
            b.tags(tagList(p.tags));
        }
        return b.build();
    }

    static PolicyVersion version(ManagedPolicyRecord p, PolicyVersionRecord v, boolean withDocument) {
        PolicyVersion.Builder b = PolicyVersion.builder()
                .versionId(v.versionId())
                .isDefaultVersion(v.versionId().equals(p.defaultVersionId))
                .createDate(v.createDate());
        if (withDocument) {
            b.document(encoded(v.json()));
        }
        return b.build();
    }

    /** Tags as the SDK shape, in order. */
    static List<Tag> tagList(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return list;
    }

    /** A policy document as IAM returns it: URL-encoded per RFC 3986 ({@code %7B%22Version%22...}). */
    public static String encoded(String json) {
        return SdkHttpUtils.urlEncode(json);
    }
}
