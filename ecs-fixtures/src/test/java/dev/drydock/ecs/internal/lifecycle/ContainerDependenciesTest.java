package dev.drydock.ecs.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.runtime.ContainerState;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/** The ECS agent's dependsOn rules, start timeouts and stop order, on plain container definitions (no runtime). */
class ContainerDependenciesTest {
    private static final long T0 = 1_000_000_000L;

    private static final ContainerDefinition INIT = container("init", null);
    private static final ContainerDefinition DB = container("db", 10).toBuilder()
            .healthCheck(h -> h.command("CMD-SHELL", "true"))
            .build();

    @Test
    void withoutDependenciesAContainerStartsAtOnce() {
        ContainerDependencies deps = new ContainerDependencies(List.of(INIT));

        assertThat(deps.verdict(INIT, T0)).isEqualTo(new ContainerDependencies.Verdict(true, null));
    }

    @Test
    void startWaitsUntilTheDependencyWasCreated() {
        ContainerDefinition app = dependsOn("app", "init", null); // no condition: START
        ContainerDependencies deps = new ContainerDependencies(List.of(INIT, app));

        assertThat(deps.verdict(app, T0).ready()).isFalse();

        deps.created("init");

        assertThat(deps.verdict(app, T0).ready()).isTrue();
    }

    @Test
    void completeWaitsForAnyExitAndSuccessForExitCode0() {
        ContainerDefinition complete = dependsOn("complete", "init", ContainerCondition.COMPLETE);
        ContainerDefinition success = dependsOn("success", "init", ContainerCondition.SUCCESS);
        ContainerDependencies deps = new ContainerDependencies(List.of(INIT, complete, success));
        deps.created("init");
        deps.started("init", T0);

        assertThat(deps.verdict(complete, T0).ready()).isFalse();
        assertThat(deps.verdict(success, T0).ready()).isFalse();

        deps.exited("init", 0);

        assertThat(deps.verdict(complete, T0).ready()).isTrue();
        assertThat(deps.verdict(success, T0).ready()).isTrue();
    }

    @Test
    void successAfterANonZeroExitNeverStarts() {
        ContainerDefinition app = dependsOn("app", "init", ContainerCondition.SUCCESS);
        ContainerDependencies deps = new ContainerDependencies(List.of(INIT, app));
        deps.created("init");
        deps.exited("init", 3);

        assertThat(deps.verdict(app, T0).never())
                .isEqualTo("CannotStartContainerError: dependency graph: failed to resolve container ordering "
                        + "dependency [init(init:1) (STOPPED->RUNNING) - Exit: 3] for target [app(app:1) "
                        + "(NONE->RUNNING)] as dependency did not exit successfully.");
    }

    @Test
    void completeAcceptsANonZeroExit() {
        ContainerDefinition app = dependsOn("app", "init", ContainerCondition.COMPLETE);
        ContainerDependencies deps = new ContainerDependencies(List.of(INIT, app));
        deps.created("init");
        deps.exited("init", 3);

        assertThat(deps.verdict(app, T0)).isEqualTo(new ContainerDependencies.Verdict(true, null));
    }

    @Test
    void healthyWaitsForAPassingCheckAndSurvivesAnUnhealthyOne() {
        ContainerDefinition app = dependsOn("app", "db", ContainerCondition.HEALTHY);
        ContainerDependencies deps = new ContainerDependencies(List.of(DB, app));
        deps.created("db");
        deps.started("db", T0);

        assertThat(deps.health("db", ContainerState.Health.UNHEALTHY)).isTrue();
        assertThat(deps.health("db", ContainerState.Health.UNHEALTHY)).isFalse(); // known already
        assertThat(deps.verdict(app, T0 + 1).ready()).isFalse();
        assertThat(deps.verdict(app, T0 + 1).never()).isNull();

        deps.health("db", ContainerState.Health.HEALTHY);

        assertThat(deps.verdict(app, T0 + 1).ready()).isTrue();
    }

    @Test
    void healthyOnADependencyWithoutACheckOrThatExitedNeverStarts() {
        ContainerDefinition app = dependsOn("app", "init", ContainerCondition.HEALTHY);
        ContainerDependencies deps = new ContainerDependencies(List.of(INIT, app));
        deps.created("init");

        assertThat(deps.verdict(app, T0).never()).endsWith("as dependency did not become healthy.");

        ContainerDefinition web = dependsOn("web", "db", ContainerCondition.HEALTHY);
        ContainerDependencies withCheck = new ContainerDependencies(List.of(DB, web));
        withCheck.created("db");
        withCheck.exited("db", 0);

        assertThat(withCheck.verdict(web, T0).never()).endsWith("as dependency did not become healthy.");
    }

    @Test
    void aDependencyThatMissesItsStartTimeoutNeverLetsItsDependentStart() {
        ContainerDefinition app = dependsOn("app", "db", ContainerCondition.HEALTHY);
        ContainerDependencies deps = new ContainerDependencies(List.of(DB, app));
        deps.created("db");
        deps.started("db", T0);
        long timeout = TimeUnit.SECONDS.toNanos(10);

        assertThat(deps.verdict(app, T0 + timeout).never()).isNull();
        assertThat(deps.verdict(app, T0 + timeout + 1).never())
                .isEqualTo("CannotStartContainerError: dependency graph: container ordering dependency "
                        + "[db(db:1) (RUNNING->RUNNING)] for target [app(app:1) (NONE->RUNNING)] has timed out.");

        deps.health("db", ContainerState.Health.HEALTHY); // met in time: the timeout no longer matters

        assertThat(deps.verdict(app, T0 + timeout + 1).ready()).isTrue();
    }

    @Test
    void aDependencyThatWillNeverStartPassesThatOn() {
        ContainerDefinition middle = dependsOn("middle", "init", ContainerCondition.SUCCESS);
        ContainerDefinition last = dependsOn("last", "middle", null);
        ContainerDependencies deps = new ContainerDependencies(List.of(INIT, middle, last));
        deps.created("init");
        deps.exited("init", 1);

        assertThat(deps.verdict(middle, T0).never()).isNotNull();
        deps.neverStarts("middle");

        assertThat(deps.hasExited("middle")).isTrue();
        assertThat(deps.verdict(last, T0).never())
                .isEqualTo("CannotStartContainerError: dependency graph: failed to resolve container ordering "
                        + "dependency [middle(middle:1) (STOPPED->RUNNING) - Exit: 143] for target [last(last:1) "
                        + "(NONE->RUNNING)] because dependency will never start");
    }

    @Test
    void theStartIsOverOnceEveryContainerWasCreatedOrGivenUp() {
        ContainerDefinition app = dependsOn("app", "init", ContainerCondition.SUCCESS);
        ContainerDependencies deps = new ContainerDependencies(List.of(INIT, app));
        deps.created("init");

        assertThat(deps.waiting("init")).isFalse();
        assertThat(deps.waiting("app")).isTrue();
        assertThat(deps.settled()).isFalse();

        deps.neverStarts("app");

        assertThat(deps.settled()).isTrue();
    }

    @Test
    void containersStopAfterEveryContainerThatDependsOnThem() {
        ContainerDefinition app = dependsOn("app", "db", null);
        ContainerDefinition sidecar = dependsOn("sidecar", "app", null);
        List<ContainerDefinition> all = List.of(DB, app, sidecar, INIT);

        assertThat(ContainerDependencies.nextToStop(all, List.of("db", "app", "sidecar", "init")))
                .containsExactly("sidecar", "init");
        assertThat(ContainerDependencies.nextToStop(all, List.of("db", "app"))).containsExactly("app");
        assertThat(ContainerDependencies.nextToStop(all, List.of("db"))).containsExactly("db");
    }

    @Test
    void containersInADependencyCycleStopTogether() {
        ContainerDefinition a = dependsOn("a", "b", null);
        ContainerDefinition b = dependsOn("b", "a", null);

        assertThat(ContainerDependencies.nextToStop(List.of(a, b), List.of("a", "b")))
                .containsExactly("a", "b");
    }

    @Test
    void aContainerAnotherWaitsToCompleteRunsToCompletion() {
        List<ContainerDefinition> all =
                List.of(INIT, DB, dependsOn("app", "init", ContainerCondition.SUCCESS), dependsOn("web", "db", null));

        assertThat(ContainerDependencies.runsToCompletion(all, "init")).isTrue();
        assertThat(ContainerDependencies.runsToCompletion(all, "db")).isFalse();
        assertThat(ContainerDependencies.runsToCompletion(all, "app")).isFalse();
    }

    private static ContainerDefinition container(String name, Integer startTimeout) {
        return ContainerDefinition.builder()
                .name(name)
                .image(name + ":1")
                .startTimeout(startTimeout)
                .build();
    }

    private static ContainerDefinition dependsOn(String name, String dependency, ContainerCondition condition) {
        return container(name, null).toBuilder()
                .dependsOn(d -> d.containerName(dependency).condition(condition))
                .build();
    }
}
