package dev.drydock.logs.internal.support;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Page;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.backend.LogsBackend;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How CloudWatch Logs operations authorize and name log groups, as the Service Authorization Reference for Amazon
 * CloudWatch Logs (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html)
 * and AWS's AccessDenied messages show it: every action is evaluated on
 * {@code arn:aws:logs:<region>:<account>:log-group:<group>:log-stream:<stream>} with the parts it has (so a policy's
 * {@code log-group:<group>:*} covers a group's streams), with the group's tags as {@code aws:ResourceTag/*}.
 */
public final class LogAccess {
    private static final Pattern GROUP_ARN = Pattern.compile("arn:aws:logs:([^:]+):(\\d{12}):log-group:([^:]+)(:\\*)?");

    private final LogsBackend backend;

    public LogAccess(LogsBackend backend) {
        this.backend = backend;
    }

    public LogsBackend backend() {
        return backend;
    }

    /** Authorizes {@code action} on a group's (and optionally a stream's) resource. */
    public void authorize(CallContext c, String action, String group, String stream, Map<String, List<String>> keys) {
        c.authorize(action, backend.resource(group, stream), keys);
    }

    public void authorize(CallContext c, String action, String group, String stream) {
        authorize(c, action, group, stream, Map.of());
    }

    /**
     * The group a request names by {@code logGroupName} or {@code logGroupIdentifier} (a name or ARN), exactly one.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException for both or neither, or an ARN
     *     of another account or region
     */
    public String group(String logGroupName, String logGroupIdentifier) {
        if (logGroupName != null && logGroupIdentifier != null) {
            throw LogsErrors.invalidParameter("LogGroupName and LogGroupIdentifier are mutually exclusive: give one.");
        }
        if (logGroupName == null && logGroupIdentifier == null) {
            throw LogsErrors.invalidParameter("Either LogGroupName or LogGroupIdentifier must be given.");
        }
        return logGroupName != null ? logGroupName : groupOf(logGroupIdentifier);
    }

    /** A log group name from a name or a log group ARN (with or without {@code :*}). */
    public String groupOf(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        var m = GROUP_ARN.matcher(nameOrArn);
        if (!m.matches() || !m.group(1).equals(backend.region()) || !m.group(2).equals(backend.account())) {
            throw LogsErrors.invalidParameter(
                    "Invalid log group ARN: " + nameOrArn + ". Use " + backend.groupArn("<name>") + ".");
        }
        return m.group(3);
    }

    /** A page of a CloudWatch Logs listing whose page holds {@code defaultSize} items by default. */
    public static <T> Page<T> page(List<T> all, Integer limit, int defaultSize, String token) {
        return LogsErrors.PAGINATOR.withDefaultPageSize(defaultSize).page(all, limit, token);
    }
}
