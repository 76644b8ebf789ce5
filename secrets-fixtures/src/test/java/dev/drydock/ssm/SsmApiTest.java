package dev.drydock.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.drydock.core.iam.policy.DecisionType;
import dev.drydock.secretsmanager.SecretsFamilyTestBase;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.ssm.model.Tag;

/** Every Parameter Store operation Drydock implements, through the real SDK v2 {@code SsmClient}. */
class SsmApiTest extends SecretsFamilyTestBase {
    private static final String ARN = "arn:aws:ssm:us-east-1:123456789012:parameter";

    @Test
    void putAndGetAStringParameterByNameAndArn() {
        String name = "/" + unique("app") + "/db-url";
        var put = ssm.putParameter(r -> r.name(name).value("jdbc:x").type(ParameterType.STRING));
        assertThat(put.version()).isEqualTo(1L);
        assertThat(put.tier()).isEqualTo(ParameterTier.STANDARD);

        Parameter p = ssm.getParameter(r -> r.name(name)).parameter();
        assertThat(p.name()).isEqualTo(name);
        assertThat(p.value()).isEqualTo("jdbc:x");
        assertThat(p.type()).isEqualTo(ParameterType.STRING);
        assertThat(p.version()).isEqualTo(1L);
        assertThat(p.arn()).isEqualTo(ARN + name);
        assertThat(p.dataType()).isEqualTo("text");
        assertThat(ssm.getParameter(r -> r.name(ARN + name)).parameter().value())
                .isEqualTo("jdbc:x");

        String flat = unique("flat");
        ssm.putParameter(r -> r.name(flat).value("v").type(ParameterType.STRING));
        assertThat(ssm.getParameter(r -> r.name(flat)).parameter().arn()).isEqualTo(ARN + "/" + flat);

        assertError(
                SsmException.class,
                "ParameterAlreadyExists",
                "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.",
                () -> ssm.putParameter(r -> r.name(name).value("other").type(ParameterType.STRING)));
        assertError(
                SsmException.class, "ParameterNotFound", null, () -> ssm.getParameter(r -> r.name(name + "-missing")));
    }

    @Test
    void versionsAndLabelsSelectValues() {
        String name = "/" + unique("versioned") + "/p";
        ssm.putParameter(r -> r.name(name).value("one").type(ParameterType.STRING));
        assertThat(ssm.putParameter(r -> r.name(name).value("two").overwrite(true))
                        .version())
                .isEqualTo(2L);
        assertThat(ssm.putParameter(r -> r.name(name).value("three").overwrite(true))
                        .version())
                .isEqualTo(3L);

        assertThat(ssm.getParameter(r -> r.name(name)).parameter().value()).isEqualTo("three");
        Parameter v1 = ssm.getParameter(r -> r.name(name + ":1")).parameter();
        assertThat(v1.value()).isEqualTo("one");
        assertThat(v1.selector()).isEqualTo(":1");

        var labelled =
                ssm.labelParameterVersion(r -> r.name(name).parameterVersion(2L).labels("prod", "1bad", "awsx"));
        assertThat(labelled.parameterVersion()).isEqualTo(2L);
        assertThat(labelled.invalidLabels()).containsExactly("1bad", "awsx");
        assertThat(ssm.getParameter(r -> r.name(name + ":prod")).parameter().value())
                .isEqualTo("two");
        // a label moves when put on another version
        ssm.labelParameterVersion(r -> r.name(name).labels("prod"));
        assertThat(ssm.getParameter(r -> r.name(name + ":prod")).parameter().value())
                .isEqualTo("three");

        List<ParameterHistory> history =
                ssm.getParameterHistory(r -> r.name(name)).parameters();
        assertThat(history)
                .extracting(ParameterHistory::version, ParameterHistory::value, ParameterHistory::labels)
                .containsExactly(
                        tuple(1L, "one", List.of()), tuple(2L, "two", List.of()), tuple(3L, "three", List.of("prod")));

        var unlabelled = ssm.unlabelParameterVersion(
                r -> r.name(name).parameterVersion(3L).labels("prod", "nope"));
        assertThat(unlabelled.removedLabels()).containsExactly("prod");
        assertThat(unlabelled.invalidLabels()).containsExactly("nope");
        assertError(
                SsmException.class,
                "ParameterVersionNotFound",
                "Systems Manager could not find version 9 of " + name + ". Verify the version and try again.",
                () -> ssm.getParameter(r -> r.name(name + ":9")));
        ssm.labelParameterVersion(r -> r.name(name).parameterVersion(1L).labels("a1", "a2", "a3", "a4", "a5", "a6"));
        assertError(
                SsmException.class,
                "ParameterVersionLabelLimitExceeded",
                "A parameter version can have maximum 10 labels. Move one or more labels to another version and try "
                        + "again.",
                () -> ssm.labelParameterVersion(
                        r -> r.name(name).parameterVersion(1L).labels("b1", "b2", "b3", "b4", "b5")));
        assertError(
                SsmException.class,
                "ValidationException",
                null,
                () -> ssm.labelParameterVersion(
                        r -> r.name(name).labels("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11")));
    }

    @Test
    void getParametersListsTheMissingOnesAsInvalid() {
        String a = "/" + unique("batch") + "/a";
        ssm.putParameter(r -> r.name(a).value("A").type(ParameterType.STRING));
        GetParametersResponse got = ssm.getParameters(r -> r.names(a, a + "-missing"));
        assertThat(got.parameters()).extracting(Parameter::value).containsExactly("A");
        assertThat(got.invalidParameters()).containsExactly(a + "-missing");
    }

    @Test
    void secureStringsAreEncryptedAndReadWithDecryption() {
        String name = "/" + unique("secure") + "/password";
        ssm.putParameter(r -> r.name(name).value("s3cr3t").type(ParameterType.SECURE_STRING));
        Parameter encrypted = ssm.getParameter(r -> r.name(name)).parameter();
        assertThat(encrypted.value()).isNotEqualTo("s3cr3t");
        assertThat(Base64.getDecoder().decode(encrypted.value())).isNotEmpty();
        assertThat(ssm.getParameter(r -> r.name(name).withDecryption(true))
                        .parameter()
                        .value())
                .isEqualTo("s3cr3t");
        assertThat(ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder()
                                .key("Name")
                                .values(name)
                                .build()))
                        .parameters())
                .singleElement()
                .satisfies(m -> assertThat(m.keyId()).isEqualTo("alias/aws/ssm"));
        // String parameters ignore WithDecryption
        String plain = "/" + unique("plain");
        ssm.putParameter(r -> r.name(plain).value("v").type(ParameterType.STRING));
        assertThat(ssm.getParameter(r -> r.name(plain).withDecryption(true))
                        .parameter()
                        .value())
                .isEqualTo("v");
    }

    @Test
    void aSecureStringUnderACustomerManagedKeyNeedsKmsDecrypt() {
        String keyId = kms.createKey(r -> r.description("params")).keyMetadata().keyId();
        String keyArn = "arn:aws:kms:us-east-1:123456789012:key/" + keyId;
        String name = "/" + unique("cmk") + "/token";
        ssm.putParameter(r ->
                r.name(name).value("t0k3n").type(ParameterType.SECURE_STRING).keyId(keyId));
        Session reader = role(
                unique("param-reader"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:GetParameter\","
                        + "\"Resource\":\"*\"}]}");
        SsmClient as = reader.ssm();
        assertThat(as.getParameter(r -> r.name(name)).parameter().value()).isNotEqualTo("t0k3n");
        var denied = assertError(
                SsmException.class,
                "AccessDeniedException",
                null,
                () -> as.getParameter(r -> r.name(name).withDecryption(true)));
        assertThat(denied.awsErrorDetails().errorMessage())
                .startsWith(
                        "The ciphertext refers to a customer master key that does not exist, does not exist in this "
                                + "region, or you are not allowed to access. (Service: AWSKMS; Status Code: 400; Error Code: "
                                + "AccessDeniedException; Request ID: ");
        assertThat(decisions(reader.role))
                .filteredOn(d -> d.action().equals("kms:Decrypt"))
                .singleElement()
                .satisfies(d -> assertThat(d.message().orElseThrow())
                        .contains("is not authorized to perform: kms:Decrypt on resource: " + keyArn))
                .satisfies(d -> assertThat(d.context())
                        .containsEntry("kms:EncryptionContext:PARAMETER_ARN", List.of(ARN + name))
                        .containsEntry("kms:ViaService", List.of("ssm.us-east-1.amazonaws.com")));
    }

    @Test
    void getParametersByPathWalksTheHierarchyInPages() {
        String root = "/" + unique("tree");
        for (String leaf : List.of("/a", "/b", "/sub/c", "/sub/deeper/d")) {
            ssm.putParameter(r -> r.name(root + leaf).value(leaf).type(ParameterType.STRING));
        }
        assertThat(ssm.getParametersByPath(r -> r.path(root)).parameters())
                .extracting(Parameter::name)
                .containsExactly(root + "/a", root + "/b");
        List<String> all = ssm
                .getParametersByPathPaginator(r -> r.path(root).recursive(true).maxResults(1))
                .stream()
                .flatMap(p -> p.parameters().stream())
                .map(Parameter::name)
                .toList();
        assertThat(all).containsExactly(root + "/a", root + "/b", root + "/sub/c", root + "/sub/deeper/d");
        assertError(
                SsmException.class,
                "ValidationException",
                null,
                () -> ssm.getParametersByPath(r -> r.path("no-slash")));
    }

    @Test
    void describeParametersFiltersAndPages() {
        String root = "/" + unique("described");
        ssm.putParameter(
                r -> r.name(root + "/s").value("v").type(ParameterType.STRING).description("a string"));
        ssm.putParameter(r -> r.name(root + "/l").value("a,b").type(ParameterType.STRING_LIST));
        List<ParameterMetadata> found = ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder()
                        .key("Path")
                        .option("Recursive")
                        .values(root)
                        .build()))
                .parameters();
        assertThat(found).extracting(ParameterMetadata::name).containsExactly(root + "/l", root + "/s");
        assertThat(found.get(1).description()).isEqualTo("a string");
        assertThat(found.get(1).lastModifiedUser()).isEqualTo(drydock.testPrincipalArn());
        assertThat(ssm.describeParameters(r -> r.parameterFilters(
                                ParameterStringFilter.builder()
                                        .key("Path")
                                        .option("Recursive")
                                        .values(root)
                                        .build(),
                                ParameterStringFilter.builder()
                                        .key("Type")
                                        .values("StringList")
                                        .build()))
                        .parameters())
                .extracting(ParameterMetadata::name)
                .containsExactly(root + "/l");
        assertError(
                SsmException.class,
                "ValidationException",
                null,
                () -> ssm.describeParameters(r -> r.parameterFilters(
                        ParameterStringFilter.builder().key("Bogus").values("x").build())));
    }

    @Test
    void deleteParameterAndParameters() {
        String a = "/" + unique("del") + "/a";
        String b = a.replace("/a", "/b");
        ssm.putParameter(r -> r.name(a).value("A").type(ParameterType.STRING));
        ssm.putParameter(r -> r.name(b).value("B").type(ParameterType.STRING));
        ssm.deleteParameter(r -> r.name(a));
        assertError(SsmException.class, "ParameterNotFound", null, () -> ssm.deleteParameter(r -> r.name(a)));
        var deleted = ssm.deleteParameters(r -> r.names(a, b));
        assertThat(deleted.deletedParameters()).containsExactly(b);
        assertThat(deleted.invalidParameters()).containsExactly(a);
    }

    @Test
    void tagsOnParameters() {
        String name = "/" + unique("tagged");
        ssm.putParameter(r -> r.name(name)
                .value("v")
                .type(ParameterType.STRING)
                .tags(Tag.builder().key("team").value("orders").build()));
        ssm.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.PARAMETER)
                .resourceId(name)
                .tags(Tag.builder().key("env").value("test").build()));
        assertThat(ssm.listTagsForResource(r ->
                                r.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name))
                        .tagList())
                .extracting(Tag::key, Tag::value)
                .containsExactly(tuple("team", "orders"), tuple("env", "test"));
        ssm.removeTagsFromResource(r -> r.resourceType(ResourceTypeForTagging.PARAMETER)
                .resourceId(name)
                .tagKeys("team"));
        assertThat(ssm.listTagsForResource(r ->
                                r.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name))
                        .tagList())
                .extracting(Tag::key)
                .containsExactly("env");
        assertError(
                SsmException.class,
                "ValidationException",
                "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please "
                        + "remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource "
                        + "or RemoveTagsFromResource.",
                () -> ssm.putParameter(r -> r.name(name)
                        .value("w")
                        .overwrite(true)
                        .tags(Tag.builder().key("k").value("v").build())));
    }

    @Test
    void advancedTierHoldsLargerValuesAndCannotBeDowngraded() {
        String name = "/" + unique("big");
        String large = "x".repeat(5000);
        assertError(
                SsmException.class,
                "ValidationException",
                "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger "
                        + "parameter value, upgrade the parameter to use the advanced-parameter tier. For more "
                        + "information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/"
                        + "parameter-store-advanced-parameters.html",
                () -> ssm.putParameter(r -> r.name(name).value(large).type(ParameterType.STRING)));
        assertThat(ssm.putParameter(r -> r.name(name)
                                .value(large)
                                .type(ParameterType.STRING)
                                .tier(ParameterTier.INTELLIGENT_TIERING))
                        .tier())
                .isEqualTo(ParameterTier.ADVANCED);
        assertError(
                SsmException.class,
                "ValidationException",
                null,
                () -> ssm.putParameter(
                        r -> r.name(name).value("small").overwrite(true).tier(ParameterTier.STANDARD)));
        assertThat(ssm.getParameter(r -> r.name(name)).parameter().value()).isEqualTo(large);
    }

    @Test
    void aRoleIsDeniedParametersItsPolicyDoesNotName() {
        String allowed = "/" + unique("team-a") + "/p";
        String other = "/" + unique("team-b") + "/p";
        ssm.putParameter(r -> r.name(allowed).value("a").type(ParameterType.STRING));
        ssm.putParameter(r -> r.name(other).value("b").type(ParameterType.STRING));
        Session s = role(
                unique("params"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ssm:GetParameter\","
                        + "\"ssm:GetParameters\"],\"Resource\":\"" + ARN + allowed + "\"}]}");
        SsmClient as = s.ssm();
        assertThat(as.getParameter(r -> r.name(allowed)).parameter().value()).isEqualTo("a");
        assertError(
                SsmException.class,
                "AccessDeniedException",
                "User: " + s.arn + " is not authorized to perform: ssm:GetParameter on resource: " + ARN + other
                        + " because no identity-based policy allows the ssm:GetParameter action",
                () -> as.getParameter(r -> r.name(other)));
        // one parameter denied denies the whole GetParameters call
        assertError(
                SsmException.class,
                "AccessDeniedException",
                null,
                () -> as.getParameters(r -> r.names(allowed, other)));
        assertThat(decisions(s.role))
                .extracting(d -> d.action(), d -> d.decision())
                .contains(tuple("ssm:GetParameters", DecisionType.IMPLICIT_DENY));
    }
}
