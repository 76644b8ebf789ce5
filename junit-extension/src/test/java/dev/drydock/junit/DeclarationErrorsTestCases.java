package dev.drydock.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fixtures for {@link DeclarationErrorsTest}; run only through it. Each declares something wrong. */
class DeclarationErrorsTestCases {

    /** A test in each fixture: it must never run. */
    abstract static class NeverRuns {
        @Test
        void neverRuns() {
            throw new AssertionError("a class with a declaration error must not run its tests");
        }
    }

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/does-not-exist.json")
    static class MissingTaskDefinitionFile extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/not-json.json")
    static class TaskDefinitionNotJson extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/described.json")
    static class DescribedTaskDefinition extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/ec2-only.json")
    static class NotFargateCompatible extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "warehouse", name = "web", taskDefinition = "ecs/sleeper.json")
    static class UndeclaredCluster extends NeverRuns {}

    @IamRole(name = "broken", policy = "iam/malformed.json")
    static class MalformedPolicy extends NeverRuns {}

    @IamRole(name = "orphan", policy = "iam/does-not-exist.json")
    static class MissingPolicyFile extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/sleeper.json", desiredCount = -1)
    static class NegativeDesiredCount extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/sleeper.json")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/sleeper.json", desiredCount = 2)
    static class SameServiceTwice extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/sleeper.json")
    static class SandboxImageMissing extends NeverRuns {
        @RegisterExtension
        static DrydockExtension drydock = DrydockExtension.builder()
                .setting("runtime", "docker")
                .setting("sandbox.image", "drydock/no-such-sandbox:1")
                .build();
    }

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/sleeper.json", rollback = true)
    static class RollbackWithoutCircuitBreaker extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/sleeper.json", environment = "DATABASE_URL")
    static class EnvironmentWithoutValue extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/sleeper.json", environment = "db:URL=x")
    static class EnvironmentForAnUnknownContainer extends NeverRuns {}

    @EcsCluster(name = "shop")
    @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/sleeper.json", minimumHealthyPercent = 250)
    static class MinimumHealthyAboveMaximum extends NeverRuns {}
}
