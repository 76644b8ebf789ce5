package dev.drydock.autoscaling.internal;

import dev.drydock.autoscaling.AutoScalingModule;
import dev.drydock.autoscaling.internal.agent.AgentRegistrations;
import dev.drydock.autoscaling.internal.backend.AutoScalingGroups;
import dev.drydock.autoscaling.internal.backend.ScalingPolicies;
import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AlarmActionTarget;
import dev.drydock.core.spi.EcsAgent;
import dev.drydock.core.spi.LaunchTemplateSource;
import dev.drydock.core.spi.MetricAlarms;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.core.spi.ServiceContext;
import java.time.Duration;
import java.util.List;

/**
 * The EC2 Auto Scaling module: groups ({@link AutoScalingGroups}, on the scaling clock) and their routing table
 * ({@link AutoScalingApi}); launch templates come from the {@link LaunchTemplateSource} port (drydock-ec2-fixtures).
 * An instance's lifecycle state is computed from its launch time; an instance whose user data names an ECS cluster
 * registers with it when it turns InService ({@link AgentRegistrations}, through core's {@link EcsAgent} port), on a
 * daemon thread started with the first such instance. Scaling policies ({@link ScalingPolicies}) keep target tracking's
 * alarms in CloudWatch through core's {@link MetricAlarms} port, and CloudWatch calls them back through this module's
 * {@link AlarmActionTarget}. Setting
 * {@code autoscaling.instance-pending-time} (default {@code PT30S}, AWS time): how long a launched instance is
 * {@code Pending}. Found by {@link java.util.ServiceLoader}; its public face is {@link AutoScalingModule}.
 */
public final class AutoScalingServiceModule implements AutoScalingModule, AlarmActionTarget {
    /** How long a launched instance is Pending, in AWS time. */
    public static final String PENDING_TIME = "autoscaling.instance-pending-time";

    private ServiceContext context;
    private AutoScalingGroups groups;
    private ScalingPolicies policies;
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
        policies = new ScalingPolicies(
                context.region(), context.accountId(), time.clock(), groups, () -> context.module(MetricAlarms.class));
        // built on first use (or in the background once the runtime is connected), so start() loads none of its classes
        context.registerQueryOnFirstUse(
                "autoscaling",
                AutoScalingApi.VERSION,
                () -> AutoScalingApi.routingTable(groups, policies, context.vpc(), time.clock()));
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
    public boolean accepts(String actionArn) {
        return actionArn.startsWith("arn:aws:autoscaling:")
                && actionArn.contains(":autoScalingGroupName/")
                && policies != null
                && policies.isPolicy(actionArn);
    }

    @Override
    public void invoke(String actionArn, AlarmNotice notice) {
        policies.invoked(actionArn, notice);
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
