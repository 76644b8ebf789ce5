package dev.drydock.scaling.internal.backend;

import dev.drydock.core.spi.MetricAlarms;
import java.util.List;

/** Where target tracking's alarms are created and deleted: CloudWatch, through core's {@link MetricAlarms} port. */
public interface PolicyAlarms {

    /**
     * Creates or replaces an alarm.
     *
     * @return the alarm's ARN
     * @throws dev.drydock.core.spi.AwsException FailedResourceAccessException when CloudWatch is not there or refuses
     */
    String put(MetricAlarms.Definition alarm);

    /** Deletes alarms; ones already gone are ignored. */
    void delete(List<String> alarmNames);
}
