package dev.drydock.junit;

import static dev.drydock.junit.FixtureRuns.assertAllPassed;
import static dev.drydock.junit.FixtureRuns.execute;
import static dev.drydock.junit.FixtureRuns.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * What the extension injects (EcsClient, IamClient, StsClient, Drydock, DecisionLog) into test methods, lifecycle
 * methods and constructors, and what it leaves to others.
 */
class ParameterInjectionTest {

    @Test
    void injectsIntoTestMethodsLifecycleMethodsAndConstructorsTheSameEcsClient() {
        EngineExecutionResults results = execute(ParameterInjectionTestCases.InjectsEverywhere.class);

        assertAllPassed(results, 5);
    }

    @Test
    void injectsIntoTheConstructorOfAPerClassTestInstance() {
        EngineExecutionResults results = execute(ParameterInjectionTestCases.PerClassLifecycle.class);

        assertAllPassed(results, 1);
    }

    @Test
    void leavesOtherParameterTypesToOtherResolvers() {
        EngineExecutionResults results = execute(ParameterInjectionTestCases.OtherTypesForOtherResolvers.class);

        assertAllPassed(results, 1);
    }

    @Test
    void doesNotClaimClientTypesItDoesNotInject() {
        EngineExecutionResults results = execute(ParameterInjectionTestCases.UnsupportedClientType.class);

        assertThat(failureOf(results, "asyncClient"))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("No ParameterResolver registered for parameter "
                        + "[software.amazon.awssdk.services.ecs.EcsAsyncClient");
    }

    @Test
    void theExtensionAloneStartsAnEmptyDrydock() {
        EngineExecutionResults results = execute(ParameterInjectionTestCases.ExtensionWithoutDeclarations.class);

        assertAllPassed(results, 1);
    }

    @Test
    void injectsEc2AndAutoScalingClientsWithTheirModules() {
        EngineExecutionResults results = execute(ParameterInjectionTestCases.InjectsEc2.class);

        assertAllPassed(results, 2);
    }

    @Test
    void explainsHowToRegisterWhenRegisteredOnlyOnAMethod() {
        EngineExecutionResults results = execute(ParameterInjectionTestCases.RegisteredOnAMethod.class);

        assertThat(failureOf(results, "injected"))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("Drydock is not running for injected(EcsClient)")
                .hasMessageContaining("cannot inject software.amazon.awssdk.services.ecs.EcsClient")
                .hasMessageContaining("Annotate the test class with @EcsCluster, @FargateService or @IamRole")
                .hasMessageContaining("@RegisterExtension on a static field");
    }

    @Test
    void explainsHowToRegisterWhenRegisteredInAnInstanceField() {
        EngineExecutionResults results = execute(ParameterInjectionTestCases.RegisteredInAnInstanceField.class);

        assertThat(failureOf(results, "injected"))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("Drydock is not running")
                .hasMessageContaining("not on a method or an instance field");
    }
}
