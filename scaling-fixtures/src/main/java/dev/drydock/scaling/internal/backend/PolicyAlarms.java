package dev.drydock.scaling.internal.backend;

import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/** Where target tracking's alarms are created and deleted: CloudWatch, through the module's admin calls. */
public interface PolicyAlarms {

    /**
     * Creates or replaces an alarm.
     *
     * @return the alarm's ARN
     * @throws dev.drydock.core.spi.AwsException FailedResourceAccessException when CloudWatch is not there or refuses
     */
    String put(PutMetricAlarmRequest alarm);

    /** Deletes alarms; ones already gone are ignored. */
    void delete(List<String> alarmNames);
}
