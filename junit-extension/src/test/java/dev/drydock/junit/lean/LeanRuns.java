package dev.drydock.junit.lean;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.drydock.junit.internal.Plugins;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs inside {@link LeanClasspathTest}'s class loader (without the EFS and ECR modules) and says, in one line, which
 * plug-ins loaded and how the lean test cases went.
 */
public final class LeanRuns {
    private LeanRuns() {}

    /**
     * {@code plugins=[...]; unavailable=N; ecs passed=P failed=F; efs failure=<message>; secret failure=<message>}.
     */
    public static String run() {
        Plugins plugins = Plugins.get();
        EngineExecutionResults ecs = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LeanTestCases.EcsAlone.class))
                .execute();
        EngineExecutionResults efs = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LeanTestCases.EfsWithoutItsModule.class))
                .execute();
        EngineExecutionResults secret = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(LeanTestCases.SecretWithoutItsModule.class))
                .execute();
        return "plugins=" + plugins.names() + "; unavailable="
                + plugins.unavailable().size() + "; ecs passed="
                + ecs.testEvents().succeeded().count() + " failed="
                + ecs.allEvents().failed().count()
                + "; efs failure=" + failure(efs)
                + "; secret failure=" + failure(secret);
    }

    private static String failure(EngineExecutionResults results) {
        return results.containerEvents().failed().stream()
                .map(e -> e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage)
                        .orElse("?"))
                .findFirst()
                .orElse("none");
    }
}
