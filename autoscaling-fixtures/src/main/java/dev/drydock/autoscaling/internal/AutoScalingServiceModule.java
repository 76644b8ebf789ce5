package dev.drydock.autoscaling.internal;

import dev.drydock.autoscaling.AutoScalingModule;
import dev.drydock.autoscaling.internal.agent.AgentRegistrations;
import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.EcsAgent;
import dev.drydock.core.spi.LaunchTemplateSource;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.core.spi.ServiceContext;
import java.time.Duration;
import java.util.List;

/**
 * The EC2 Auto Scaling module: groups ({@link AutoScalingGroups}, on the scaling clock) and their routing table
 * ({@link AutoScalingApi}); launch templates come from the {@link LaunchTemplateSource} port (drydock-ec2-fixtures).
 * An instance's lifecycle state is computed from its launch time; an instance whose user data names an ECS cluster
 * registers with it when it turns InService ({@link AgentRegistrations}, through core's {@link EcsAgent} port), on a
 * daemon thread started with the first such instance. Setting
 * {@code autoscaling.instance-pending-time} (default {@code PT30S}, AWS time): how long a launched instance is
 * {@code Pending}. Found by {@link java.util.ServiceLoader}; its public face is {@link AutoScalingModule}.
 */
public final class AutoScalingServiceModule implements AutoScalingModule {
    /** How long a launched instance is Pending, in AWS time. */
    public static final String PENDING_TIME = "autoscaling.instance-pending-time";

    private ServiceContext context;
    private AutoScalingGroups groups;
    private AgentRegistrations agents;

    @Override
    public String name() {
        return "autoscaling";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("AutoScaling");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        ScalingTime time = context.scalingTime();
        Duration pending = context.settings().duration(PENDING_TIME, Duration.ofSeconds(30));
        agents = new AgentRegistrations(() -> context.module(EcsAgent.class), time.real(pending));
        groups = new AutoScalingGroups(
                context.region(),
                context.accountId(),
                time.clock(),
                pending,
                () -> context.module(LaunchTemplateSource.class),
                agents);
        // built on first use (or in the background once the runtime is connected), so start() loads none of its classes
        context.registerQueryOnFirstUse(
                "autoscaling",
                AutoScalingApi.VERSION,
                () -> AutoScalingApi.routingTable(groups, context.vpc(), time.clock()));
    }

    /**
     * The Auto Scaling module of a Drydock instance, for Drydock's own tests. Not a stable API.
     *
     * @throws DrydockException when drydock-autoscaling-fixtures is not on the classpath
     */
    public static AutoScalingServiceModule of(Drydock drydock) {
        return (AutoScalingServiceModule) drydock.service(AutoScalingModule.class);
    }

    /** The Auto Scaling API's operations, called as the test principal. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    @Override
    public String diagnostics() {
        return "";
    }

    @Override
    public void close() {
        if (agents != null) {
            agents.close();
        }
    }
}
