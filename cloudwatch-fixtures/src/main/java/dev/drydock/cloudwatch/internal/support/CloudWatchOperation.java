package dev.drydock.cloudwatch.internal.support;

import dev.drydock.cloudwatch.internal.backend.CloudWatchBackend;
import dev.drydock.core.spi.CallContext;
import java.util.List;
import java.util.Map;

/**
 * What CloudWatch's handlers share: the backend, and authorization as the Service Authorization Reference lists it for
 * Amazon CloudWatch (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html):
 * action {@code cloudwatch:<Operation>}; the alarm actions on the alarm's ARN
 * ({@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}), the metric actions on {@code *}, PutMetricData with
 * the condition key {@code cloudwatch:namespace}, PutMetricAlarm with {@code cloudwatch:AlarmActions}.
 */
public abstract class CloudWatchOperation {
    /** The IAM service prefix. */
    protected static final String PREFIX = "cloudwatch:";

    protected final CloudWatchBackend backend;

    protected CloudWatchOperation(CloudWatchBackend backend) {
        this.backend = backend;
    }

    /** Authorizes {@code cloudwatch:<action>} on {@code *}. */
    protected static void authorizeAll(CallContext c, String action) {
        c.authorize(PREFIX + action, "*");
    }

    /** Authorizes {@code cloudwatch:<action>} on each alarm named (or every alarm when none is). */
    protected void authorizeAlarms(CallContext c, String action, List<String> names) {
        if (names == null || names.isEmpty()) {
            c.authorize(PREFIX + action, backend.alarmArn("*"));
            return;
        }
        for (String n : names) {
            c.authorize(PREFIX + action, backend.alarmArn(n));
        }
    }

    /** Authorizes {@code cloudwatch:<action>} on an alarm with condition keys. */
    protected void authorizeAlarm(CallContext c, String action, String name, Map<String, List<String>> keys) {
        c.authorize(PREFIX + action, backend.alarmArn(name), keys);
    }
}
