package dev.drydock.logs.internal.support;

import dev.drydock.logs.internal.LogsErrors;

/** The resources CloudWatch Logs' tagging operations take: log group ARNs (Drydock models no destinations). */
public final class Resources {
    private Resources() {}

    /**
     * The log group a {@code resourceArn} names.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidParameterException for an ARN that is not a log
     *     group's, ResourceNotFoundException for a group that does not exist
     */
    public static String group(LogAccess access, String resourceArn) {
        if (!resourceArn.startsWith("arn:aws:logs:") || !resourceArn.contains(":log-group:")) {
            throw LogsErrors.invalidParameter("Invalid resourceArn " + resourceArn + ": Drydock's CloudWatch Logs tags "
                    + "log groups, " + access.backend().groupArn("<name>") + ".");
        }
        String group = access.groupOf(resourceArn);
        access.backend().findGroup(group).orElseThrow(LogsErrors::resourceNotFound);
        return group;
    }
}
