package dev.drydock.logs.internal.backend;

import java.util.Map;
import java.util.TreeMap;

/** One log group and its streams. Changed only by the {@link LogsBackend} under its lock. */
public final class LogGroup {
    private final String name;
    private final String arn;
    private final long creationTime;
    private final String kmsKeyId;
    private final String logGroupClass;
    final Map<String, LogStream> streams = new TreeMap<>();
    Integer retentionInDays;
    boolean deletionProtection;

    LogGroup(String name, String arn, long creationTime, String kmsKeyId, String logGroupClass) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
        this.kmsKeyId = kmsKeyId;
        this.logGroupClass = logGroupClass;
    }

    public String name() {
        return name;
    }

    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>} (DescribeLogGroups' {@code logGroupArn}). */
    public String arn() {
        return arn;
    }

    public long creationTime() {
        return creationTime;
    }

    public String kmsKeyId() {
        return kmsKeyId;
    }

    public String logGroupClass() {
        return logGroupClass;
    }

    public Integer retentionInDays() {
        return retentionInDays;
    }

    public boolean deletionProtection() {
        return deletionProtection;
    }
}
