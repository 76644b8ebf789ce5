package dev.drydock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One load balancer of a {@link FargateService} ({@code loadBalancers} of CreateService): the target group its tasks are
 * registered in, as the ENI's private IP and {@link #containerPort()} of {@link #containerName()}. Each task is
 * registered once RUNNING, counts toward a deployment only when healthy in every target group, and is deregistered and
 * drained for the target group's deregistration delay before its containers stop. Needs drydock-elb-fixtures.
 *
 * <pre>{@code
 * @FargateService(cluster = "shop", name = "web", taskDefinition = "ecs/webserver.json",
 *         loadBalancers = @ServiceLoadBalancer(targetGroup = "web", containerName = "sample-fargate-app",
 *                 containerPort = 80))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ServiceLoadBalancer {

    /**
     * The target group, by name (declared with {@link ElbTargetGroup}; target type {@code ip} for awsvpc tasks,
     * forwarded to by a load balancer's listener or rule) or ARN.
     */
    String targetGroup();

    /** The container of the task definition that receives the traffic. */
    String containerName();

    /** A {@code containerPort} of that container's port mappings. */
    int containerPort();
}
