package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** The scheduler's verdict on a task from its containers' health checks, on the bare model. */
class ContainerHealthChecksTest {
    private final BackendFixture model = new BackendFixture(TaskPlacement.FARGATE);
    private final ContainerHealthChecks health = new ContainerHealthChecks();

    @Test
    void aRunningTaskWithoutHealthChecksCountsAsHealthyOnceItHasBeenRunningFor40Seconds() {
        TaskRecord t = run(model.web);

        assertThat(judge(t)).isEqualTo(ServiceTaskHealth.Verdict.NOT_HEALTHY); // PROVISIONING
        model.run(t);
        Instant running = model.clock.instant();
        assertThat(judge(t)).isEqualTo(ServiceTaskHealth.Verdict.healthyAt(running.plusSeconds(40)));
        assertThat(judge(t).awaitingHealth()).isTrue();
        assertThat(judge(t).healthy()).isFalse();

        model.clock.advance(Duration.ofMillis(39_999));
        assertThat(judge(t).healthy()).isFalse();
        model.clock.advance(Duration.ofMillis(1));
        assertThat(judge(t)).isEqualTo(ServiceTaskHealth.Verdict.HEALTHY);
        assertThat(new ContainerHealthChecks(Duration.ofMinutes(2))
                        .judge(null, t, model.clock.instant())
                        .healthy())
                .as("a longer setting")
                .isFalse();
    }

    @Test
    void aTaskWithAHealthCheckWaitsForItsFirstResultCountsWhenHealthyAndIsReplacedWhenUnhealthy() {
        TaskRecord t = run(checked());
        model.run(t);

        assertThat(judge(t)).isEqualTo(ServiceTaskHealth.Verdict.AWAITING);

        model.backend.containerHealth(t, "app", "HEALTHY");
        assertThat(judge(t)).isEqualTo(ServiceTaskHealth.Verdict.HEALTHY);

        model.backend.containerHealth(t, "app", "UNHEALTHY");
        assertThat(judge(t).replacementReason()).isEqualTo("Task failed container health checks");
        assertThat(judge(t).healthy()).isFalse();
    }

    private ServiceTaskHealth.Verdict judge(TaskRecord t) {
        return health.judge(null, t, model.clock.instant());
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
