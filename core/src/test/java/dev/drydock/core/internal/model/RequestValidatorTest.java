package dev.drydock.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.ValidationStyle;
import dev.drydock.core.spi.Violation;
import dev.drydock.core.spi.Violation.Kind;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.CreateRepositoryRequest;
import software.amazon.awssdk.services.ecr.model.ImageTagMutabilityExclusionFilter;
import software.amazon.awssdk.services.ecr.model.Tag;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.CreateFileSystemRequest;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;

/**
 * The model check's findings and AWS's words for them, on real service models: paths ({@code tags.1.member.key}),
 * list elements, map keys, numbers, enum values, several violations, idempotency tokens, blank members.
 */
class RequestValidatorTest {
    private static final ModelChecks ECR = checks(EcrClient.class);
    private static final ModelChecks IAM =
            new ModelChecks(IamClient.class, ValidationStyle.awsValidation("ValidationError"), Map.of());

    private static ModelChecks checks(Class<?> client) {
        return new ModelChecks(client, ValidationStyle.awsValidation("ValidationException"), Map.of());
    }

    private static String message(ModelChecks checks, String operation, SdkPojo request) {
        AwsException e = catchThrowableOfType(AwsException.class, () -> checks.check(operation, request));
        assertThat(e).as("%s is refused", request).isNotNull();
        assertThat(e.httpStatus()).isEqualTo(400);
        return e.getMessage();
    }

    @Test
    void aValidRequestPasses() {
        ECR.check(
                "CreateRepository",
                CreateRepositoryRequest.builder()
                        .repositoryName("team/api")
                        .tags(Tag.builder().key("k").value("v").build())
                        .build());
    }

    @Test
    void missingMembersAreNamedAsAwsNamesThemInModelOrder() {
        assertThat(message(
                        IAM, "CreateRole", CreateRoleRequest.builder().path("/").build()))
                .isEqualTo("2 validation errors detected: Value null at 'roleName' failed to satisfy constraint: "
                        + "Member must not be null; Value null at 'assumeRolePolicyDocument' failed to satisfy "
                        + "constraint: Member must not be null");
    }

    @Test
    void nestedListMembersHaveAwsPaths() {
        String message = message(
                ECR,
                "CreateRepository",
                CreateRepositoryRequest.builder()
                        .repositoryName("ok")
                        .tags(
                                Tag.builder().key("a").value("1").build(),
                                Tag.builder().value("2").build())
                        .build());
        assertThat(message)
                .isEqualTo("1 validation error detected: Value null at 'tags.2.member.key' failed to satisfy "
                        + "constraint: Member must not be null");
    }

    @Test
    void lengthPatternEnumAndListSizeAreEachAViolation() {
        List<Violation> found = ECR.violations(
                "CreateRepository",
                CreateRepositoryRequest.builder()
                        .repositoryName("A")
                        .imageTagMutability("SOMETIMES")
                        .imageTagMutabilityExclusionFilters(Collections.nCopies(
                                6,
                                ImageTagMutabilityExclusionFilter.builder()
                                        .filterType("WILDCARD")
                                        .filter("v*")
                                        .build()))
                        .encryptionConfiguration(e -> e.encryptionType("ROT13"))
                        .build());
        assertThat(found)
                .extracting(Violation::path, Violation::kind)
                .containsExactly(
                        tuple("repositoryName", Kind.TOO_SHORT),
                        tuple("repositoryName", Kind.PATTERN),
                        tuple("imageTagMutability", Kind.ENUM),
                        tuple("imageTagMutabilityExclusionFilters", Kind.TOO_LONG),
                        tuple("encryptionConfiguration.encryptionType", Kind.ENUM));
        assertThat(found.get(2).message())
                .isEqualTo("Value 'SOMETIMES' at 'imageTagMutability' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, "
                        + "MUTABLE_WITH_EXCLUSION]");
        assertThat(found.get(3).constraint()).isEqualTo("Member must have length less than or equal to 5");
        assertThat(ValidationStyle.message(found)).startsWith("5 validation errors detected: Value 'A' at ");
    }

    @Test
    void numbersAreCheckedAgainstTheirRange() {
        assertThat(message(
                        IAM,
                        "CreateRole",
                        CreateRoleRequest.builder()
                                .roleName("r")
                                .assumeRolePolicyDocument("{}")
                                .maxSessionDuration(60)
                                .build()))
                .isEqualTo("1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 3600");
        assertThat(message(
                        IAM,
                        "ListRoles",
                        ListRolesRequest.builder().maxItems(1001).build()))
                .isEqualTo("1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1000");
    }

    @Test
    void aListElementOutsideItsShapeIsReportedOnTheListWithEveryConstraintOfTheElement() {
        ModelChecks ecs = checks(EcsClient.class);
        List<Violation> found = ecs.violations(
                "DescribeClusters",
                DescribeClustersRequest.builder()
                        .includeWithStrings("TAGS", "BOGUS")
                        .build());
        assertThat(found).hasSize(1);
        Violation v = found.get(0);
        assertThat(v.kind()).isEqualTo(Kind.ELEMENT);
        assertThat(v.element().value()).isEqualTo("BOGUS");
        assertThat(v.message())
                .isEqualTo("Value '[TAGS, BOGUS]' at 'include' failed to satisfy constraint: Member must satisfy "
                        + "constraint: [Member must satisfy enum value set: [ATTACHMENTS, CONFIGURATIONS, SETTINGS, "
                        + "STATISTICS, TAGS], Member must not be null]");
    }

    @Test
    void mapKeysAndValuesAreCheckedAgainstTheirShapes() {
        ModelChecks logs = checks(CloudWatchLogsClient.class);
        var request = TagResourceRequest.builder()
                .resourceArn("arn:aws:logs:us-east-1:123456789012:log-group:g")
                .tags(Map.of("bad#key", "v"))
                .build();
        List<Violation> found = logs.violations("TagResource", request);
        assertThat(found).extracting(Violation::kind).containsExactly(Kind.MAP_KEY);
        assertThat(found.get(0).message())
                .isEqualTo("Value '{bad#key=v}' at 'tags' failed to satisfy constraint: Map keys must satisfy "
                        + "constraint: [Member must have length less than or equal to 128, Member must have length "
                        + "greater than or equal to 1, Member must satisfy regular expression pattern: "
                        + "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$]");
        var tooLong = request.toBuilder().tags(Map.of("k", "v".repeat(257))).build();
        assertThat(logs.violations("TagResource", tooLong))
                .extracting(Violation::kind)
                .containsExactly(Kind.MAP_VALUE);
    }

    @Test
    void anIdempotencyTokenTheClientDidNotSendIsMissing() {
        // the SDK model generates a token on read (getValueOrDefault); a raw client that sends none gets AWS's error
        ModelChecks efs = checks(EfsClient.class);
        assertThat(message(
                        efs,
                        "CreateFileSystem",
                        CreateFileSystemRequest.builder().build()))
                .isEqualTo("1 validation error detected: Value null at 'creationToken' failed to satisfy "
                        + "constraint: Member must not be null");
        assertThat(efs.violations(
                        "CreateFileSystem",
                        CreateFileSystemRequest.builder().creationToken("t").build()))
                .isEmpty();
    }

    @Test
    void blankRequiredMembersAreMissingOnlyWhereTheServiceSaysSo() {
        RegisterTaskDefinitionRequest blank = RegisterTaskDefinitionRequest.builder()
                .family("")
                .containerDefinitions(List.of())
                .build();
        assertThat(checks(EcsClient.class).violations("RegisterTaskDefinition", blank))
                .isEmpty();
        ModelChecks ecs = new ModelChecks(
                EcsClient.class,
                ValidationStyle.awsValidation("InvalidParameterException").withBlankRequiredMembersMissing(),
                Map.of());
        assertThat(ecs.violations("RegisterTaskDefinition", blank))
                .extracting(Violation::memberPath, Violation::kind)
                .containsExactly(tuple("family", Kind.MISSING), tuple("containerDefinitions", Kind.MISSING));
    }

    @Test
    void membersAServiceRequiresAreCheckedAndMembersItsHandlersCheckAreLeftToThem() {
        ModelChecks ecs = new ModelChecks(
                EcsClient.class,
                ValidationStyle.awsValidation("X").withHandlerCheck("DescribeClusters", "include"),
                Map.of("DescribeClusters", Set.of("clusters")));
        assertThat(ecs.violations(
                        "DescribeClusters",
                        DescribeClustersRequest.builder()
                                .includeWithStrings("BOGUS")
                                .build()))
                .extracting(Violation::path, Violation::kind)
                .containsExactly(tuple("clusters", Kind.MISSING));
    }

    @Test
    void longValuesAreCutInMessages() {
        List<Violation> found = ECR.violations(
                "CreateRepository",
                CreateRepositoryRequest.builder()
                        .repositoryName("a".repeat(5000))
                        .build());
        assertThat(found.get(0).message())
                .startsWith("Value '" + "a".repeat(1000) + "...' at 'repositoryName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 256");
    }

    @Test
    void operationsAreFoundByTheSdkSpellingToo() {
        ModelChecks iam = IAM;
        assertThat(iam.model().orElseThrow().operationNamed("CreateSamlProvider"))
                .contains("CreateSAMLProvider");
        assertThat(iam.violations(
                        "CreateSamlProvider",
                        CreateSamlProviderRequest.builder().build()))
                .extracting(Violation::path)
                .containsExactly("sAMLMetadataDocument", "name");
    }
}
