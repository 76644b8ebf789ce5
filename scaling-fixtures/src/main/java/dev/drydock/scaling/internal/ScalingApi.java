package dev.drydock.scaling.internal;

import dev.drydock.core.spi.JsonService;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.operations.DeleteScalingPolicy;
import dev.drydock.scaling.internal.operations.DeleteScheduledAction;
import dev.drydock.scaling.internal.operations.DeregisterScalableTarget;
import dev.drydock.scaling.internal.operations.DescribeScalableTargets;
import dev.drydock.scaling.internal.operations.DescribeScalingActivities;
import dev.drydock.scaling.internal.operations.DescribeScalingPolicies;
import dev.drydock.scaling.internal.operations.DescribeScheduledActions;
import dev.drydock.scaling.internal.operations.PutScalingPolicy;
import dev.drydock.scaling.internal.operations.PutScheduledAction;
import dev.drydock.scaling.internal.operations.RegisterScalableTarget;
import java.time.Clock;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScheduledActionsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;

/**
 * Application Auto Scaling's routing table: JSON 1.1, {@code X-Amz-Target: AnyScaleFrontendService.<Operation>},
 * signing name {@code application-autoscaling}; one handler per operation (in {@code operations}). Requests that break
 * the model are refused before any handler runs with {@code ValidationException}.
 */
public final class ScalingApi {

    private ScalingApi() {}

    /** The Application Auto Scaling service for {@code backend}. */
    public static JsonService routingTable(ScalingBackend backend, Clock clock) {
        return JsonService.builder(
                        "application-autoscaling", "AnyScaleFrontendService", ApplicationAutoScalingClient.class)
                .clock(clock)
                .operation(
                        "RegisterScalableTarget",
                        RegisterScalableTargetRequest.class,
                        new RegisterScalableTarget(backend))
                .operation(
                        "DescribeScalableTargets",
                        DescribeScalableTargetsRequest.class,
                        new DescribeScalableTargets(backend))
                .operation(
                        "DeregisterScalableTarget",
                        DeregisterScalableTargetRequest.class,
                        new DeregisterScalableTarget(backend))
                .operation("PutScalingPolicy", PutScalingPolicyRequest.class, new PutScalingPolicy(backend))
                .operation(
                        "DescribeScalingPolicies",
                        DescribeScalingPoliciesRequest.class,
                        new DescribeScalingPolicies(backend))
                .operation("DeleteScalingPolicy", DeleteScalingPolicyRequest.class, new DeleteScalingPolicy(backend))
                .operation(
                        "DescribeScalingActivities",
                        DescribeScalingActivitiesRequest.class,
                        new DescribeScalingActivities(backend))
                .operation("PutScheduledAction", PutScheduledActionRequest.class, new PutScheduledAction(backend))
                .operation(
                        "DescribeScheduledActions",
                        DescribeScheduledActionsRequest.class,
                        new DescribeScheduledActions(backend))
                .operation(
                        "DeleteScheduledAction", DeleteScheduledActionRequest.class, new DeleteScheduledAction(backend))
                .build();
    }
}
