package dev.drydock.cloudwatch.internal.operations;

import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.support.CloudWatchOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;

/**
 * SetAlarmState, as <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_SetAlarmState.html">the
 * CloudWatch API reference</a> describes it: the state holds until the next evaluation; a change runs the new state's
 * actions (an Auto Scaling policy's too) and is in the alarm's history. {@code StateReasonData} must be JSON
 * (InvalidFormat). IAM: {@code cloudwatch:SetAlarmState} on the alarm's ARN.
 */
public final class SetAlarmState extends CloudWatchOperation
        implements Operation<SetAlarmStateRequest, SetAlarmStateResponse> {
    private final Consumer<List<CloudWatchBackend.Invocation>> actions;

    /** @param actions runs the actions of a state change (after the call's lock is released) */
    public SetAlarmState(CloudWatchBackend backend, Consumer<List<CloudWatchBackend.Invocation>> actions) {
        super(backend);
        this.actions = actions;
    }

    @Override
    public SetAlarmStateResponse call(SetAlarmStateRequest r, CallContext c) {
        authorizeAlarm(c, "SetAlarmState", r.alarmName(), Map.of());
        actions.accept(
                backend.setAlarmState(r.alarmName(), r.stateValueAsString(), r.stateReason(), r.stateReasonData()));
        return SetAlarmStateResponse.builder().build();
    }
}
