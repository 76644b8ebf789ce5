package dev.drydock.core.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Position;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

/** SimulatePrincipalPolicy and SimulateCustomPolicy through the real SDK v2 IamClient. */
class PolicySimulatorApiTest extends IamApiTestBase {
    /** The customer managed policy of LocalStack's AWS-recorded test_simulate_principle_policy (Python json.dumps). */
    private static final String AWS_RECORDED_POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Sid\": \"\", "
            + "\"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}}";

    private static Position pos(int line, int column) {
        return Position.builder().line(line).column(column).build();
    }

    @Test
    void simulatePrincipalPolicyEvaluatesARolesPoliciesAsAwsReportsThem() {
        // As AWS recorded it: one managed policy attached to a role, s3:PutObject and s3:GetObjectVersion on a bucket.
        String role = unique("simulated");
        String roleArn = iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(ECS_TASKS_TRUST))
                .role()
                .arn();
        String policyName = unique("put-objects");
        String policyArn = iam.createPolicy(r -> r.policyName(policyName).policyDocument(AWS_RECORDED_POLICY))
                .policy()
                .arn();
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(policyArn));

        SimulatePrincipalPolicyResponse response = iam.simulatePrincipalPolicy(r -> r.policySourceArn(roleArn)
                .actionNames("s3:PutObject", "s3:GetObjectVersion")
                .resourceArns("arn:aws:s3:::bucket"));

        assertThat(response.isTruncated()).isFalse();
        assertThat(response.evaluationResults())
                .extracting(
                        EvaluationResult::evalActionName,
                        EvaluationResult::evalResourceName,
                        EvaluationResult::evalDecisionAsString)
                .containsExactly(
                        tuple("s3:PutObject", "arn:aws:s3:::bucket", "allowed"),
                        tuple("s3:GetObjectVersion", "arn:aws:s3:::bucket", "implicitDeny"));
        EvaluationResult allowed = response.evaluationResults().get(0);
        Statement matched = Statement.builder()
                .sourcePolicyId(policyName)
                .sourcePolicyType("IAM Policy")
                .startPosition(pos(1, 41))
                .endPosition(pos(1, 113))
                .build();
        assertThat(allowed.matchedStatements()).containsExactly(matched);
        assertThat(allowed.missingContextValues()).isEmpty();
        assertThat(allowed.hasEvalDecisionDetails()).isTrue();
        assertThat(allowed.evalDecisionDetails()).isEmpty();
        assertThat(allowed.organizationsDecisionDetail().allowedByOrganizations())
                .isTrue();
        assertThat(allowed.permissionsBoundaryDecisionDetail()).isNull();
        assertThat(allowed.resourceSpecificResults()).singleElement().satisfies(rs -> {
            assertThat(rs.evalResourceName()).isEqualTo("arn:aws:s3:::bucket");
            assertThat(rs.evalResourceDecisionAsString()).isEqualTo("allowed");
            assertThat(rs.matchedStatements()).containsExactly(matched);
        });
        EvaluationResult denied = response.evaluationResults().get(1);
        assertThat(denied.matchedStatements()).isEmpty();
        assertThat(denied.hasMatchedStatements()).isTrue();

        assertThat(drydock.decisionLog().decisions(d -> d.action().equals("iam:SimulatePrincipalPolicy")))
                .anySatisfy(d -> assertThat(d.resource()).isEqualTo(roleArn));
    }

    @Test
    void inlinePoliciesBoundariesAndContextValuesAreReported() {
        String role = unique("sim-inline");
        String roleArn = iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(ECS_TASKS_TRUST))
                .role()
                .arn();
        String inline = "{\n"
                + "  \"Version\": \"2012-10-17\",\n"
                + "  \"Statement\": [\n"
                + "    {\n"
                + "      \"Sid\": \"ReadFromTheOffice\",\n"
                + "      \"Effect\": \"Allow\",\n"
                + "      \"Action\": \"s3:GetObject\",\n"
                + "      \"Resource\": \"*\",\n"
                + "      \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}\n"
                + "    },\n"
                + "    {\n"
                + "      \"Sid\": \"NoDeletes\",\n"
                + "      \"Effect\": \"Deny\",\n"
                + "      \"Action\": \"s3:DeleteObject\",\n"
                + "      \"Resource\": \"*\"\n"
                + "    }\n"
                + "  ]\n"
                + "}";
        iam.putRolePolicy(r -> r.roleName(role).policyName("office").policyDocument(inline));
        String boundary = iam.createPolicy(r -> r.policyName(unique("sim-boundary"))
                        .policyDocument(allowing("s3:GetObject", "s3:DeleteObject")))
                .policy()
                .arn();
        iam.putRolePermissionsBoundary(r -> r.roleName(role).permissionsBoundary(boundary));

        List<EvaluationResult> withoutIp = iam.simulatePrincipalPolicy(
                        r -> r.policySourceArn(roleArn).actionNames("s3:GetObject", "s3:DeleteObject", "s3:PutObject"))
                .evaluationResults();
        assertThat(withoutIp)
                .extracting(EvaluationResult::evalDecisionAsString)
                .containsExactly("implicitDeny", "explicitDeny", "implicitDeny");
        assertThat(withoutIp.get(0).evalResourceName()).isEqualTo("*");
        assertThat(withoutIp.get(0).missingContextValues()).containsExactly("aws:SourceIp");
        assertThat(withoutIp.get(0).hasResourceSpecificResults()).isFalse();
        EvaluationResult deny = withoutIp.get(1);
        Statement denyStatement = deny.matchedStatements().stream()
                .filter(s -> s.sourcePolicyId().equals("role_" + role + "_office"))
                .findFirst()
                .orElseThrow();
        // The second statement of a list starts where the first ended (just past its closing brace).
        assertThat(denyStatement.sourcePolicyTypeAsString()).isEqualTo("IAM Policy");
        assertThat(denyStatement.startPosition()).isEqualTo(pos(10, 6));
        assertThat(denyStatement.endPosition()).isEqualTo(pos(16, 6));
        assertThat(deny.matchedStatements())
                .extracting(Statement::sourcePolicyTypeAsString)
                .contains("Permissions Boundary Policy");
        assertThat(deny.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary())
                .isTrue();
        assertThat(withoutIp.get(2).permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary())
                .isFalse();

        EvaluationResult fromOffice = iam.simulatePrincipalPolicy(r -> r.policySourceArn(roleArn)
                        .actionNames("s3:GetObject")
                        .contextEntries(ContextEntry.builder()
                                .contextKeyName("aws:SourceIp")
                                .contextKeyType(ContextKeyTypeEnum.IP)
                                .contextKeyValues("10.1.2.3")
                                .build()))
                .evaluationResults()
                .get(0);
        assertThat(fromOffice.evalDecisionAsString()).isEqualTo("allowed");
        assertThat(fromOffice.missingContextValues()).isEmpty();
        Statement allow = fromOffice.matchedStatements().stream()
                .filter(s -> s.sourcePolicyId().equals("role_" + role + "_office"))
                .findFirst()
                .orElseThrow();
        // The first statement of a list starts just past the '['.
        assertThat(allow.startPosition()).isEqualTo(pos(3, 17));
        assertThat(allow.endPosition()).isEqualTo(pos(10, 6));

        // PolicyInputList adds policies; PermissionsBoundaryPolicyInputList replaces the boundary.
        List<EvaluationResult> extra = iam.simulatePrincipalPolicy(r -> r.policySourceArn(roleArn)
                        .actionNames("s3:PutObject")
                        .policyInputList(allowing("s3:PutObject"))
                        .permissionsBoundaryPolicyInputList(allowing("s3:*")))
                .evaluationResults();
        assertThat(extra.get(0).evalDecisionAsString()).isEqualTo("allowed");
        assertThat(extra.get(0).matchedStatements())
                .extracting(Statement::sourcePolicyId)
                .containsExactly("PolicyInputList.1", "PermissionsBoundaryPolicyInputList.1");
    }

    @Test
    void simulateCustomPolicyEvaluatesTheGivenPolicies() {
        String compact = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":"
                + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"},{\"Sid\":\"NoSecrets\",\"Effect\":"
                + "\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::reports/secret/*\"}]}";
        List<EvaluationResult> results = iam.simulateCustomPolicy(r -> r.policyInputList(compact)
                        .actionNames("s3:GetObject")
                        .resourceArns(
                                "arn:aws:s3:::reports/q1.csv",
                                "arn:aws:s3:::reports/secret/salaries.csv",
                                "arn:aws:s3:::other/x"))
                .evaluationResults();
        assertThat(results)
                .extracting(EvaluationResult::evalResourceName, EvaluationResult::evalDecisionAsString)
                .containsExactly(
                        tuple("arn:aws:s3:::reports/q1.csv", "allowed"),
                        tuple("arn:aws:s3:::reports/secret/salaries.csv", "explicitDeny"),
                        tuple("arn:aws:s3:::other/x", "implicitDeny"));
        int firstEnd = compact.indexOf("},{") + 2;
        assertThat(results.get(0).matchedStatements())
                .containsExactly(Statement.builder()
                        .sourcePolicyId("PolicyInputList.1")
                        .sourcePolicyType("IAM Policy")
                        .startPosition(pos(1, compact.indexOf('[') + 2))
                        .endPosition(pos(1, firstEnd))
                        .build());
        assertThat(results.get(1).matchedStatements())
                .extracting(Statement::startPosition, Statement::endPosition)
                .contains(tuple(pos(1, firstEnd), pos(1, compact.length() - 1)));

        // A resource policy: the caller must be an IAM user.
        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"" + testPrincipalArn()
                + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::other/*\"}]}";
        EvaluationResult viaResource = iam.simulateCustomPolicy(r -> r.policyInputList(allowing("sqs:SendMessage"))
                        .resourcePolicy(bucketPolicy)
                        .callerArn(testPrincipalArn())
                        .actionNames("s3:GetObject")
                        .resourceArns("arn:aws:s3:::other/x"))
                .evaluationResults()
                .get(0);
        assertThat(viaResource.evalDecisionAsString()).isEqualTo("allowed");
        assertThat(viaResource.matchedStatements())
                .extracting(Statement::sourcePolicyId, Statement::sourcePolicyTypeAsString)
                .containsExactly(tuple("ResourcePolicy", "Resource Policy"));
        awsError(
                () -> iam.simulateCustomPolicy(r -> r.policyInputList(ALLOW_ALL)
                        .resourcePolicy(bucketPolicy)
                        .actionNames("s3:GetObject")),
                InvalidInputException.class,
                "InvalidInput",
                400,
                "Invalid caller - Caller must be an IAM user in this context.");
    }

    @Test
    void simulationResultsArePagedAndInputIsValidated() {
        var first = iam.simulateCustomPolicy(r ->
                r.policyInputList(ALLOW_ALL).actionNames("s3:A", "s3:B", "s3:C").maxItems(2));
        assertThat(first.evaluationResults())
                .extracting(EvaluationResult::evalActionName)
                .containsExactly("s3:A", "s3:B");
        assertThat(first.isTruncated()).isTrue();
        var rest = iam.simulateCustomPolicy(r -> r.policyInputList(ALLOW_ALL)
                .actionNames("s3:A", "s3:B", "s3:C")
                .maxItems(2)
                .marker(first.marker()));
        assertThat(rest.evaluationResults())
                .extracting(EvaluationResult::evalActionName)
                .containsExactly("s3:C");
        assertThat(rest.isTruncated()).isFalse();

        awsError(
                () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn("arn:aws:iam::" + ACCOUNT + ":role/ghost")
                        .actionNames("s3:GetObject")),
                NoSuchEntityException.class,
                "NoSuchEntity",
                404,
                "The role with name ghost cannot be found.");
        awsError(
                () -> iam.simulatePrincipalPolicy(r -> r.policySourceArn(testPrincipalArn())),
                IamException.class,
                "ValidationError",
                400,
                "1 validation error detected: Value null at 'actionNames' failed to satisfy "
                        + "constraint: Member must not be null");
        // The test principal's own policies: AdministratorAccess (AWS managed).
        EvaluationResult admin = iam.simulatePrincipalPolicy(
                        r -> r.policySourceArn(testPrincipalArn()).actionNames("ecs:RunTask"))
                .evaluationResults()
                .get(0);
        assertThat(admin.evalDecisionAsString()).isEqualTo("allowed");
        assertThat(admin.matchedStatements())
                .extracting(Statement::sourcePolicyId)
                .containsExactly("AdministratorAccess");
    }
}
