package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** The scheduler's verdict on a task from its containers' health checks, on the bare model. */
class ContainerHealthChecksTest {
    private final BackendFixture model = new BackendFixture(TaskPlacement.FARGATE);
    private final ContainerHealthChecks health = new ContainerHealthChecks();

    @Test
    void aRunningTaskWithoutHealthChecksCountsAsHealthy() {
        TaskRecord t = run(model.web);

        assertThat(health.judge(null, t)).isEqualTo(ServiceTaskHealth.Verdict.NOT_HEALTHY); // PROVISIONING
        model.run(t);
        assertThat(health.judge(null, t)).isEqualTo(ServiceTaskHealth.Verdict.HEALTHY);
    }

    @Test
    void aTaskWithAHealthCheckWaitsForItsFirstResultCountsWhenHealthyAndIsReplacedWhenUnhealthy() {
        TaskRecord t = run(checked());
        model.run(t);

        assertThat(health.judge(null, t)).isEqualTo(ServiceTaskHealth.Verdict.AWAITING);

        model.backend.containerHealth(t, "app", "HEALTHY");
        assertThat(health.judge(null, t)).isEqualTo(ServiceTaskHealth.Verdict.HEALTHY);

        model.backend.containerHealth(t, "app", "UNHEALTHY");
        assertThat(health.judge(null, t).replacementReason()).isEqualTo("Task failed container health checks");
        assertThat(health.judge(null, t).healthy()).isFalse();
    }

    private TaskRecord run(TaskDefinition td) {
        model.backend.runTask(
                model.runTask().taskDefinition(td.taskDefinitionArn()).build(), td);
        return model.backend.allTasks().get(model.backend.allTasks().size() - 1);
    }

    private TaskDefinition checked() {
        return model.register(
                "checked",
                ContainerDefinition.builder()
                        .name("app")
                        .image("app:1")
                        .healthCheck(h -> h.command("CMD-SHELL", "true"))
                        .build());
    }
}
