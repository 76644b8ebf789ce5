package dev.drydock.core.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.iam.AuthorizationDecision;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** The IAM role API through the real SDK v2 IamClient. */
class IamRolesApiTest extends IamApiTestBase {

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static String createRole(String name) {
        return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(ECS_TASKS_TRUST))
                .role()
                .arn();
    }

    @Test
    void createRoleAnswersTheRoleAsAwsDoesAndGetRoleHasTheRest() {
        String name = unique("orders-task");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        CreateRoleResponse created = iam.createRole(r -> r.roleName(name)
                .path("/app/")
                .assumeRolePolicyDocument(ECS_TASKS_TRUST)
                .description("Orders task role")
                .maxSessionDuration(7200)
                .tags(Tag.builder().key("team").value("orders").build()));

        Role role = created.role();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/app/" + name);
        assertThat(role.path()).isEqualTo("/app/");
        assertThat(role.roleId()).matches("AROA[A-Z2-7]{17}");
        assertThat(role.createDate()).isBetween(before, Instant.now());
        assertThat(decode(role.assumeRolePolicyDocument())).isEqualTo(ECS_TASKS_TRUST);
        assertThat(role.tags())
                .containsExactly(Tag.builder().key("team").value("orders").build());
        // CreateRole's answer has no MaxSessionDuration, RoleLastUsed or Description (as AWS answers).
        assertThat(role.maxSessionDuration()).isNull();
        assertThat(role.roleLastUsed()).isNull();

        Role got = iam.getRole(r -> r.roleName(name)).role();
        assertThat(got.arn()).isEqualTo(role.arn());
        assertThat(got.roleId()).isEqualTo(role.roleId());
        assertThat(got.createDate()).isEqualTo(role.createDate());
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.description()).isEqualTo("Orders task role");
        assertThat(got.roleLastUsed()).isNotNull();
        assertThat(got.tags()).extracting(Tag::key).containsExactly("team");

        // Role names ignore case in lookups and uniqueness.
        assertThat(iam.getRole(r -> r.roleName(name.toUpperCase())).role().roleName())
                .isEqualTo(name);
        awsError(
                () -> iam.createRole(r -> r.roleName(name.toUpperCase()).assumeRolePolicyDocument(ECS_TASKS_TRUST)),
                EntityAlreadyExistsException.class,
                "EntityAlreadyExists",
                409,
                "Role with name " + name.toUpperCase() + " already exists.");

        iam.deleteRole(r -> r.roleName(name));
        awsError(
                () -> iam.getRole(r -> r.roleName(name)),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "The role with name " + name + " cannot be found.");
    }

    @Test
    void trustPoliciesAreValidatedAsTrustPolicies() {
        String name = unique("bad-trust");
        awsError(
                () -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(ALLOW_ALL)),
                MalformedPolicyDocumentException.class,
                "MalformedPolicyDocument",
                400,
                null);
        MalformedPolicyDocumentException nonSts = awsError(
                () -> iam.createRole(
                        r -> r.roleName(name)
                                .assumeRolePolicyDocument(
                                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                                + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"s3:GetObject\"}]}")),
                MalformedPolicyDocumentException.class,
                "MalformedPolicyDocument",
                400,
                null);
        assertThat(nonSts.awsErrorDetails().errorMessage())
                .isEqualTo("AssumeRole policy may only specify STS AssumeRole actions.");
        awsError(
                () -> iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument("{not json")),
                MalformedPolicyDocumentException.class,
                "MalformedPolicyDocument",
                400,
                "This policy contains invalid Json");
        awsError(() -> iam.getRole(r -> r.roleName(name)), NoSuchEntityException.class, "NoSuchEntity", 404, null);

        String ok = unique("trust-update");
        createRole(ok);
        awsError(
                () -> iam.updateAssumeRolePolicy(r -> r.roleName(ok).policyDocument(ALLOW_ALL)),
                MalformedPolicyDocumentException.class,
                "MalformedPolicyDocument",
                400,
                null);
        String trust = trusting(testPrincipalArn());
        iam.updateAssumeRolePolicy(r -> r.roleName(ok).policyDocument(trust));
        assertThat(decode(iam.getRole(r -> r.roleName(ok)).role().assumeRolePolicyDocument()))
                .isEqualTo(trust);
        assertThat(drydock.decisionLog().decisions(d -> d.action().equals("iam:UpdateAssumeRolePolicy")))
                .extracting(AuthorizationDecision::resource)
                .contains("arn:aws:iam::" + ACCOUNT + ":role/" + ok);
    }

    @Test
    void createRoleValidatesItsInputAsIam() {
        awsError(
                () -> iam.createRole(r -> r.roleName("has space").assumeRolePolicyDocument(ECS_TASKS_TRUST)),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value 'has space' at "
                        + "'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + "[\\w+=,.@-]+");
        awsError(
                () -> iam.createRole(r -> r.roleName("x".repeat(65)).assumeRolePolicyDocument(ECS_TASKS_TRUST)),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value '" + "x".repeat(65)
                        + "' at 'roleName' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 64");
        awsError(
                () -> iam.createRole(
                        r -> r.roleName(unique("p")).path("app").assumeRolePolicyDocument(ECS_TASKS_TRUST)),
                IamException.class,
                "ValidationError",
                400,
                "The specified value for path is invalid. It must begin "
                        + "and end with / and contain only alphanumeric characters and/or / characters.");
        awsError(
                () -> iam.createRole(
                        r -> r.roleName(unique("m")).maxSessionDuration(60).assumeRolePolicyDocument(ECS_TASKS_TRUST)),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member "
                        + "must have value greater than or equal to 3600");
        awsError(
                () -> iam.createRole(r ->
                        r.roleName(unique("m")).maxSessionDuration(43201).assumeRolePolicyDocument(ECS_TASKS_TRUST)),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 43200");
        // Required members, named as AWS names them.
        awsError(
                () -> iam.createRole(r -> r.path("/")),
                IamException.class,
                "ValidationError",
                400,
                "2 validation errors detected: Value null at 'roleName' failed to satisfy constraint: Member must "
                        + "not be null; Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member "
                        + "must not be null");
        awsError(
                () -> iam.getRole(r -> {}),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not "
                        + "be null");
        String missingBoundary = "arn:aws:iam::" + ACCOUNT + ":policy/no-such-boundary";
        awsError(
                () -> iam.createRole(r -> r.roleName(unique("b"))
                        .permissionsBoundary(missingBoundary)
                        .assumeRolePolicyDocument(ECS_TASKS_TRUST)),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "Scope ARN: " + missingBoundary + " does not exist or is not attachable.");
        awsError(
                () -> iam.createRole(r -> r.roleName(unique("b"))
                        .permissionsBoundary("not-an-arn-but-long-enough")
                        .assumeRolePolicyDocument(ECS_TASKS_TRUST)),
                InvalidInputException.class,
                "InvalidInput",
                400,
                "ARN not-an-arn-but-long-enough is not valid.");
    }

    @Test
    void listRolesFiltersByPathAndPagesWithMarkers() {
        String path = "/" + unique("pages") + "/";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = unique("paged");
            names.add(name);
            iam.createRole(r -> r.roleName(name)
                    .path(path)
                    .assumeRolePolicyDocument(ECS_TASKS_TRUST)
                    .tags(Tag.builder().key("k").value("v").build()));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        List<Boolean> truncated = new ArrayList<>();
        do {
            String m = marker;
            ListRolesResponse page =
                    iam.listRoles(r -> r.pathPrefix(path).maxItems(2).marker(m));
            page.roles().forEach(role -> {
                seen.add(role.roleName());
                // Listed roles carry no tags, boundary or RoleLastUsed, as AWS lists them.
                assertThat(role.hasTags()).isFalse();
                assertThat(role.roleLastUsed()).isNull();
                assertThat(role.maxSessionDuration()).isEqualTo(3600);
            });
            truncated.add(page.isTruncated());
            marker = page.marker();
            assertThat(page.isTruncated()).isEqualTo(marker != null);
        } while (marker != null);
        assertThat(seen).containsExactlyElementsOf(names.stream().sorted().toList());
        assertThat(truncated).containsExactly(true, true, false);

        // The SDK's paginator follows the markers too.
        assertThat(iam.listRolesPaginator(r -> r.pathPrefix(path).maxItems(3)).roles())
                .hasSize(5);
        assertThat(iam.listRoles(r -> r.pathPrefix("/" + unique("empty") + "/")).roles())
                .isEmpty();
        awsError(
                () -> iam.listRoles(r -> r.maxItems(0)),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
        awsError(
                () -> iam.listRoles(r -> r.marker("!!!not-a-marker")),
                IamException.class,
                "ValidationError",
                400,
                "Invalid Marker.");
    }

    @Test
    void inlinePoliciesArePutReadListedAndDeleted() {
        String role = unique("inline");
        createRole(role);
        String policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": "
                + "\"s3:GetObject\", \"Resource\": \"arn:aws:s3:::bucket/*\"}]\n}";
        iam.putRolePolicy(r -> r.roleName(role).policyName("read-bucket").policyDocument(policy));
        iam.putRolePolicy(r -> r.roleName(role).policyName("another").policyDocument(ALLOW_ALL));

        var got = iam.getRolePolicy(r -> r.roleName(role).policyName("read-bucket"));
        assertThat(got.roleName()).isEqualTo(role);
        assertThat(got.policyName()).isEqualTo("read-bucket");
        // URL-encoded (RFC 3986), white space kept, as IAM returns documents.
        assertThat(got.policyDocument()).startsWith("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22");
        assertThat(decode(got.policyDocument())).isEqualTo(policy);
        assertThat(iam.listRolePolicies(r -> r.roleName(role)).policyNames()).containsExactly("another", "read-bucket");
        var page = iam.listRolePolicies(r -> r.roleName(role).maxItems(1));
        assertThat(page.policyNames()).containsExactly("another");
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listRolePolicies(r -> r.roleName(role).marker(page.marker()))
                        .policyNames())
                .containsExactly("read-bucket");

        awsError(
                () -> iam.putRolePolicy(r -> r.roleName(role).policyName("bad").policyDocument(ECS_TASKS_TRUST)),
                MalformedPolicyDocumentException.class,
                "MalformedPolicyDocument",
                400,
                "Policy document should not specify a principal.");
        awsError(
                () -> iam.getRolePolicy(r -> r.roleName(role).policyName("nope")),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "The role policy with name nope cannot be found.");
        awsError(
                () -> iam.listRolePolicies(r -> r.roleName("no-such-role")),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "The role with name no-such-role cannot be found.");

        awsError(
                () -> iam.deleteRole(r -> r.roleName(role)),
                DeleteConflictException.class,
                "DeleteConflict",
                409,
                "Cannot delete entity, must delete policies first.");
        iam.deleteRolePolicy(r -> r.roleName(role).policyName("read-bucket"));
        iam.deleteRolePolicy(r -> r.roleName(role).policyName("another"));
        awsError(
                () -> iam.deleteRolePolicy(r -> r.roleName(role).policyName("another")),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "The role policy with name another cannot be found.");
        iam.deleteRole(r -> r.roleName(role));
    }

    @Test
    void managedPoliciesAreAttachedListedAndDetached() {
        String role = unique("attached");
        createRole(role);
        String policyArn = iam.createPolicy(
                        r -> r.policyName(unique("attach-me")).path("/team/").policyDocument(ALLOW_ALL))
                .policy()
                .arn();
        String aws = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(policyArn));
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(aws));
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(aws));

        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies())
                .extracting(AttachedPolicy::policyArn)
                .containsExactly(policyArn, aws);
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(role).pathPrefix("/service-role/"))
                        .attachedPolicies())
                .containsExactly(AttachedPolicy.builder()
                        .policyName("AmazonECSTaskExecutionRolePolicy")
                        .policyArn(aws)
                        .build());
        assertThat(iam.getPolicy(r -> r.policyArn(policyArn)).policy().attachmentCount())
                .isEqualTo(1);
        assertThat(drydock.decisionLog()
                        .decisions(d -> d.action().equals("iam:AttachRolePolicy")
                                && d.resource().endsWith(":role/" + role)))
                .allSatisfy(d -> assertThat(d.context()).containsKey("iam:PolicyARN"))
                .extracting(d -> d.context().get("iam:PolicyARN"))
                .contains(List.of(policyArn), List.of(aws));

        String unknown = "arn:aws:iam::" + ACCOUNT + ":policy/does-not-exist";
        awsError(
                () -> iam.attachRolePolicy(r -> r.roleName(role).policyArn(unknown)),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "Policy " + unknown + " does not exist or is not attachable.");
        awsError(
                () -> iam.attachRolePolicy(r -> r.roleName(role).policyArn("just-a-policy-name-here")),
                IamException.class,
                "ValidationError",
                400,
                "Invalid ARN:  Could not be parsed!");
        awsError(
                () -> iam.deleteRole(r -> r.roleName(role)),
                DeleteConflictException.class,
                "DeleteConflict",
                409,
                "Cannot delete entity, must detach all policies first.");

        iam.detachRolePolicy(r -> r.roleName(role).policyArn(policyArn));
        awsError(
                () -> iam.detachRolePolicy(r -> r.roleName(role).policyArn(policyArn)),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "Policy " + policyArn + " was not found.");
        iam.detachRolePolicy(r -> r.roleName(role).policyArn(aws));
        assertThat(iam.getPolicy(r -> r.policyArn(policyArn)).policy().attachmentCount())
                .isZero();
        iam.deleteRole(r -> r.roleName(role));
    }

    @Test
    void aRoleHoldsAtMostTenManagedPolicies() {
        String role = unique("quota");
        createRole(role);
        for (int i = 0; i < 10; i++) {
            String arn = iam.createPolicy(r -> r.policyName(unique("q")).policyDocument(ALLOW_ALL))
                    .policy()
                    .arn();
            iam.attachRolePolicy(r -> r.roleName(role).policyArn(arn));
        }
        String eleventh = iam.createPolicy(r -> r.policyName(unique("q")).policyDocument(ALLOW_ALL))
                .policy()
                .arn();
        awsError(
                () -> iam.attachRolePolicy(r -> r.roleName(role).policyArn(eleventh)),
                LimitExceededException.class,
                "LimitExceeded",
                409,
                "Cannot exceed quota for PoliciesPerRole: 10");
    }

    @Test
    void permissionsBoundariesAreSetShownAndRemoved() {
        String role = unique("bounded");
        createRole(role);
        String boundary = iam.createPolicy(r -> r.policyName(unique("boundary")).policyDocument(allowing("s3:*")))
                .policy()
                .arn();
        iam.putRolePermissionsBoundary(r -> r.roleName(role).permissionsBoundary(boundary));

        Role got = iam.getRole(r -> r.roleName(role)).role();
        assertThat(got.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(boundary);
        assertThat(got.permissionsBoundary().permissionsBoundaryTypeAsString()).isEqualTo("Policy");
        assertThat(iam.getPolicy(r -> r.policyArn(boundary)).policy().permissionsBoundaryUsageCount())
                .isEqualTo(1);
        assertThat(drydock.decisionLog()
                        .decisions(d -> d.action().equals("iam:PutRolePermissionsBoundary")
                                && d.resource().endsWith(":role/" + role)))
                .singleElement()
                .satisfies(d -> assertThat(d.context()).containsEntry("iam:PermissionsBoundary", List.of(boundary)));

        iam.deleteRolePermissionsBoundary(r -> r.roleName(role));
        assertThat(iam.getRole(r -> r.roleName(role)).role().permissionsBoundary())
                .isNull();
        assertThat(iam.getPolicy(r -> r.policyArn(boundary)).policy().permissionsBoundaryUsageCount())
                .isZero();
        String missing = "arn:aws:iam::" + ACCOUNT + ":policy/missing-boundary";
        awsError(
                () -> iam.putRolePermissionsBoundary(r -> r.roleName(role).permissionsBoundary(missing)),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "Scope ARN: " + missing + " does not exist or is not attachable.");
    }

    @Test
    void tagsAreAddedReplacedIgnoringCaseListedAndRemoved() {
        String role = unique("tagged");
        iam.createRole(r -> r.roleName(role)
                .assumeRolePolicyDocument(ECS_TASKS_TRUST)
                .tags(Tag.builder().key("Team").value("orders").build()));
        iam.tagRole(r -> r.roleName(role)
                .tags(
                        Tag.builder().key("team").value("billing").build(),
                        Tag.builder().key("env").value("test").build()));
        assertThat(iam.listRoleTags(r -> r.roleName(role)).tags())
                .containsExactly(
                        Tag.builder().key("team").value("billing").build(),
                        Tag.builder().key("env").value("test").build());
        var page = iam.listRoleTags(r -> r.roleName(role).maxItems(1));
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listRoleTags(r -> r.roleName(role).marker(page.marker())).tags())
                .extracting(Tag::key)
                .containsExactly("env");

        iam.untagRole(r -> r.roleName(role).tagKeys("TEAM", "not-there"));
        assertThat(iam.listRoleTags(r -> r.roleName(role)).tags())
                .extracting(Tag::key)
                .containsExactly("env");

        awsError(
                () -> iam.tagRole(r -> r.roleName(role)
                        .tags(
                                Tag.builder().key("a").value("1").build(),
                                Tag.builder().key("A").value("2").build())),
                InvalidInputException.class,
                "InvalidInput",
                400,
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        awsError(
                () -> iam.tagRole(r -> r.roleName(role)
                        .tags(Tag.builder().key("bad#key").value("1").build())),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value 'bad#key' at "
                        + "'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression "
                        + "pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        awsError(
                () -> iam.tagRole(r -> r.roleName(role).tags(many)),
                LimitExceededException.class,
                "LimitExceeded",
                409,
                "Cannot exceed quota for TagsPerRole: 50");

        Map<String, List<String>> context = drydock.decisionLog()
                .decisions(d -> d.action().equals("iam:TagRole") && d.resource().endsWith(":role/" + role))
                .get(0)
                .context();
        assertThat(context)
                .containsEntry("aws:RequestTag/team", List.of("billing"))
                .containsEntry("aws:TagKeys", List.of("team", "env"))
                .containsEntry("aws:ResourceTag/Team", List.of("orders"));
    }

    @Test
    void updateRoleChangesDescriptionAndMaxSessionDuration() {
        String role = unique("updated");
        createRole(role);
        iam.updateRole(r -> r.roleName(role).maxSessionDuration(14400).description("longer sessions"));
        Role got = iam.getRole(r -> r.roleName(role)).role();
        assertThat(got.maxSessionDuration()).isEqualTo(14400);
        assertThat(got.description()).isEqualTo("longer sessions");
        Role described = iam.updateRoleDescription(r -> r.roleName(role).description("renamed"))
                .role();
        assertThat(described.description()).isEqualTo("renamed");
        awsError(
                () -> iam.updateRole(r -> r.roleName(role).maxSessionDuration(100000)),
                IamException.class,
                "ValidationError",
                400,
                null);
    }

    @Test
    void createRoleIsAuthorizedOnTheNewRolesArnWithItsRequestTags() {
        String role = unique("authorized");
        iam.createRole(r -> r.roleName(role)
                .path("/svc/")
                .assumeRolePolicyDocument(ECS_TASKS_TRUST)
                .tags(Tag.builder().key("cost-center").value("42").build()));
        AuthorizationDecision decision = drydock.decisionLog()
                .decisions(
                        d -> d.action().equals("iam:CreateRole") && d.resource().endsWith("/" + role))
                .get(0);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.service()).isEqualTo("iam");
        assertThat(decision.operation()).isEqualTo("CreateRole");
        assertThat(decision.principalArn()).isEqualTo(testPrincipalArn());
        assertThat(decision.resource()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/svc/" + role);
        assertThat(decision.context())
                .containsEntry("aws:RequestTag/cost-center", List.of("42"))
                .containsEntry("aws:TagKeys", List.of("cost-center"));
        assertThat(decision.decidingStatement())
                .hasValueSatisfying(s -> assertThat(s.policyId()).isEqualTo("AdministratorAccess"));
    }
}
