package dev.drydock.logs;

import dev.drydock.core.Drydock;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.logs.internal.LogsServiceModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/**
 * CloudWatch Logs log groups to declare in a {@link Drydock} instance: the programmatic twin of a log group
 * annotation.
 *
 * <pre>{@code
 * Drydock.builder()
 *         .fixture(LogsFixtures.logGroup("/ecs/orders").retentionInDays(7))
 *         .start();
 * }</pre>
 *
 * Each is CreateLogGroup (then PutRetentionPolicy, CreateLogStream) as the test principal, so what the API refuses (a
 * name with invalid characters, a retention CloudWatch Logs does not offer) fails the fixture with its message.
 */
public final class LogsFixtures {
    private LogsFixtures() {}

    /** A log group: 1-512 of {@code [.-_/#A-Za-z0-9]}. */
    public static LogGroupFixture logGroup(String name) {
        return new LogGroupFixture(name);
    }

    /** A log group to create; see {@link LogsFixtures}. */
    public static final class LogGroupFixture implements Fixture {
        private final String name;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final List<String> streams = new ArrayList<>();
        private Integer retentionInDays;

        private LogGroupFixture(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** How long events are kept: 1, 3, 5, 7, 14, 30, 60, 90, ... 3653 days (PutRetentionPolicy). */
        public LogGroupFixture retentionInDays(int days) {
            this.retentionInDays = days;
            return this;
        }

        /** A tag on the group. */
        public LogGroupFixture tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /** A log stream in the group. */
        public LogGroupFixture stream(String streamName) {
            streams.add(streamName);
            return this;
        }

        @Override
        public void apply(Drydock drydock) {
            AdminCalls calls = LogsServiceModule.of(drydock).adminCalls();
            AdminCalls.undoingOnRefusal("CloudWatch Logs refuses the log group '" + name + "'", undo -> {
                calls.call(
                        LogsModule.SIGNING_NAME,
                        CreateLogGroupRequest.builder()
                                .logGroupName(name)
                                .tags(tags.isEmpty() ? null : tags)
                                .build(),
                        CreateLogGroupResponse.class);
                undo.onRefusal(() -> calls.call(
                        LogsModule.SIGNING_NAME,
                        DeleteLogGroupRequest.builder().logGroupName(name).build(),
                        DeleteLogGroupResponse.class));
                if (retentionInDays != null) {
                    calls.call(
                            LogsModule.SIGNING_NAME,
                            PutRetentionPolicyRequest.builder()
                                    .logGroupName(name)
                                    .retentionInDays(retentionInDays)
                                    .build(),
                            PutRetentionPolicyResponse.class);
                }
                for (String stream : streams) {
                    calls.call(
                            LogsModule.SIGNING_NAME,
                            CreateLogStreamRequest.builder()
                                    .logGroupName(name)
                                    .logStreamName(stream)
                                    .build(),
                            CreateLogStreamResponse.class);
                }
                return name;
            });
        }

        @Override
        public String describe() {
            return "LogsFixtures.logGroup(\"" + name + "\")";
        }
    }
}
