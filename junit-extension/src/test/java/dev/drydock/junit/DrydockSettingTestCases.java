package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.events.AwsEvent;
import dev.drydock.core.events.EventStream;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Fixtures for {@link DrydockSettingTest}; run only through it. */
class DrydockSettingTestCases {

    /** A composed annotation: the simulated runtime in another account. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @DrydockSetting(key = "runtime", value = "simulated")
    @DrydockSetting(key = "account", value = "210987654321")
    @interface SimulatedOtherAccount {}

    @SimulatedOtherAccount
    @EcsCluster(name = "settings")
    @FargateService(cluster = "settings", name = "sleepers", taskDefinition = "ecs/sleeper.json")
    static class Configured {

        @Test
        void theSettingsApplyAndEventsCanBeAwaited(Drydock drydock, EventStream events, EcsClient ecs) {
            assertThat(drydock.accountId()).isEqualTo("210987654321");
            assertThat(drydock.runtime()).isInstanceOf(SimulatedRuntime.class);
            String serviceArn = "arn:aws:ecs:us-east-1:210987654321:service/settings/sleepers";

            AwsEvent steady = events.await(
                    AwsEvent.ofType("ECS Service Action")
                            .and(AwsEvent.about(serviceArn))
                            .and(AwsEvent.withDetail("eventName", "SERVICE_STEADY_STATE")),
                    10);

            assertThat(steady.account()).isEqualTo("210987654321");
            assertThat(events).isSameAs(drydock.events());
            assertThat(ecs.describeServices(r -> r.cluster("settings").services("sleepers"))
                            .services()
                            .get(0)
                            .runningCount())
                    .isEqualTo(1);
        }
    }

    @DrydockSetting(key = "account", value = "210987654321")
    @DrydockSetting(key = "account", value = "111122223333")
    static class Conflicting {

        @Test
        void neverRuns() {}
    }

    @DrydockSetting(key = "account", value = "210987654321")
    static class Outer {

        @Test
        void outer(Drydock drydock) {
            assertThat(drydock.accountId()).isEqualTo("210987654321");
        }

        @Nested
        @DrydockSetting(key = "account", value = "111122223333")
        class ChangesIt {

            @Test
            void neverRuns() {}
        }
    }
}
