package dev.drydock.core.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** Customer managed policies, their versions, ListPolicies and GetUser through the real SDK v2 IamClient. */
class IamPoliciesApiTest extends IamApiTestBase {

    private static String create(String name, String document) {
        return iam.createPolicy(r -> r.policyName(name).policyDocument(document))
                .policy()
                .arn();
    }

    @Test
    void createPolicyMakesVersionOneOfACustomerManagedPolicy() {
        String name = unique("orders-read");
        Policy p = iam.createPolicy(r -> r.policyName(name)
                        .path("/app/")
                        .description("Reads orders")
                        .policyDocument(allowing("dynamodb:GetItem"))
                        .tags(Tag.builder().key("team").value("orders").build()))
                .policy();
        assertThat(p.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":policy/app/" + name);
        assertThat(p.policyId()).matches("ANPA[A-Z2-7]{17}");
        assertThat(p.defaultVersionId()).isEqualTo("v1");
        assertThat(p.path()).isEqualTo("/app/");
        assertThat(p.attachmentCount()).isZero();
        assertThat(p.permissionsBoundaryUsageCount()).isZero();
        assertThat(p.isAttachable()).isTrue();
        assertThat(p.createDate()).isEqualTo(p.updateDate());
        assertThat(p.tags()).extracting(Tag::key).containsExactly("team");

        Policy got = iam.getPolicy(r -> r.policyArn(p.arn())).policy();
        assertThat(got.description()).isEqualTo("Reads orders");
        assertThat(got.policyId()).isEqualTo(p.policyId());

        PolicyVersion v1 =
                iam.getPolicyVersion(r -> r.policyArn(p.arn()).versionId("v1")).policyVersion();
        assertThat(v1.isDefaultVersion()).isTrue();
        assertThat(URLDecoder.decode(v1.document(), StandardCharsets.UTF_8)).isEqualTo(allowing("dynamodb:GetItem"));
        assertThat(v1.document()).startsWith("%7B%22Version%22%3A%222012-10-17%22");

        awsError(
                () -> create(name.toUpperCase(), ALLOW_ALL),
                EntityAlreadyExistsException.class,
                "EntityAlreadyExists",
                409,
                "A policy called " + name.toUpperCase() + " already exists. Duplicate names are not allowed.");
        awsError(
                () -> create(unique("bad"), ECS_TASKS_TRUST),
                MalformedPolicyDocumentException.class,
                "MalformedPolicyDocument",
                400,
                "Policy document should not specify a principal.");
        awsError(
                () -> create(
                        unique("bad"),
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Action\":\"s3:GetObject\"}]}"),
                MalformedPolicyDocumentException.class,
                "MalformedPolicyDocument",
                400,
                "Policy statement must contain resources.");
        awsError(
                () -> iam.createPolicy(r -> r.policyName(unique("x"))),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value null at 'policyDocument' failed to satisfy constraint: Member must "
                        + "not be null");
    }

    @Test
    void unknownPoliciesAndVersionsAreNoSuchEntity() {
        String missing = "arn:aws:iam::" + ACCOUNT + ":policy/never-created";
        awsError(
                () -> iam.getPolicy(r -> r.policyArn(missing)),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "Policy " + missing + " was not found.");
        awsError(
                () -> iam.deletePolicy(r -> r.policyArn(missing)),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "Policy " + missing + " was not found.");
        String arn = create(unique("versions"), ALLOW_ALL);
        awsError(
                () -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v9")),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "Policy " + arn + " version v9 does not exist or is not attachable.");
        awsError(
                () -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("latest")),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value 'latest' at 'versionId' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    }

    @Test
    void versionsAreCreatedMadeDefaultListedAndDeleted() {
        String arn = create(unique("versioned"), allowing("s3:GetObject"));
        PolicyVersion v2 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allowing("s3:PutObject")))
                .policyVersion();
        assertThat(v2.versionId()).isEqualTo("v2");
        assertThat(v2.isDefaultVersion()).isFalse();
        assertThat(v2.document()).isNull();
        PolicyVersion v3 = iam.createPolicyVersion(
                        r -> r.policyArn(arn).policyDocument(allowing("s3:*")).setAsDefault(true))
                .policyVersion();
        assertThat(v3.isDefaultVersion()).isTrue();
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId())
                .isEqualTo("v3");

        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions())
                .extracting(PolicyVersion::versionId, PolicyVersion::isDefaultVersion)
                .containsExactly(Tuple.tuple("v3", true), Tuple.tuple("v2", false), Tuple.tuple("v1", false));
        var page = iam.listPolicyVersions(r -> r.policyArn(arn).maxItems(2));
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn).marker(page.marker()))
                        .versions())
                .extracting(PolicyVersion::versionId)
                .containsExactly("v1");

        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_ALL));
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_ALL));
        awsError(
                () -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_ALL)),
                LimitExceededException.class,
                "LimitExceeded",
                409,
                "A managed policy can have up to 5 versions. "
                        + "Before you create a new version, you must delete an existing version.");
        awsError(
                () -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v3")),
                DeleteConflictException.class,
                "DeleteConflict",
                409,
                "Cannot delete the default version of a policy.");
        awsError(
                () -> iam.deletePolicy(r -> r.policyArn(arn)),
                DeleteConflictException.class,
                "DeleteConflict",
                409,
                "This policy has more than one version. Before you delete a policy, you must delete the policy's "
                        + "versions. The default version is deleted with the policy.");

        iam.setDefaultPolicyVersion(r -> r.policyArn(arn).versionId("v1"));
        for (String v : List.of("v2", "v3", "v4", "v5")) {
            iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(v));
        }
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(ALLOW_ALL));
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions())
                .extracting(PolicyVersion::versionId)
                .containsExactly("v6", "v1");
        iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v6"));
        iam.deletePolicy(r -> r.policyArn(arn));
        awsError(() -> iam.getPolicy(r -> r.policyArn(arn)), NoSuchEntityException.class, "NoSuchEntity", 404, null);
    }

    @Test
    void policiesInUseCannotBeDeleted() {
        String role = unique("user-of-policies");
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(ECS_TASKS_TRUST));
        String attached = create(unique("attached"), ALLOW_ALL);
        String boundary = create(unique("boundary"), ALLOW_ALL);
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(attached));
        iam.putRolePermissionsBoundary(r -> r.roleName(role).permissionsBoundary(boundary));

        awsError(
                () -> iam.deletePolicy(r -> r.policyArn(attached)),
                DeleteConflictException.class,
                "DeleteConflict",
                409,
                "Cannot delete a policy attached to entities.");
        awsError(
                () -> iam.deletePolicy(r -> r.policyArn(boundary)),
                DeleteConflictException.class,
                "DeleteConflict",
                409,
                "Cannot delete a policy attached to entities.");

        iam.detachRolePolicy(r -> r.roleName(role).policyArn(attached));
        iam.deleteRole(r -> r.roleName(role));
        iam.deletePolicy(r -> r.policyArn(attached));
        iam.deletePolicy(r -> r.policyArn(boundary));
    }

    @Test
    void listPoliciesByScopeAttachmentPathAndPage() {
        String path = "/" + unique("listed") + "/";
        String a = iam.createPolicy(
                        r -> r.policyName(unique("list-a")).path(path).policyDocument(ALLOW_ALL))
                .policy()
                .arn();
        String b = iam.createPolicy(
                        r -> r.policyName(unique("list-b")).path(path).policyDocument(ALLOW_ALL))
                .policy()
                .arn();
        String role = unique("lister");
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(ECS_TASKS_TRUST));
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(b));

        assertThat(iam.listPolicies(r -> r.pathPrefix(path)).policies())
                .extracting(Policy::arn)
                .containsExactly(a, b);
        assertThat(iam.listPolicies(r -> r.pathPrefix(path).onlyAttached(true)).policies())
                .extracting(Policy::arn)
                .containsExactly(b);
        assertThat(iam.listPolicies(r -> r.pathPrefix(path)
                                .onlyAttached(true)
                                .policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY))
                        .policies())
                .isEmpty();
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS)).policies())
                .extracting(Policy::arn)
                .contains(
                        "arn:aws:iam::aws:policy/AdministratorAccess",
                        "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
                .allMatch(arn -> arn.startsWith("arn:aws:iam::aws:policy/"));
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies())
                .extracting(Policy::arn)
                .contains(a, b)
                .noneMatch(arn -> arn.startsWith("arn:aws:iam::aws:"));
        // The test principal's AdministratorAccess is attached.
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).onlyAttached(true))
                        .policies())
                .extracting(Policy::policyName)
                .contains("AdministratorAccess");

        var first = iam.listPolicies(r -> r.pathPrefix(path).maxItems(1));
        assertThat(first.policies()).extracting(Policy::arn).containsExactly(a);
        assertThat(first.isTruncated()).isTrue();
        // Listed policies have no description or tags, as AWS lists them.
        assertThat(first.policies().get(0).description()).isNull();
        var second = iam.listPolicies(r -> r.pathPrefix(path).maxItems(1).marker(first.marker()));
        assertThat(second.policies()).extracting(Policy::arn).containsExactly(b);
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.marker()).isNull();
    }

    @Test
    void policyTagsAreAddedListedAndRemoved() {
        String arn = create(unique("tagged-policy"), ALLOW_ALL);
        iam.tagPolicy(
                r -> r.policyArn(arn).tags(Tag.builder().key("owner").value("a").build()));
        assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags())
                .extracting(Tag::key)
                .containsExactly("owner");
        iam.untagPolicy(r -> r.policyArn(arn).tagKeys("owner"));
        assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags()).isEmpty();
    }

    @Test
    void getUserAnswersTheCallerOrTheNamedUser() {
        User me = iam.getUser().user();
        assertThat(me.userName()).isEqualTo("drydock-test");
        assertThat(me.arn()).isEqualTo(testPrincipalArn());
        assertThat(me.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(me.path()).isEqualTo("/");
        assertThat(me.createDate()).isNotNull();
        assertThat(iam.getUser(r -> r.userName("drydock-test")).user()).isEqualTo(me);
        assertThat(sts.getCallerIdentity().userId()).isEqualTo(me.userId());
        awsError(
                () -> iam.getUser(r -> r.userName("nobody")),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "The user with name nobody cannot be found.");
    }
}
