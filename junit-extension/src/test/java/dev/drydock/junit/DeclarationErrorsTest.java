package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.declarationFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wrong declaration fails the test class before any test runs, with a message that names the class, the annotation,
 * what is wrong and the fix; Drydock is closed and the SDK's system properties restored all the same.
 */
class DeclarationErrorsTest {
    private static final List<String> SDK_PROPERTIES = List.of("aws.endpointUrl", "aws.region", "aws.accessKeyId");
    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void rememberTheSdkProperties() {
        SDK_PROPERTIES.forEach(p -> before.put(p, System.getProperty(p)));
    }

    @AfterEach
    void theSdkPropertiesAreRestored() {
        SDK_PROPERTIES.forEach(p -> assertThat(System.getProperty(p)).as(p).isEqualTo(before.get(p)));
    }

    @Test
    void aMissingTaskDefinitionFile() {
        assertThat(failureOf(DeclarationErrorsTestCases.MissingTaskDefinitionFile.class))
                .hasMessageStartingWith(
                        "MissingTaskDefinitionFile: @FargateService(cluster = \"shop\", name = \"web\", "
                                + "taskDefinition = \"ecs/does-not-exist.json\"): ")
                .hasMessageContaining("The task definition file 'ecs/does-not-exist.json' is not on the test classpath")
                .hasMessageContaining("Put it under src/test/resources/ecs/does-not-exist.json");
    }

    @Test
    void aTaskDefinitionFileThatIsNotJson() {
        assertThat(failureOf(DeclarationErrorsTestCases.TaskDefinitionNotJson.class))
                .hasMessageStartingWith("TaskDefinitionNotJson: @FargateService(cluster = \"shop\", name = \"web\", "
                        + "taskDefinition = \"ecs/not-json.json\"): ")
                .hasMessageContaining("The task definition file 'ecs/not-json.json' is not valid JSON: ");
    }

    @Test
    void aTaskDefinitionFileWithWhatDescribeTaskDefinitionAdds() {
        assertThat(failureOf(DeclarationErrorsTestCases.DescribedTaskDefinition.class))
                .hasMessageStartingWith("DescribedTaskDefinition: @FargateService(cluster = \"shop\", name = \"web\", "
                        + "taskDefinition = \"ecs/described.json\"): ")
                .hasMessageContaining("has members RegisterTaskDefinition does not take: ")
                .hasMessageContaining("taskDefinitionArn")
                .hasMessageContaining("revision")
                .hasMessageContaining("status")
                .hasMessageContaining("Remove them (they are what DescribeTaskDefinition adds");
    }

    @Test
    void aTaskDefinitionThatIsNotFargateCompatible() {
        assertThat(failureOf(DeclarationErrorsTestCases.NotFargateCompatible.class))
                .hasMessageStartingWith("NotFargateCompatible: @FargateService(cluster = \"shop\", name = \"web\", "
                        + "taskDefinition = \"ecs/ec2-only.json\"): ")
                .hasMessageContaining("Task definition does not support launch_type FARGATE.")
                .hasMessageContaining("A Fargate task definition needs \"requiresCompatibilities\": [\"FARGATE\"], "
                        + "\"networkMode\": \"awsvpc\" and task-level \"cpu\" and \"memory\".");
    }

    @Test
    void aServiceInAnUndeclaredCluster() {
        assertThat(failureOf(DeclarationErrorsTestCases.UndeclaredCluster.class))
                .hasMessageStartingWith("UndeclaredCluster: @FargateService(cluster = \"warehouse\", name = \"web\", "
                        + "taskDefinition = \"ecs/sleeper.json\"): ")
                .hasMessageContaining("ClusterNotFoundException")
                .hasMessageContaining("Declare the cluster first, e.g. @EcsCluster(name = \"warehouse\")");
    }

    @Test
    void aMalformedPolicy() {
        assertThat(failureOf(DeclarationErrorsTestCases.MalformedPolicy.class))
                .hasMessageStartingWith("MalformedPolicy: @IamRole(name = \"broken\"): IAM refuses the policy in "
                        + "'iam/malformed.json': MalformedPolicyDocument: Syntax errors in policy. (statement 0 (line 4, "
                        + "column 5): Effect must be \"Allow\" or \"Deny\", got \"Perhaps\").")
                .hasMessageContaining("Fix the document in src/test/resources/iam/malformed.json");
    }

    @Test
    void aMissingPolicyFile() {
        assertThat(failureOf(DeclarationErrorsTestCases.MissingPolicyFile.class))
                .hasMessageStartingWith("MissingPolicyFile: @IamRole(name = \"orphan\"): ")
                .hasMessageContaining("The policy file 'iam/does-not-exist.json' is not on the test classpath")
                .hasMessageContaining("Put it under src/test/resources/iam/does-not-exist.json");
    }

    @Test
    void aNegativeDesiredCount() {
        assertThat(failureOf(DeclarationErrorsTestCases.NegativeDesiredCount.class))
                .hasMessageStartingWith("NegativeDesiredCount: @FargateService(cluster = \"shop\", name = \"web\", "
                        + "taskDefinition = \"ecs/sleeper.json\"): ")
                .hasMessageContaining("desiredCount is -1; it must be 0 or more.");
    }

    @Test
    void theSameServiceTwice() {
        assertThat(failureOf(DeclarationErrorsTestCases.SameServiceTwice.class))
                .hasMessageStartingWith(
                        "SameServiceTwice: @FargateService(cluster = \"shop\", name = \"web\") is declared "
                                + "twice, differently: @FargateService(")
                .hasMessageContaining("desiredCount=1")
                .hasMessageContaining("desiredCount=2")
                .hasMessageEndingWith(
                        "; a service's name is unique in its cluster. Remove one of them, or give it another "
                                + "name.");
    }

    private static Throwable failureOf(Class<?> fixture) {
        return declarationFailure(fixture);
    }

    @Test
    void aSandboxImageThatCannotBePulledFailsTheClassAtOnceWithTheSetting() {
        assertThat(failureOf(DeclarationErrorsTestCases.SandboxImageMissing.class))
                .hasMessageStartingWith("SandboxImageMissing: @FargateService(cluster = \"shop\", name = \"web\", "
                        + "taskDefinition = \"ecs/sleeper.json\"): Drydock could not get its task sandbox image "
                        + "drydock/no-such-sandbox:1")
                .hasMessageContaining("set drydock.sandbox.image");
    }

    @Test
    void rollbackWithoutTheCircuitBreaker() {
        assertThat(failureOf(DeclarationErrorsTestCases.RollbackWithoutCircuitBreaker.class))
                .hasMessageContaining("rollback = true needs circuitBreaker = true");
    }

    @Test
    void anEnvironmentEntryWithoutValue() {
        assertThat(failureOf(DeclarationErrorsTestCases.EnvironmentWithoutValue.class))
                .hasMessageContaining(
                        "the environment entry \"DATABASE_URL\" is not NAME=value or " + "container:NAME=value");
    }

    @Test
    void anEnvironmentVariableForAContainerTheTaskDefinitionLacks() {
        assertThat(failureOf(DeclarationErrorsTestCases.EnvironmentForAnUnknownContainer.class))
                .hasMessageContaining("the environment variable URL is for the container 'db', which "
                        + "ecs/sleeper.json does not define; its containers are [sleeper].");
    }

    @Test
    void aDeploymentConfigurationEcsRefuses() {
        assertThat(failureOf(DeclarationErrorsTestCases.MinimumHealthyAboveMaximum.class))
                .hasMessageContaining("ECS refuses to create the service: InvalidParameterException");
    }
}
