package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScheduledActionResponse;

/**
 * PutScheduledAction, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html">the Application
 * Auto Scaling API reference</a> describes it: creates or updates a scheduled action of a registered ECS service
 * target (Schedule {@code at(...)}, {@code rate(...)} or {@code cron(...)} in its Timezone, StartTime, EndTime, the
 * ScalableTargetAction's MinCapacity and MaxCapacity), run on the scaling clock; ObjectNotFoundException when the
 * target is not registered. IAM: {@code application-autoscaling:PutScheduledAction}.
 */
public final class PutScheduledAction extends ScalingOperation
        implements Operation<PutScheduledActionRequest, PutScheduledActionResponse> {

    public PutScheduledAction(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public PutScheduledActionResponse call(PutScheduledActionRequest r, CallContext c) {
        authorizeOn(
                c,
                "PutScheduledAction",
                ScalingBackend.key(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString()));
        backend.putScheduledAction(r);
        return PutScheduledActionResponse.builder().build();
    }
}
