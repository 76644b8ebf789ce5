package dev.drydock.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.spi.AwsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.OrganizationsDecisionDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The query codec against the AWS SDK v2's own query-protocol marshaller and unmarshaller: what the SDK writes is
 * read back into the same request, and what the codec writes the SDK reads back into the same response. A capturing
 * HTTP client stands in for the network, so no endpoint is involved.
 */
class AwsQueryCodecTest {
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

    /** Records each request body and answers with a canned status and body. */
    static final class CannedHttpClient implements SdkHttpClient {
        final List<String> bodies = new ArrayList<>();
        int status = 200;
        byte[] response =
                "<R><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></R>".getBytes(StandardCharsets.UTF_8);

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    byte[] body = request.contentStreamProvider()
                            .map(p -> {
                                try (InputStream in = p.newStream()) {
                                    return in.readAllBytes();
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            })
                            .orElse(new byte[0]);
                    bodies.add(new String(body, StandardCharsets.UTF_8));
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(status)
                                    .putHeader("Content-Type", "text/xml")
                                    .putHeader("Content-Length", String.valueOf(response.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }

    private static final CannedHttpClient HTTP = new CannedHttpClient();
    private static final StaticCredentialsProvider KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret"));
    private static final IamClient IAM = IamClient.builder()
            .httpClient(HTTP)
            .region(Region.AWS_GLOBAL)
            .credentialsProvider(KEYS)
            .build();
    private static final StsClient STS = StsClient.builder()
            .httpClient(HTTP)
            .region(Region.US_EAST_1)
            .credentialsProvider(KEYS)
            .build();

    /** The form body the SDK sends for {@code request}. */
    private static synchronized String sent(Runnable call) {
        HTTP.status = 200;
        HTTP.response =
                "<R><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></R>".getBytes(StandardCharsets.UTF_8);
        HTTP.bodies.clear();
        call.run();
        return HTTP.bodies.get(0);
    }

    /** What the SDK makes of {@code xml} as the answer to {@code call}. */
    private static synchronized <T> T received(int status, byte[] xml, Supplier<T> call) {
        HTTP.status = status;
        HTTP.response = xml;
        try {
            return call.get();
        } finally {
            HTTP.status = 200;
        }
    }

    static Stream<Arguments> requests() {
        CreateRoleRequest createRole = CreateRoleRequest.builder()
                .roleName("orders-task")
                .path("/app/")
                .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}")
                .description("Orders & billing: 100% \"tested\" + émigré")
                .maxSessionDuration(7200)
                .permissionsBoundary("arn:aws:iam::123456789012:policy/boundary")
                .tags(
                        Tag.builder().key("team").value("orders").build(),
                        Tag.builder().key("env").value("a=b").build())
                .build();
        SimulatePrincipalPolicyRequest simulate = SimulatePrincipalPolicyRequest.builder()
                .policySourceArn("arn:aws:iam::123456789012:role/x")
                .actionNames("s3:GetObject", "s3:PutObject")
                .resourceArns("arn:aws:s3:::b/1", "arn:aws:s3:::b/2", "arn:aws:s3:::b/3")
                .policyInputList("{}", "{ }")
                .contextEntries(
                        ContextEntry.builder()
                                .contextKeyName("aws:SourceIp")
                                .contextKeyType(ContextKeyTypeEnum.IP)
                                .contextKeyValues("10.0.0.1", "10.0.0.2")
                                .build(),
                        ContextEntry.builder()
                                .contextKeyName("aws:MultiFactorAuthPresent")
                                .contextKeyType(ContextKeyTypeEnum.BOOLEAN)
                                .contextKeyValues("true")
                                .build())
                .maxItems(25)
                .marker("abc")
                .build();
        AssumeRoleRequest assume = AssumeRoleRequest.builder()
                .roleArn("arn:aws:iam::123456789012:role/deployer")
                .roleSessionName("ci+run=1@x")
                .durationSeconds(900)
                .policy("{\"Statement\": [ {\"Effect\" : \"Allow\"} ]}")
                .policyArns(p -> p.arn("arn:aws:iam::aws:policy/ReadOnlyAccess"), p -> p.arn("arn:aws:iam::1:policy/x"))
                .tags(t -> t.key("project").value("p 1"), t -> t.key("cost").value("42"))
                .transitiveTagKeys("project")
                .externalId("ext-id")
                .sourceIdentity("alice")
                .build();
        return Stream.of(
                Arguments.of("CreateRole", createRole, (Runnable) () -> IAM.createRole(createRole)),
                Arguments.of(
                        "SimulatePrincipalPolicy", simulate, (Runnable) () -> IAM.simulatePrincipalPolicy(simulate)),
                Arguments.of("AssumeRole", assume, (Runnable) () -> STS.assumeRole(assume)),
                Arguments.of(
                        "CreatePolicyVersion",
                        CreatePolicyVersionRequest.builder()
                                .policyArn("arn:x:y:z:1:p")
                                .policyDocument("{}")
                                .setAsDefault(true)
                                .build(),
                        null),
                Arguments.of(
                        "TagRole (an empty list)",
                        TagRoleRequest.builder().roleName("r").tags(List.of()).build(),
                        null),
                Arguments.of(
                        "UntagRole",
                        UntagRoleRequest.builder()
                                .roleName("r")
                                .tagKeys("a", "b", "c")
                                .build(),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void readsBackTheRequestTheSdkWrites(String name, SdkPojo request, Runnable call) {
        Runnable send = call != null
                ? call
                : () -> {
                    if (request instanceof CreatePolicyVersionRequest r) {
                        IAM.createPolicyVersion(r);
                    } else if (request instanceof TagRoleRequest r) {
                        IAM.tagRole(r);
                    } else if (request instanceof UntagRoleRequest r) {
                        IAM.untagRole(r);
                    }
                };
        String body = sent(send);
        Map<String, String> params = AwsQueryCodec.parseParameters(body);

        assertThat(params).containsKey("Action").containsKey("Version");
        SdkPojo read = AwsQueryCodec.read(params, request.getClass());
        assertThat(read.equalsBySdkFields(request))
                .as("read %s from %s", read, body)
                .isTrue();
    }

    @Test
    void namesListElementsMapEntriesAndNestedMembersAsTheSdkDoes() {
        Map<String, String> params = AwsQueryCodec.parseParameters(sent(() -> STS.assumeRole(r -> r.roleArn("a")
                .roleSessionName("s")
                .tags(t -> t.key("k").value("v"))
                .policyArns(p -> p.arn("arn:1")))));
        assertThat(params)
                .containsEntry("Tags.member.1.Key", "k")
                .containsEntry("Tags.member.1.Value", "v")
                .containsEntry("PolicyArns.member.1.arn", "arn:1");
        assertThat(AwsQueryCodec.parseParameters(
                        sent(() -> IAM.tagRole(r -> r.roleName("r").tags(List.of())))))
                .containsEntry("Tags", "");

        Map<String, String> map = new LinkedHashMap<>();
        map.put("EvalActionName", "s3:GetObject");
        map.put("EvalDecisionDetails.entry.1.key", "IAM Policy");
        map.put("EvalDecisionDetails.entry.1.value", "allowed");
        map.put("EvalDecisionDetails.entry.2.key", "Resource Policy");
        map.put("EvalDecisionDetails.entry.2.value", "implicitDeny");
        map.put("MatchedStatements.member.2.SourcePolicyId", "second");
        map.put("MatchedStatements.member.1.SourcePolicyId", "first");
        map.put("MatchedStatements.member.1.StartPosition.Line", "3");
        map.put("OrganizationsDecisionDetail.AllowedByOrganizations", "TRUE");
        EvaluationResult r = AwsQueryCodec.read(map, EvaluationResult.class);
        assertThat(r.evalDecisionDetailsAsStrings())
                .containsOnly(Map.entry("IAM Policy", "allowed"), Map.entry("Resource Policy", "implicitDeny"));
        assertThat(r.matchedStatements()).extracting(Statement::sourcePolicyId).containsExactly("first", "second");
        assertThat(r.matchedStatements().get(0).startPosition().line()).isEqualTo(3);
        assertThat(r.organizationsDecisionDetail().allowedByOrganizations()).isTrue();
        assertThat(r.missingContextValues()).isEmpty();
        assertThat(r.hasMissingContextValues()).isFalse();
    }

    @Test
    void readsTimestampsAndBlobs() {
        PolicyVersion v = AwsQueryCodec.read(
                Map.of("CreateDate", "2024-03-01T10:00:00.250Z", "VersionId", "v1"), PolicyVersion.class);
        assertThat(v.createDate()).isEqualTo(Instant.parse("2024-03-01T10:00:00.250Z"));
        VirtualMFADevice mfa = AwsQueryCodec.read(Map.of("Base32StringSeed", "AAEC/w=="), VirtualMFADevice.class);
        assertThat(mfa.base32StringSeed().asByteArray()).containsExactly(0, 1, 2, 255);
    }

    @Test
    void rejectsValuesOfTheWrongType() {
        AwsException e = catchThrowableOfType(
                AwsException.class,
                () -> AwsQueryCodec.read(Map.of("MaxItems", "ten"), SimulatePrincipalPolicyRequest.class));
        assertThat(e.errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Value (ten) for parameter MaxItems is invalid.");
        assertThat(catchThrowableOfType(
                                AwsException.class,
                                () -> AwsQueryCodec.read(
                                        Map.of("SetAsDefault", "yes"), CreatePolicyVersionRequest.class))
                        .errorCode())
                .isEqualTo("InvalidParameterValue");
    }

    static Stream<Arguments> responses() {
        Instant created = Instant.parse("2024-03-01T10:00:00Z");
        GetRoleResponse getRole = GetRoleResponse.builder()
                .role(Role.builder()
                        .path("/")
                        .roleName("r")
                        .roleId("AROA1")
                        .arn("arn:aws:iam::123456789012:role/r")
                        .createDate(created)
                        .assumeRolePolicyDocument("%7B%7D")
                        .description("line one\r\nline two & <three>")
                        .maxSessionDuration(3600)
                        .roleLastUsed(RoleLastUsed.builder().build())
                        .permissionsBoundary(AttachedPermissionsBoundary.builder()
                                .permissionsBoundaryType("Policy")
                                .permissionsBoundaryArn("arn:aws:iam::123456789012:policy/b")
                                .build())
                        .tags(
                                Tag.builder().key("a").value("1").build(),
                                Tag.builder().key("b").value("").build())
                        .build())
                .build();
        Statement statement = Statement.builder()
                .sourcePolicyId("p")
                .sourcePolicyType("IAM Policy")
                .startPosition(Position.builder().line(1).column(41).build())
                .endPosition(Position.builder().line(1).column(113).build())
                .build();
        SimulatePrincipalPolicyResponse simulate = SimulatePrincipalPolicyResponse.builder()
                .evaluationResults(
                        EvaluationResult.builder()
                                .evalActionName("s3:GetObject")
                                .evalResourceName("*")
                                .evalDecision("allowed")
                                .matchedStatements(statement, statement)
                                .missingContextValues("aws:SourceIp")
                                .evalDecisionDetailsWithStrings(Map.of("IAM Policy", "allowed"))
                                .organizationsDecisionDetail(OrganizationsDecisionDetail.builder()
                                        .allowedByOrganizations(true)
                                        .build())
                                .resourceSpecificResults(ResourceSpecificResult.builder()
                                        .evalResourceName("*")
                                        .evalResourceDecision("allowed")
                                        .matchedStatements(List.of())
                                        .build())
                                .build(),
                        EvaluationResult.builder()
                                .evalActionName("s3:PutObject")
                                .matchedStatements(List.of())
                                .missingContextValues(List.of())
                                .evalDecisionDetailsWithStrings(Map.of())
                                .build())
                .isTruncated(true)
                .marker("m")
                .build();
        AssumeRoleResponse assume = AssumeRoleResponse.builder()
                .credentials(Credentials.builder()
                        .accessKeyId("ASIA1")
                        .secretAccessKey("s/+=")
                        .sessionToken("t")
                        .expiration(Instant.parse("2024-03-01T11:00:00.123Z"))
                        .build())
                .assumedRoleUser(AssumedRoleUser.builder()
                        .assumedRoleId("AROA1:s")
                        .arn("arn:aws:sts::123456789012:assumed-role/r/s")
                        .build())
                .packedPolicySize(6)
                .sourceIdentity("alice")
                .build();
        ListRolesResponse empty =
                ListRolesResponse.builder().roles(List.of()).isTruncated(false).build();
        ListPolicyVersionsResponse versions = ListPolicyVersionsResponse.builder()
                .versions(
                        PolicyVersion.builder()
                                .versionId("v2")
                                .isDefaultVersion(true)
                                .createDate(created)
                                .build(),
                        PolicyVersion.builder()
                                .versionId("v1")
                                .isDefaultVersion(false)
                                .createDate(created)
                                .build())
                .build();
        return Stream.of(
                Arguments.of("GetRole", getRole, (Function<byte[], SdkPojo>)
                        xml -> received(200, xml, () -> IAM.getRole(r -> r.roleName("r")))),
                Arguments.of("SimulatePrincipalPolicy", simulate, (Function<byte[], SdkPojo>) xml -> received(
                        200,
                        xml,
                        () -> IAM.simulatePrincipalPolicy(
                                r -> r.policySourceArn("a").actionNames("b")))),
                Arguments.of("AssumeRole", assume, (Function<byte[], SdkPojo>) xml -> received(
                        200, xml, () -> STS.assumeRole(r -> r.roleArn("a").roleSessionName("s")))),
                Arguments.of("ListRoles", empty, (Function<byte[], SdkPojo>)
                        xml -> received(200, xml, () -> IAM.listRoles())),
                Arguments.of("ListPolicyVersions", versions, (Function<byte[], SdkPojo>)
                        xml -> received(200, xml, () -> IAM.listPolicyVersions(r -> r.policyArn("a")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void theSdkReadsBackTheResponseTheCodecWrites(String operation, SdkPojo response, Function<byte[], SdkPojo> parse) {
        String ns = operation.equals("AssumeRole") ? "https://sts.amazonaws.com/doc/2011-06-15/" : IAM_NS;
        byte[] xml = AwsQueryCodec.writeResponse(operation, ns, response, "req-1");

        SdkPojo parsed = parse.apply(xml);

        assertThat(parsed.equalsBySdkFields(response))
                .as("%s read as %s", new String(xml, StandardCharsets.UTF_8), parsed)
                .isTrue();
        assertThat(((AwsResponse) parsed).responseMetadata().requestId()).isEqualTo("req-1");
    }

    @Test
    void writesTheXmlAwsWrites() {
        ListRoleTagsResponse tags = ListRoleTagsResponse.builder()
                .tags(Tag.builder().key("team").value("a<b").build())
                .isTruncated(false)
                .build();
        assertThat(new String(AwsQueryCodec.writeResponse("ListRoleTags", IAM_NS, tags, "r1"), StandardCharsets.UTF_8))
                .isEqualTo("<ListRoleTagsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                        + "<ListRoleTagsResult><Tags><member><Key>team</Key><Value>a&lt;b</Value></member></Tags>"
                        + "<IsTruncated>false</IsTruncated></ListRoleTagsResult>"
                        + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></ListRoleTagsResponse>");
        assertThat(new String(
                        AwsQueryCodec.writeResponse(
                                "DeleteRole",
                                IAM_NS,
                                DeleteRoleResponse.builder().build(),
                                "r2"),
                        StandardCharsets.UTF_8))
                .isEqualTo("<DeleteRoleResponse xmlns=\"https://iam.amazonaws.com/doc/"
                        + "2010-05-08/\"><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata>"
                        + "</DeleteRoleResponse>");
        PolicyVersion v = PolicyVersion.builder()
                .createDate(Instant.parse("2024-03-01T10:00:00Z"))
                .build();
        String xml = new String(
                AwsQueryCodec.writeResponse(
                        "GetPolicyVersion",
                        IAM_NS,
                        GetPolicyVersionResponse.builder().policyVersion(v).build(),
                        "r3"),
                StandardCharsets.UTF_8);
        assertThat(xml).contains("<PolicyVersion><CreateDate>2024-03-01T10:00:00Z</CreateDate></PolicyVersion>");
        assertThat(AwsQueryCodec.timestamp(Instant.parse("2024-03-01T10:00:00.123456Z")))
                .isEqualTo("2024-03-01T10:00:00.123Z");
    }

    @Test
    void writesErrorsAsAwsDoesAndTheSdkThrowsItsTypedException() {
        byte[] xml = AwsQueryCodec.writeError(
                IAM_NS, new AwsException("NoSuchEntity", 404, "The role with name x cannot be found."), "req-9");
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .isEqualTo("<ErrorResponse xmlns=\"https://iam.amazonaws"
                        + ".com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with "
                        + "name x cannot be found.</Message></Error><RequestId>req-9</RequestId></ErrorResponse>");
        assertThat(new String(
                        AwsQueryCodec.writeError(IAM_NS, AwsException.server("ServiceFailure", "boom"), "r"),
                        StandardCharsets.UTF_8))
                .contains("<Type>Receiver</Type><Code>ServiceFailure</Code>");

        NoSuchEntityException e = catchThrowableOfType(
                NoSuchEntityException.class, () -> received(404, xml, () -> IAM.getRole(r -> r.roleName("x"))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The role with name x cannot be found.");
        assertThat(e.requestId()).isEqualTo("req-9");
        assertThat(e.statusCode()).isEqualTo(404);
    }

    @Test
    void decodesFormEncodingAndKeepsTheFirstOfRepeatedNames() {
        assertThat(AwsQueryCodec.parseParameters("a=1&b=x%20y+z&c=%2B%3D&d&a=2&e="))
                .containsExactly(
                        Map.entry("a", "1"),
                        Map.entry("b", "x y z"),
                        Map.entry("c", "+="),
                        Map.entry("d", ""),
                        Map.entry("e", ""));
        assertThat(AwsQueryCodec.lowerCamel("RoleName")).isEqualTo("roleName");
        assertThat(SdkBytes.fromUtf8String("x")).isNotNull();
    }
}
