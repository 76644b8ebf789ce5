package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.TargetRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * A service behind load balancers on the bare model, with a target registry the test plays as ELB would (health states
 * set by the test, draining ended by the test or by time): CreateService's checks in ECS's words with nothing stored,
 * tasks registered at RUNNING and counted only when healthy, deregistered and drained in DEACTIVATING before their
 * containers stop, replaced when unhealthy after the grace period, and the service events ECS records.
 */
class ServiceLoadBalancingBackendTest {
    private static final String TG =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
    private static final String LB =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop/01234567";
    private static final String TG_PREFIX = "(service web) ";
    private static final TargetRegistry.Target TARGET = new TargetRegistry.Target("10.0.0.2", 80, "us-east-1a");

    private final BackendFixture model = new BackendFixture(TaskPlacement.FARGATE);
    private final FakeRegistry elb = new FakeRegistry();
    private final List<TaskRecord> containersStopped = new ArrayList<>();
    private final TaskDefinition web;

    ServiceLoadBalancingBackendTest() {
        model.backend.targetRegistry(() -> Optional.of(elb));
        model.backend.lifecycle(new TaskLifecycle() {
            @Override
            public void launch(TaskRecord task) {}

            @Override
            public void stop(TaskRecord task) {
                containersStopped.add(task);
            }
        });
        web = model.register(
                "lbweb",
                ContainerDefinition.builder()
                        .name("app")
                        .image("app:1")
                        .portMappings(p -> p.containerPort(80))
                        .build());
        elb.add(TG, "ip", List.of(LB), Duration.ofSeconds(300));
    }

    @Test
    void createServiceRefusesMisconfiguredLoadBalancersInEcsWordsAndStoresNothing() {
        elb.add(
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/inst/0123456789abcdef",
                "instance",
                List.of(LB),
                Duration.ofSeconds(300));
        elb.add(
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/alone/0123456789abcdef",
                "ip",
                List.of(),
                Duration.ofSeconds(300));
        assertRefused(lb(TG, "web", 80), "The container web does not exist in the task definition.");
        assertRefused(lb(TG, "app", 8080), "The container app did not have a container port 8080 defined.");
        assertRefused(
                lb("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/inst/0123456789abcdef", "app", 80),
                "The provided target group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/inst/"
                        + "0123456789abcdef has target type instance, which is incompatible with the awsvpc network "
                        + "mode specified in the task definition.");
        assertRefused(
                lb("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/alone/0123456789abcdef", "app", 80),
                "The target group with targetGroupArn arn:aws:elasticloadbalancing:us-east-1:123456789012:"
                        + "targetgroup/alone/0123456789abcdef does not have an associated load balancer.");
        assertRefused(
                lb("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nope/0123456789abcdef", "app", 80),
                "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS "
                        + "service role being passed has the proper permissions.");
        assertRefused(
                Collections.nCopies(6, lb(TG, "app", 80)).toArray(LoadBalancer[]::new),
                "load balancers can have at most 5 items.");

        model.backend.targetRegistry(Optional::empty);
        assertThatThrownBy(() -> createService(0, lb(TG, "app", 80)))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("add dev.drydock:drydock-elb-fixtures");
        assertThat(model.backend.listServiceArns("shop", null)).isEmpty();
    }

    @Test
    void aTaskIsRegisteredWhenRunningAndCountsOnlyOnceHealthyInItsTargetGroup() {
        createService(1, lb(TG, "app", 80));
        Service created = model.service("web");
        assertThat(created.loadBalancers()).containsExactly(lb(TG, "app", 80));
        assertThat(created.healthCheckGracePeriodSeconds()).isEqualTo(30);

        model.backend.reconcileServices();
        TaskRecord task = only(model.running());
        model.run(task);
        model.backend.reconcileServices();
        assertThat(elb.state(TG, TARGET)).isEqualTo("initial");
        assertThat(model.events("web")).contains(TG_PREFIX + "registered 1 targets in (target-group " + TG + ")");
        assertThat(model.events("web")).doesNotContain(TG_PREFIX + "has reached a steady state.");
        assertThat(model.service("web").deployments().get(0).rolloutStateAsString())
                .isEqualTo("IN_PROGRESS");

        elb.set(TG, TARGET, "healthy");
        model.backend.reconcileServices();
        assertThat(model.events("web").get(0)).isEqualTo(TG_PREFIX + "has reached a steady state.");
        assertThat(model.service("web").deployments().get(0).rolloutStateAsString())
                .isEqualTo("COMPLETED");
        assertThat(elb.registrations.get()).isEqualTo(1);
    }

    @Test
    void aStoppedTaskIsDeregisteredAndDrainsInDeactivatingBeforeItsContainersStop() {
        TaskRecord task = registeredTask(null);
        elb.set(TG, TARGET, "healthy");
        model.backend.reconcileServices();

        model.backend.stopTask("shop", task.id(), "sample");
        model.backend.reconcileServices();
        assertThat(task.lastStatus()).isEqualTo(TaskStatus.DEACTIVATING);
        assertThat(task.desiredStatus()).isEqualTo("STOPPED");
        assertThat(elb.state(TG, TARGET)).isEqualTo("draining");
        assertThat(containersStopped).doesNotContain(task);
        assertThat(model.events("web"))
                .contains(
                        TG_PREFIX + "has begun draining connections on 1 tasks.",
                        TG_PREFIX + "deregistered 1 targets in (target-group " + TG + ")");

        model.clock.advance(Duration.ofSeconds(200));
        model.backend.reconcileServices();
        assertThat(containersStopped).doesNotContain(task);

        elb.set(TG, TARGET, "unused"); // ELB: the deregistration delay passed, the target is gone
        model.backend.reconcileServices();
        assertThat(containersStopped).containsOnlyOnce(task);
        model.backend.stopping(task);
        assertThat(task.lastStatus()).isEqualTo(TaskStatus.STOPPING);
    }

    @Test
    void withoutWordFromElbTheDrainEndsAfterTheDeregistrationDelay() {
        TaskRecord task = registeredTask(null);
        model.backend.updateService(
                UpdateServiceRequest.builder()
                        .cluster("shop")
                        .service("web")
                        .desiredCount(0)
                        .build(),
                null);
        assertThat(model.backend.reconcileServices())
                .isEqualTo(model.clock.instant().plusSeconds(301));
        assertThat(containersStopped).isEmpty();
        model.clock.advance(Duration.ofSeconds(301));
        model.backend.reconcileServices();
        assertThat(containersStopped).containsExactly(task);
    }

    @Test
    void aTaskUnhealthyAfterTheGracePeriodIsReplacedAndCountsAsAFailedTask() {
        TaskRecord task = registeredTask(DeploymentConfiguration.builder()
                .deploymentCircuitBreaker(b -> b.enable(true).rollback(false))
                .build());
        elb.set(TG, TARGET, "unhealthy");

        model.clock.advance(Duration.ofSeconds(29)); // inside the 30 s grace period
        model.backend.reconcileServices();
        assertThat(task.desiredStatus()).isEqualTo("RUNNING");

        model.clock.advance(Duration.ofSeconds(1));
        model.backend.reconcileServices();
        assertThat(task.desiredStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCode()).isEqualTo("ServiceSchedulerInitiated");
        assertThat(task.stoppedReason()).isEqualTo("Task failed ELB health checks in (target-group " + TG + ")");
        assertThat(model.events("web"))
                .contains(
                        TG_PREFIX + "(task " + task.id() + ") (port 80) is unhealthy in (target-group " + TG
                                + ") due to (reason Health checks failed with these codes: [503]).",
                        TG_PREFIX + "has stopped 1 running tasks: (task " + task.id() + ").");
        assertThat(model.service("web").deployments().get(0).failedTasks()).isEqualTo(1);
        assertThat(elb.state(TG, TARGET)).isEqualTo("draining");
        // its replacement starts while it drains
        assertThat(model.running()).hasSize(1).doesNotContain(task);
    }

    @Test
    void aTaskWhoseEssentialContainerExitedIsDeregisteredWithoutWaiting() {
        TaskRecord task = registeredTask(null);

        assertThat(model.backend.containerExited(task, "app", 1, null, List.of()))
                .isTrue();
        model.backend.stopping(task);
        assertThat(elb.state(TG, TARGET)).isEqualTo("draining");
        assertThat(task.lastStatus()).isEqualTo(TaskStatus.STOPPING);
        assertThat(model.events("web")).contains(TG_PREFIX + "deregistered 1 targets in (target-group " + TG + ")");
    }

    @Test
    void whenDrydockClosesADrainingTaskStopsAtOnce() {
        TaskRecord task = registeredTask(null);
        model.backend.stopTask("shop", task.id(), null);
        model.backend.reconcileServices();
        assertThat(containersStopped).isEmpty();

        model.backend.stopAll("Drydock is shutting down");
        assertThat(containersStopped).containsOnlyOnce(task); // and its replacement, which had not started
    }

    /** A service of one task behind {@link #TG}: the task runs and is registered as {@link #TARGET}. */
    private TaskRecord registeredTask(DeploymentConfiguration dc) {
        createService(1, dc, lb(TG, "app", 80));
        model.backend.reconcileServices();
        TaskRecord task = only(model.running());
        model.run(task);
        model.backend.reconcileServices();
        return task;
    }

    private void assertRefused(LoadBalancer lb, String message) {
        assertRefused(new LoadBalancer[] {lb}, message);
    }

    private void assertRefused(LoadBalancer[] lbs, String message) {
        assertThatThrownBy(() -> createService(0, lbs))
                .isInstanceOf(AwsException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((AwsException) e).errorCode()).isEqualTo("InvalidParameterException"));
        assertThat(model.backend.listServiceArns("shop", null)).isEmpty();
    }

    private void createService(int desiredCount, LoadBalancer... lbs) {
        createService(desiredCount, null, lbs);
    }

    private void createService(int desiredCount, DeploymentConfiguration dc, LoadBalancer... lbs) {
        model.backend.createService(
                CreateServiceRequest.builder()
                        .cluster("shop")
                        .serviceName("web")
                        .desiredCount(desiredCount)
                        .launchType("FARGATE")
                        .networkConfiguration(BackendFixture.NETWORK)
                        .deploymentConfiguration(dc)
                        .loadBalancers(lbs)
                        .healthCheckGracePeriodSeconds(30)
                        .build(),
                web,
                "test");
    }

    private static LoadBalancer lb(String tg, String container, int port) {
        return LoadBalancer.builder()
                .targetGroupArn(tg)
                .containerName(container)
                .containerPort(port)
                .build();
    }

    private static TaskRecord only(List<TaskRecord> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    /** ELB as the test plays it: registered targets start {@code initial}, deregistered ones drain. */
    private static final class FakeRegistry implements TargetRegistry {
        private final Map<String, TargetGroup> groups = new LinkedHashMap<>();
        private final Map<String, String> states = new LinkedHashMap<>();
        final AtomicInteger registrations = new AtomicInteger();

        void add(String arn, String targetType, List<String> loadBalancers, Duration delay) {
            groups.put(arn, new TargetGroup(arn, arn, targetType, "HTTP", 80, "vpc-1", loadBalancers, delay));
        }

        void set(String tg, Target target, String state) {
            states.put(tg + " " + target.id() + ":" + target.port(), state);
        }

        String state(String tg, Target target) {
            return states.getOrDefault(tg + " " + target.id() + ":" + target.port(), "unused");
        }

        @Override
        public Optional<TargetGroup> targetGroup(String targetGroupArnOrName) {
            return Optional.ofNullable(groups.get(targetGroupArnOrName));
        }

        @Override
        public void register(String targetGroupArn, Target target) {
            registrations.incrementAndGet();
            set(targetGroupArn, target, "initial");
        }

        @Override
        public void deregister(String targetGroupArn, Target target) {
            set(targetGroupArn, target, "draining");
        }

        @Override
        public TargetHealth health(String targetGroupArn, Target target) {
            String state = state(targetGroupArn, target);
            return switch (state) {
                case "unhealthy" ->
                    new TargetHealth(
                            state, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [503]");
                case "unused" -> new TargetHealth(state, "Target.NotRegistered", "Target is not registered");
                default -> new TargetHealth(state, null, null);
            };
        }

        @Override
        public void onHealthChange(Runnable listener) {}

        @Override
        public Duration scaled(Duration awsPeriod) {
            return awsPeriod;
        }

        @Override
        public String name() {
            return "fake-elb";
        }

        @Override
        public void start(ServiceContext context) {}

        @Override
        public List<String> sdkEndpointSuffixes() {
            return List.of();
        }

        @Override
        public void close() {}
    }
}
