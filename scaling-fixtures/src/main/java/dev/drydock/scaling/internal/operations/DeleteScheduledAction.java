package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.backend.TargetKey;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DeleteScheduledActionResponse;

/**
 * DeleteScheduledAction, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DeleteScheduledAction.html">the
 * Application Auto Scaling API reference</a> describes it: ObjectNotFoundException when the target has no such action.
 * IAM: {@code application-autoscaling:DeleteScheduledAction}.
 */
public final class DeleteScheduledAction extends ScalingOperation
        implements Operation<DeleteScheduledActionRequest, DeleteScheduledActionResponse> {

    public DeleteScheduledAction(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public DeleteScheduledActionResponse call(DeleteScheduledActionRequest r, CallContext c) {
        TargetKey k = ScalingBackend.key(r.serviceNamespaceAsString(), r.resourceId(), r.scalableDimensionAsString());
        authorizeOn(c, "DeleteScheduledAction", k);
        backend.deleteScheduledAction(r.scheduledActionName(), k);
        return DeleteScheduledActionResponse.builder().build();
    }
}
