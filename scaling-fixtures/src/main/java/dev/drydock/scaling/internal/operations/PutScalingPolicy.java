package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;

/**
 * PutScalingPolicy, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html">the Application
 * Auto Scaling API reference</a> describes it: TargetTrackingScaling (ECSServiceAverageCPUUtilization,
 * ECSServiceAverageMemoryUtilization, ALBRequestCountPerTarget with its ResourceLabel, or a customized metric; the
 * AlarmHigh/AlarmLow alarms in CloudWatch; cooldowns; DisableScaleIn) and StepScaling (ChangeInCapacity,
 * PercentChangeInCapacity, ExactCapacity; step adjustments; Cooldown), acting when their alarms call them. Not
 * supported: metric math, PredictiveScaling. IAM: {@code application-autoscaling:PutScalingPolicy}.
 */
public final class PutScalingPolicy extends ScalingOperation
        implements Operation<PutScalingPolicyRequest, PutScalingPolicyResponse> {

    public PutScalingPolicy(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public PutScalingPolicyResponse call(PutScalingPolicyRequest r, CallContext c) {
        authorizeOn(
                c,
                "PutScalingPolicy",
                ScalingBackend.key(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString()));
        var p = backend.putPolicy(r);
        return PutScalingPolicyResponse.builder()
                .policyARN(p.policyARN())
                .alarms(p.alarms())
                .build();
    }
}
