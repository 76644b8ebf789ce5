package dev.drydock.junit.internal.plugins;

import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.ecs.ContainerInstancesFixture;
import dev.drydock.ecs.EcsFixtures;
import dev.drydock.ecs.EcsModule;
import dev.drydock.junit.ContainerInstances;
import dev.drydock.junit.EcsCluster;
import dev.drydock.junit.FargateService;
import dev.drydock.junit.ServiceLoadBalancer;
import dev.drydock.junit.internal.FastWaiters;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import dev.drydock.junit.spi.Stage;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * What drydock-ecs-fixtures brings: {@link EcsCluster} (with its {@link ContainerInstances}), {@link FargateService},
 * and ECS clients whose waiters poll every 200 ms.
 */
public final class EcsPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-ecs-fixtures is not on the classpath. */
    private static final Class<?> MODULE = EcsModule.class;

    @Override
    public String name() {
        return "ecs";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of(
                AnnotationBinding.of(
                        EcsCluster.class,
                        Stage.CLUSTERS,
                        c -> "@EcsCluster(name = \"" + c.name() + "\")",
                        "",
                        EcsPlugin::cluster),
                AnnotationBinding.of(
                        FargateService.class,
                        Stage.SERVICES,
                        s -> "@FargateService(cluster = \"" + s.cluster() + "\", name = \"" + s.name() + "\")",
                        "a service's name is unique in its cluster",
                        EcsPlugin::service));
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(Injectable.client(EcsClient.class, EcsClient::builder, FastWaiters::ecs));
    }

    /** The cluster, then its container instances (each declaration checked as it applies, before it registers any). */
    private static Fixture cluster(EcsCluster c) {
        Fixture cluster = EcsFixtures.cluster(c.name());
        List<Fixture> capacity = new ArrayList<>();
        for (ContainerInstances ci : c.containerInstances()) {
            capacity.add(containerInstances(c.name(), ci));
        }
        Fixture all = drydock -> {
            cluster.apply(drydock);
            capacity.forEach(drydock::apply);
        };
        return all.describedAs("@EcsCluster(name = \"" + c.name() + "\")");
    }

    private static Fixture containerInstances(String cluster, ContainerInstances ci) {
        Fixture declared = drydock -> {
            ContainerInstancesFixture fixture = EcsFixtures.containerInstances(cluster, ci.count(), ci.instanceType());
            if (ci.availabilityZones().length > 0) {
                fixture.availabilityZones(ci.availabilityZones());
            }
            if (!ci.instanceProfile().isEmpty()) {
                fixture.instanceProfile(ci.instanceProfile());
            }
            for (String entry : ci.attributes()) {
                int eq = entry.indexOf('=');
                String name = eq < 0 ? entry : entry.substring(0, eq);
                if (name.isBlank()) {
                    throw new DrydockException("the attributes entry \"" + entry
                            + "\" is not name=value or a bare name, e.g. \"stack=prod\" or \"gpu\".");
                }
                fixture.attribute(name, eq < 0 ? null : entry.substring(eq + 1));
            }
            fixture.apply(drydock);
        };
        return declared.describedAs(
                "@ContainerInstances(count = " + ci.count() + ", instanceType = \"" + ci.instanceType() + "\")");
    }

    private static Fixture service(FargateService s) {
        String description = "@FargateService(cluster = \"" + s.cluster() + "\", name = \"" + s.name()
                + "\", taskDefinition = \"" + s.taskDefinition() + "\")";
        if (s.desiredCount() < 0) {
            throw new DrydockException(
                    description + ": desiredCount is " + s.desiredCount() + "; it must be 0 or more.");
        }
        var fixture = EcsFixtures.fargateService(s.cluster(), s.name(), s.taskDefinition())
                .desiredCount(s.desiredCount());
        if (s.subnets().length > 0) {
            fixture.subnets(s.subnets());
        }
        if (s.minimumHealthyPercent() != -1) {
            fixture.minimumHealthyPercent(s.minimumHealthyPercent());
        }
        if (s.maximumPercent() != -1) {
            fixture.maximumPercent(s.maximumPercent());
        }
        if (s.rollback() && !s.circuitBreaker()) {
            throw new DrydockException(
                    description + ": rollback = true needs circuitBreaker = true (a deployment rolls "
                            + "back when the circuit breaker fails it).");
        }
        if (s.circuitBreaker()) {
            fixture.circuitBreaker(s.rollback());
        }
        for (String entry : s.environment()) {
            int eq = entry.indexOf('=');
            String key = eq < 0 ? "" : entry.substring(0, eq);
            int colon = key.indexOf(':');
            String name = colon < 0 ? key : key.substring(colon + 1);
            if (eq < 0 || name.isEmpty() || colon == 0) {
                throw new DrydockException(description + ": the environment entry \"" + entry + "\" is not NAME=value "
                        + "or container:NAME=value, e.g. \"app:DATABASE_URL=jdbc:postgresql://db:5432/shop\".");
            }
            String value = entry.substring(eq + 1);
            if (colon < 0) {
                fixture.environment(name, value);
            } else {
                fixture.environment(key.substring(0, colon), name, value);
            }
        }
        for (ServiceLoadBalancer lb : s.loadBalancers()) {
            fixture.loadBalancer(lb.targetGroup(), lb.containerName(), lb.containerPort());
        }
        if (s.healthCheckGracePeriodSeconds() != -1) {
            fixture.healthCheckGracePeriodSeconds(s.healthCheckGracePeriodSeconds());
        }
        return fixture.describedAs(description);
    }
}
