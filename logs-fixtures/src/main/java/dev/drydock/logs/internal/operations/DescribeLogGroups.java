package dev.drydock.logs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.Page;
import dev.drydock.logs.internal.LogsErrors;
import dev.drydock.logs.internal.backend.LogsBackend.GroupView;
import dev.drydock.logs.internal.support.LogAccess;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * DescribeLogGroups, as
 * <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogGroups.html">the
 * CloudWatch Logs API reference</a> describes it: the groups by name, filtered by {@code logGroupNamePrefix} or (not
 * both) {@code logGroupNamePattern} (case-insensitive substring), {@code logGroupClass} or
 * {@code logGroupIdentifiers}, in pages of up to 50 (the default). {@code logs:DescribeLogGroups} on
 * {@code log-group::log-stream:}.
 */
public final class DescribeLogGroups implements Operation<DescribeLogGroupsRequest, DescribeLogGroupsResponse> {
    private final LogAccess access;

    public DescribeLogGroups(LogAccess access) {
        this.access = access;
    }

    @Override
    public DescribeLogGroupsResponse call(DescribeLogGroupsRequest r, CallContext c) {
        if (r.logGroupNamePrefix() != null && r.logGroupNamePattern() != null) {
            throw LogsErrors.invalidParameter(
                    "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        access.authorize(c, "logs:DescribeLogGroups", null, null);
        List<String> identifiers = r.hasLogGroupIdentifiers()
                ? r.logGroupIdentifiers().stream().map(access::groupOf).toList()
                : null;
        String pattern =
                r.logGroupNamePattern() == null ? null : r.logGroupNamePattern().toLowerCase(Locale.ROOT);
        List<GroupView> groups = access.backend().groups().stream()
                .filter(g -> r.logGroupNamePrefix() == null || g.name().startsWith(r.logGroupNamePrefix()))
                .filter(g ->
                        pattern == null || g.name().toLowerCase(Locale.ROOT).contains(pattern))
                .filter(g -> r.logGroupClass() == null || g.logGroupClass().equals(r.logGroupClassAsString()))
                .filter(g -> identifiers == null || identifiers.contains(g.name()))
                .toList();
        Page<GroupView> page = LogAccess.page(groups, r.limit(), 50, r.nextToken());
        return DescribeLogGroupsResponse.builder()
                .logGroups(page.items().stream().map(DescribeLogGroups::shape).toList())
                .nextToken(page.nextToken())
                .build();
    }

    static LogGroup shape(GroupView g) {
        return LogGroup.builder()
                .logGroupName(g.name())
                .creationTime(g.creationTime())
                .retentionInDays(g.retentionInDays())
                .metricFilterCount(0)
                .arn(g.arn() + ":*")
                .logGroupArn(g.arn())
                .storedBytes(g.storedBytes())
                .kmsKeyId(g.kmsKeyId())
                .logGroupClass(g.logGroupClass())
                .deletionProtectionEnabled(g.deletionProtection())
                .build();
    }
}
