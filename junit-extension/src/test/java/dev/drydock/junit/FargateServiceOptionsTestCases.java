package dev.drydock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ecs.EcsFixtures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Service;

/** Fixtures for {@link FargateServiceOptionsTest}; run only through it. */
class FargateServiceOptionsTestCases {

    static Service service(EcsClient ecs, String name) {
        return ecs.describeServices(r -> r.cluster("shop").services(name))
                .services()
                .get(0);
    }

    static Map<String, String> environment(EcsClient ecs, Service service, String container) {
        List<ContainerDefinition> containers = ecs.describeTaskDefinition(
                        r -> r.taskDefinition(service.taskDefinition()))
                .taskDefinition()
                .containerDefinitions();
        Map<String, String> env = new TreeMap<>();
        for (ContainerDefinition c : containers) {
            if (c.name().equals(container)) {
                for (KeyValuePair p : c.environment()) {
                    env.put(p.name(), p.value());
                }
            }
        }
        return env;
    }

    @EcsCluster(name = "shop")
    @FargateService(
            cluster = "shop",
            name = "orders",
            taskDefinition = "ecs/with-sidecar.json",
            desiredCount = 2,
            minimumHealthyPercent = 50,
            maximumPercent = 150,
            circuitBreaker = true,
            rollback = true,
            environment = {"app:LOG_LEVEL=debug", "FEATURE=on", "sidecar:URL=jdbc:postgresql://db:5432/shop?a=b"})
    @FargateService(cluster = "shop", name = "plain", taskDefinition = "ecs/sleeper.json")
    static class Annotated {
        @Test
        void theServiceHasTheDeploymentConfigurationAndTheTaskDefinitionTheEnvironment(EcsClient ecs) {
            Service orders = service(ecs, "orders");
            DeploymentConfiguration d = orders.deploymentConfiguration();
            assertThat(d.minimumHealthyPercent()).isEqualTo(50);
            assertThat(d.maximumPercent()).isEqualTo(150);
            assertThat(d.deploymentCircuitBreaker().enable()).isTrue();
            assertThat(d.deploymentCircuitBreaker().rollback()).isTrue();
            assertThat(environment(ecs, orders, "app"))
                    .containsExactlyEntriesOf(
                            new TreeMap<>(Map.of("LOG_LEVEL", "debug", "REGION_NAME", "eu", "FEATURE", "on")));
            assertThat(environment(ecs, orders, "sidecar"))
                    .containsExactlyEntriesOf(
                            new TreeMap<>(Map.of("FEATURE", "on", "URL", "jdbc:postgresql://db:5432/shop?a=b")));

            // without the options: ECS's defaults
            DeploymentConfiguration defaults = service(ecs, "plain").deploymentConfiguration();
            assertThat(defaults.minimumHealthyPercent()).isEqualTo(100);
            assertThat(defaults.maximumPercent()).isEqualTo(200);
            assertThat(defaults.deploymentCircuitBreaker().enable()).isFalse();
        }
    }

    /** What a test class gets from a Testcontainers database: known only once it started. */
    static final AtomicReference<String> DATABASE_URL = new AtomicReference<>();

    static class Programmatic {
        @RegisterExtension
        static DrydockExtension drydock = DrydockExtension.builder()
                .fixture(EcsFixtures.cluster("shop"))
                .fixture(EcsFixtures.fargateService("shop", "orders", "ecs/with-sidecar.json")
                        .deploymentConfiguration(c -> c.minimumHealthyPercent(0))
                        .circuitBreaker(false)
                        .environment("app", "DATABASE_URL", DATABASE_URL::get))
                .build();

        @Test
        void theSupplierIsAskedWhenTheFixtureApplies(EcsClient ecs) {
            Service orders = service(ecs, "orders");
            assertThat(orders.deploymentConfiguration().minimumHealthyPercent()).isZero();
            assertThat(orders.deploymentConfiguration().maximumPercent()).isEqualTo(200);
            assertThat(orders.deploymentConfiguration()
                            .deploymentCircuitBreaker()
                            .enable())
                    .isTrue();
            assertThat(orders.deploymentConfiguration()
                            .deploymentCircuitBreaker()
                            .rollback())
                    .isFalse();
            assertThat(environment(ecs, orders, "app"))
                    .containsEntry("DATABASE_URL", "jdbc:postgresql://10.0.0.7/shop");
            assertThat(environment(ecs, orders, "sidecar")).isEmpty();
        }
    }
}
