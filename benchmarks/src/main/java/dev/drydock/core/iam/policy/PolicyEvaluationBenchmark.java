package dev.drydock.core.iam.policy;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmark: one decision against a 10-statement identity policy with conditions (String, StringLike with a
 * policy variable, IpAddress, Date, Bool, ArnLike, Numeric, ForAnyValue, IfExists, Null) plus a permissions
 * boundary and a resource-based policy. Sample-time mode reports the median as {@code p0.50}.
 *
 * <p>Run (from the project directory):
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.openjdk.jmh.Main PolicyEvaluationBenchmark
 * </pre>
 * or run {@link #main(String[])} from an IDE. Not executed by {@code mvn test} (no JUnit annotations).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyEvaluationBenchmark {

    static final String TEN_STATEMENTS = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "S1", "Effect": "Allow", "Action": ["ecs:RunTask", "ecs:StartTask"],
                 "Resource": "arn:aws:ecs:*:123456789012:task-definition/orders:*",
                 "Condition": {"ArnLike": {"ecs:cluster": "arn:aws:ecs:*:123456789012:cluster/shop*"}}},
                {"Sid": "S2", "Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"},
                {"Sid": "S3", "Effect": "Allow", "Action": "ecs:*", "Resource": "arn:aws:ecs:*:123456789012:*/${aws:PrincipalTag/team}*",
                 "Condition": {"StringEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}},
                {"Sid": "S4", "Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}, "Bool": {"aws:ViaAWSService": "false"}}},
                {"Sid": "S5", "Effect": "Deny", "Action": "ecs:Delete*", "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:PrincipalTag/role": "admin"}}},
                {"Sid": "S6", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/ecs/*",
                 "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
                {"Sid": "S7", "Effect": "Deny", "Action": "ecs:RunTask", "Resource": "*",
                 "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}},
                {"Sid": "S8", "Effect": "Deny", "Action": "ecs:*", "Resource": "*",
                 "Condition": {"ForAnyValue:StringLike": {"aws:TagKeys": ["aws:*", "internal-*"]}}},
                {"Sid": "S9", "Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*",
                 "Condition": {"NumericLessThanEquals": {"ecs:count": "10"}, "StringLikeIfExists": {"ecs:capacity-provider": "FARGATE*"}}},
                {"Sid": "S10", "Effect": "Deny", "Action": "ecs:RunTask", "Resource": "*",
                 "Condition": {"Null": {"aws:PrincipalTag/team": "true"}}}
              ]
            }""";

    static final String BOUNDARY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ecs:*", "iam:PassRole"], "Resource": "*"}]}""";

    private PolicySet policies;
    private AuthorizationRequest allowedRequest;
    private AuthorizationRequest deniedRequest;

    @Setup
    public void setUp() {
        policies = PolicySet.builder()
                .roleArn("arn:aws:iam::123456789012:role/deployer")
                .identityPolicy(NamedPolicy.of("deployer-policy", "role", PolicyDocument.parse(TEN_STATEMENTS)))
                .permissionsBoundary(NamedPolicy.of(
                        "boundary", "user-managed", PolicyDocument.parse(BOUNDARY, PolicyKind.PERMISSIONS_BOUNDARY)))
                .build();
        allowedRequest = AuthorizationRequest.builder()
                .principal("arn:aws:sts::123456789012:assumed-role/deployer/ci")
                .action("ecs:RunTask")
                .resource("arn:aws:ecs:us-east-1:123456789012:task-definition/orders:12")
                .context("ecs:cluster", "arn:aws:ecs:us-east-1:123456789012:cluster/shop")
                .context("aws:RequestedRegion", "us-east-1")
                .context("aws:SourceIp", "203.0.113.10")
                .context("aws:ViaAWSService", "false")
                .context("aws:CurrentTime", "2025-06-01T12:00:00Z")
                .context("aws:PrincipalTag/team", "orders")
                .context("aws:PrincipalTag/role", "deployer")
                .context("aws:TagKeys", "team", "env")
                .context("ecs:count", "2")
                .build();
        deniedRequest = AuthorizationRequest.builder()
                .principal("arn:aws:sts::123456789012:assumed-role/deployer/ci")
                .action("ecs:DeleteCluster")
                .resource("arn:aws:ecs:us-east-1:123456789012:cluster/shop")
                .context("aws:SourceIp", "198.51.100.1")
                .context("aws:ViaAWSService", "false")
                .context("aws:PrincipalTag/team", "orders")
                .build();
    }

    /** The allowed path: every statement's action/resource/conditions are examined. */
    @Benchmark
    public Decision allowedRunTask() {
        return PolicyEvaluator.evaluate(allowedRequest, policies);
    }

    /** The explicit-deny path. */
    @Benchmark
    public Decision explicitDenyDeleteCluster() {
        return PolicyEvaluator.evaluate(deniedRequest, policies);
    }

    /** Parse + compile cost of the 10-statement document (done once per policy in real use). */
    @Benchmark
    public PolicyDocument parseTenStatements() {
        return PolicyDocument.parse(TEN_STATEMENTS);
    }

    /**
     * Runs this benchmark class with the annotations above.
     *
     * @param args ignored
     * @throws RunnerException if JMH fails
     */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder()
                        .include(PolicyEvaluationBenchmark.class.getSimpleName())
                        .build())
                .run();
    }
}
