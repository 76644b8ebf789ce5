package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * RunTask and the service scheduler ask {@link TaskPlacement} where each new task goes: a task that cannot be placed
 * becomes a RunTask failure, or a service event, and is never created.
 */
class TaskPlacementBackendTest {
    private final List<TaskPlacement.Request> asked = new ArrayList<>();
    /** Places the first {@code capacity} tasks in us-east-1b, then fails with RESOURCE:MEMORY. */
    private int capacity = 1;

    private final BackendFixture model = new BackendFixture(request -> {
        asked.add(request);
        if (capacity-- > 0) {
            return TaskPlacement.Placement.in("us-east-1b");
        }
        return TaskPlacement.Placement.failed(Failure.builder()
                .arn("arn:aws:ecs:us-east-1:123456789012:container-instance/shop/0123")
                .reason("RESOURCE:MEMORY")
                .build());
    });

    @Test
    void runTaskReportsTheTasksItCouldNotPlaceAsFailures() {
        EcsBackend.Described<Task> result =
                model.backend.runTask(model.runTask().count(3).group("batch").build(), model.web);

        assertThat(result.found()).hasSize(1);
        assertThat(result.found().get(0).availabilityZone()).isEqualTo("us-east-1b");
        assertThat(result.failures())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.reason()).isEqualTo("RESOURCE:MEMORY"));
        assertThat(model.backend.allTasks()).hasSize(1);
        assertThat(asked).hasSize(3).allSatisfy(r -> {
            assertThat(r.cluster()).isEqualTo("shop");
            assertThat(r.launchType()).isEqualTo(LaunchType.FARGATE);
            assertThat(r.group()).isEqualTo("batch");
            assertThat(r.taskDefinition()).isEqualTo(model.web);
        });
    }

    @Test
    void theSchedulerSaysOnceThatItCouldNotPlaceATaskAndPlacesItLater() {
        model.createService("web", 2);

        model.backend.reconcileServices();
        model.backend.reconcileServices();

        assertThat(model.running()).hasSize(1);
        List<String> events = model.events("web");
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo("(service web) was unable to place a task. Reason: RESOURCE:MEMORY.");
        assertThat(events.get(1)).startsWith("(service web) has started 1 tasks: (task ");
        assertThat(asked.get(0).group()).isEqualTo("service:web");

        capacity = 1;
        model.backend.reconcileServices();

        assertThat(model.running()).hasSize(2);
        assertThat(model.events("web").get(0)).startsWith("(service web) has started 1 tasks: (task ");
    }
}
