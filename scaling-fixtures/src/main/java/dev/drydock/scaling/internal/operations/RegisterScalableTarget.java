package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetResponse;

/**
 * RegisterScalableTarget, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html">the
 * Application Auto Scaling API reference</a> describes it, for ECS services ({@code service/<cluster>/<service>},
 * {@code ecs:service:DesiredCount}): a new target needs MinCapacity and MaxCapacity and an ACTIVE service; calling it
 * again updates the range (and SuspendedState); a desired count outside the range is brought into it at once, as a
 * scaling activity. Not supported: tags, other namespaces. IAM: {@code application-autoscaling:RegisterScalableTarget}.
 */
public final class RegisterScalableTarget extends ScalingOperation
        implements Operation<RegisterScalableTargetRequest, RegisterScalableTargetResponse> {

    public RegisterScalableTarget(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public RegisterScalableTargetResponse call(RegisterScalableTargetRequest r, CallContext c) {
        authorizeOn(
                c,
                "RegisterScalableTarget",
                ScalingBackend.key(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString()));
        return RegisterScalableTargetResponse.builder()
                .scalableTargetARN(backend.register(r).scalableTargetARN())
                .build();
    }
}
