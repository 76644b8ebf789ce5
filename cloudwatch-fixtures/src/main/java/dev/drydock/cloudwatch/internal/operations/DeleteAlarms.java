package dev.drydock.cloudwatch.internal.operations;

import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.cloudwatch.internal.support.CloudWatchOperation;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;

/**
 * DeleteAlarms, as <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteAlarms.html">the
 * CloudWatch API reference</a> describes it: "In the event of an error, no alarms are deleted" (ResourceNotFound
 * naming the first missing alarm). IAM: {@code cloudwatch:DeleteAlarms} on each alarm's ARN.
 */
public final class DeleteAlarms extends CloudWatchOperation
        implements Operation<DeleteAlarmsRequest, DeleteAlarmsResponse> {

    public DeleteAlarms(CloudWatchBackend backend) {
        super(backend);
    }

    @Override
    public DeleteAlarmsResponse call(DeleteAlarmsRequest r, CallContext c) {
        authorizeAlarms(c, "DeleteAlarms", r.alarmNames());
        backend.deleteAlarms(r.alarmNames());
        return DeleteAlarmsResponse.builder().build();
    }
}
