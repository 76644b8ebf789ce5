package dev.drydock.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import org.junit.jupiter.api.Test;

/** The programmatic log group fixture creates what the API creates and refuses what it refuses. */
class LogsFixturesTest extends LogsTestBase {

    @Override
    Drydock.Builder configure(Drydock.Builder builder) {
        return builder.fixture(
                LogsFixtures.logGroup("/ecs/orders").retentionInDays(14).tag("team", "orders").stream("seed"));
    }

    @Test
    void theDeclaredGroupIsThere() {
        var g = logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/orders"))
                .logGroups()
                .get(0);
        assertThat(g.retentionInDays()).isEqualTo(14);
        assertThat(logs.listTagsLogGroup(r -> r.logGroupName("/ecs/orders")).tags())
                .containsEntry("team", "orders");
        assertThat(logs.describeLogStreams(r -> r.logGroupName("/ecs/orders")).logStreams())
                .hasSize(1);
    }

    @Test
    void aGroupTheApiRefusesFailsTheFixture() {
        assertThatThrownBy(() -> drydock.apply(LogsFixtures.logGroup("bad name")))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("CloudWatch Logs refuses the log group 'bad name': InvalidParameterException");
        assertThatThrownBy(() -> drydock.apply(LogsFixtures.logGroup("/ecs/orders")))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("ResourceAlreadyExistsException");
        assertThat(logs.describeLogGroups().logGroups()).hasSize(1);
    }

    @Test
    void aGroupWhoseStreamIsRefusedIsDeletedAgain() {
        assertThatThrownBy(() -> drydock.apply(LogsFixtures.logGroup("/ecs/half").stream("a:b")))
                .isInstanceOf(DrydockException.class)
                .hasMessageContaining("CloudWatch Logs refuses the log group '/ecs/half': ");
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("/ecs/half"))
                        .logGroups())
                .isEmpty();
    }
}
