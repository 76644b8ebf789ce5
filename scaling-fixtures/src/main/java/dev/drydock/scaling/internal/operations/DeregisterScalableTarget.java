package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.backend.TargetKey;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeregisterScalableTargetResponse;

/**
 * DeregisterScalableTarget, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DeregisterScalableTarget.html">the
 * Application Auto Scaling API reference</a> describes it: deletes the target's scaling policies and the CloudWatch
 * alarms target tracking created; ObjectNotFoundException for a target not registered. IAM:
 * {@code application-autoscaling:DeregisterScalableTarget}.
 */
public final class DeregisterScalableTarget extends ScalingOperation
        implements Operation<DeregisterScalableTargetRequest, DeregisterScalableTargetResponse> {

    public DeregisterScalableTarget(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public DeregisterScalableTargetResponse call(DeregisterScalableTargetRequest r, CallContext c) {
        TargetKey k = ScalingBackend.key(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
        authorizeOn(c, "DeregisterScalableTarget", k);
        backend.deregister(k);
        return DeregisterScalableTargetResponse.builder().build();
    }
}
