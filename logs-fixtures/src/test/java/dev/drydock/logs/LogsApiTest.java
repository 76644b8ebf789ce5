package dev.drydock.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Every CloudWatch Logs operation Drydock implements, through the real SDK v2 {@code CloudWatchLogsClient}. */
class LogsApiTest extends LogsTestBase {

    private static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    private String groupWithStream(String stream) {
        String group = "/ecs/" + unique("app");
        logs.createLogGroup(r -> r.logGroupName(group));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        return group;
    }

    @Test
    void groupsAreCreatedDescribedAndDeleted() {
        String group = "/ecs/" + unique("orders");
        logs.createLogGroup(r -> r.logGroupName(group).tags(Map.of("team", "orders")));
        var e = catchThrowableOfType(
                ResourceAlreadyExistsException.class, () -> logs.createLogGroup(r -> r.logGroupName(group)));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group already exists");

        LogGroup described = logs.describeLogGroups(r -> r.logGroupNamePrefix(group))
                .logGroups()
                .get(0);
        assertThat(described.logGroupName()).isEqualTo(group);
        assertThat(described.arn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:" + group + ":*");
        assertThat(described.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:" + group);
        assertThat(described.retentionInDays()).isNull();
        assertThat(described.logGroupClassAsString()).isEqualTo("STANDARD");

        logs.putRetentionPolicy(r -> r.logGroupName(group).retentionInDays(7));
        assertThat(logs.describeLogGroups(
                                r -> r.logGroupNamePattern(group.substring(5).toUpperCase()))
                        .logGroups()
                        .get(0)
                        .retentionInDays())
                .isEqualTo(7);
        logs.deleteRetentionPolicy(r -> r.logGroupName(group));
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(group))
                        .logGroups()
                        .get(0)
                        .retentionInDays())
                .isNull();

        logs.deleteLogGroup(r -> r.logGroupName(group));
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups())
                .isEmpty();
        var missing = catchThrowableOfType(
                ResourceNotFoundException.class, () -> logs.deleteLogGroup(r -> r.logGroupName(group)));
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The specified log group does not exist.");
    }

    @Test
    void describeLogGroupsPages() {
        String prefix = "/paged/" + unique("g");
        for (int i = 0; i < 5; i++) {
            int n = i;
            logs.createLogGroup(r -> r.logGroupName(prefix + "/" + n));
        }
        List<String> names = logs
                .describeLogGroupsPaginator(r -> r.logGroupNamePrefix(prefix).limit(2))
                .stream()
                .flatMap(p -> p.logGroups().stream())
                .map(LogGroup::logGroupName)
                .toList();
        assertThat(names).containsExactly(prefix + "/0", prefix + "/1", prefix + "/2", prefix + "/3", prefix + "/4");
    }

    @Test
    void streamsAreCreatedDescribedOrderedAndDeleted() {
        String group = groupWithStream("b");
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("a"));
        var exists = catchThrowableOfType(
                ResourceAlreadyExistsException.class,
                () -> logs.createLogStream(r -> r.logGroupName(group).logStreamName("a")));
        assertThat(exists.awsErrorDetails().errorMessage()).isEqualTo("The specified log stream already exists");
        long now = System.currentTimeMillis();
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName("a").logEvents(event(now, "late")));
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName("b").logEvents(event(now - 1000, "early")));

        List<LogStream> byName =
                logs.describeLogStreams(r -> r.logGroupName(group)).logStreams();
        assertThat(byName).extracting(LogStream::logStreamName).containsExactly("a", "b");
        assertThat(byName.get(0).arn())
                .isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:" + group + ":log-stream:a");
        assertThat(byName.get(0).lastEventTimestamp()).isEqualTo(now);
        assertThat(logs.describeLogStreams(r -> r.logGroupName(group)
                                .orderBy(OrderBy.LAST_EVENT_TIME)
                                .descending(true))
                        .logStreams())
                .extracting(LogStream::logStreamName)
                .containsExactly("a", "b");
        assertThat(logs.describeLogStreams(
                                r -> r.logGroupIdentifier("arn:aws:logs:us-east-1:123456789012:log-group:" + group)
                                        .logStreamNamePrefix("b"))
                        .logStreams())
                .extracting(LogStream::logStreamName)
                .containsExactly("b");
        var invalid = catchThrowableOfType(
                InvalidParameterException.class,
                () -> logs.describeLogStreams(r ->
                        r.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("a")));
        assertThat(invalid.awsErrorDetails().errorMessage())
                .isEqualTo("Cannot order by LastEventTime with a logStreamNamePrefix.");
        logs.deleteLogStream(r -> r.logGroupName(group).logStreamName("a"));
        assertThat(logs.describeLogStreams(r -> r.logGroupName(group)).logStreams())
                .hasSize(1);
    }

    @Test
    void getLogEventsReadsForwardAndBackwardWithTokens() {
        String group = groupWithStream("s");
        long t0 = System.currentTimeMillis() - 60_000;
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(event(t0 + i, "line " + i));
        }
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(events));

        // without a token: the latest events
        GetLogEventsResponse latest =
                logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s").limit(10));
        assertThat(latest.events()).extracting(OutputLogEvent::message).first().isEqualTo("line 15");
        assertThat(latest.events()).extracting(OutputLogEvent::message).last().isEqualTo("line 24");
        GetLogEventsResponse older = logs.getLogEvents(
                r -> r.logGroupName(group).logStreamName("s").limit(10).nextToken(latest.nextBackwardToken()));
        assertThat(older.events()).extracting(OutputLogEvent::message).first().isEqualTo("line 5");

        // from the head, page by page, until the token stops changing
        List<String> read = new ArrayList<>();
        String token = null;
        while (true) {
            String t = token;
            GetLogEventsResponse page = logs.getLogEvents(r -> r.logGroupName(group)
                    .logStreamName("s")
                    .startFromHead(true)
                    .limit(7)
                    .nextToken(t));
            page.events().forEach(e -> read.add(e.message()));
            if (page.nextForwardToken().equals(token)) {
                break;
            }
            token = page.nextForwardToken();
        }
        assertThat(read).hasSize(25).first().isEqualTo("line 0");
        assertThat(read).last().isEqualTo("line 24");

        // events put later appear after the forward token
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName("s").logEvents(event(t0 + 100, "more")));
        String after = token;
        assertThat(logs.getLogEvents(
                                r -> r.logGroupName(group).logStreamName("s").nextToken(after))
                        .events())
                .extracting(OutputLogEvent::message)
                .containsExactly("more");

        // a time range
        assertThat(logs.getLogEvents(r -> r.logGroupName(group)
                                .logStreamName("s")
                                .startTime(t0 + 3)
                                .endTime(t0 + 6)
                                .startFromHead(true))
                        .events())
                .extracting(OutputLogEvent::message)
                .containsExactly("line 3", "line 4", "line 5");
        var bad = catchThrowableOfType(
                InvalidParameterException.class,
                () -> logs.getLogEvents(
                        r -> r.logGroupName(group).logStreamName("s").nextToken("f/nope")));
        assertThat(bad.awsErrorDetails().errorMessage()).isEqualTo("The specified nextToken is invalid.");
    }

    @Test
    void putLogEventsRejectsWhatCloudWatchLogsRejects() {
        String group = groupWithStream("s");
        long now = System.currentTimeMillis();
        var unordered = catchThrowableOfType(
                InvalidParameterException.class,
                () -> logs.putLogEvents(r ->
                        r.logGroupName(group).logStreamName("s").logEvents(event(now, "b"), event(now - 10, "a"))));
        assertThat(unordered.awsErrorDetails().errorMessage())
                .isEqualTo("Log events in a single PutLogEvents request must be in chronological order.");
        var spanning = catchThrowableOfType(
                InvalidParameterException.class,
                () -> logs.putLogEvents(r -> r.logGroupName(group)
                        .logStreamName("s")
                        .logEvents(event(now - Duration.ofDays(2).toMillis(), "a"), event(now, "b"))));
        assertThat(spanning.awsErrorDetails().errorMessage())
                .isEqualTo("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        var old = logs.putLogEvents(r -> r.logGroupName(group)
                .logStreamName("s")
                .logEvents(event(now - Duration.ofDays(15).toMillis(), "too old")));
        assertThat(old.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isZero();
        var response = logs.putLogEvents(r -> r.logGroupName(group)
                .logStreamName("s")
                .logEvents(event(now, "fine"), event(now + Duration.ofHours(3).toMillis(), "too new")));
        assertThat(response.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isNull();
        assertThat(response.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(1);
        assertThat(logs.getLogEvents(r -> r.logGroupName(group).logStreamName("s"))
                        .events())
                .extracting(OutputLogEvent::message)
                .containsExactly("fine");
        var missing = catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> logs.putLogEvents(
                        r -> r.logGroupName(group).logStreamName("nope").logEvents(event(now, "x"))));
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The specified log stream does not exist.");
    }

    @Test
    void filterLogEventsInterleavesStreamsAndMatchesPatterns() {
        String group = groupWithStream("web/app/1");
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("web/app/2"));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("worker/app/3"));
        long t = System.currentTimeMillis() - 10_000;
        logs.putLogEvents(r -> r.logGroupName(group)
                .logStreamName("web/app/1")
                .logEvents(event(t, "{\"level\":\"ERROR\",\"msg\":\"boom\"}"), event(t + 2, "plain INFO")));
        logs.putLogEvents(r -> r.logGroupName(group)
                .logStreamName("web/app/2")
                .logEvents(event(t + 1, "{\"level\":\"INFO\"}"), event(t + 3, "ERROR timeout")));
        logs.putLogEvents(
                r -> r.logGroupName(group).logStreamName("worker/app/3").logEvents(event(t + 4, "ERROR in worker")));

        List<FilteredLogEvent> all =
                logs.filterLogEvents(r -> r.logGroupName(group)).events();
        assertThat(all)
                .extracting(FilteredLogEvent::logStreamName)
                .containsExactly("web/app/1", "web/app/2", "web/app/1", "web/app/2", "worker/app/3");
        assertThat(all).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates();
        assertThat(logs.filterLogEvents(r -> r.logGroupName(group).filterPattern("{ $.level = \"ERROR\" }"))
                        .events())
                .extracting(FilteredLogEvent::message)
                .containsExactly("{\"level\":\"ERROR\",\"msg\":\"boom\"}");
        assertThat(logs.filterLogEvents(r -> r.logGroupName(group)
                                .logStreamNamePrefix("web/")
                                .filterPattern("ERROR"))
                        .events())
                .extracting(FilteredLogEvent::message)
                .containsExactly("{\"level\":\"ERROR\",\"msg\":\"boom\"}", "ERROR timeout");
        assertThat(logs.filterLogEvents(r -> r.logGroupName(group).logStreamNames("worker/app/3"))
                        .events())
                .hasSize(1);
        List<String> paged = logs
                .filterLogEventsPaginator(r -> r.logGroupName(group).limit(2))
                .stream()
                .flatMap(p -> p.events().stream())
                .map(FilteredLogEvent::message)
                .toList();
        assertThat(paged).hasSize(5);
        var unsupported = catchThrowableOfType(
                InvalidParameterException.class,
                () -> logs.filterLogEvents(r -> r.logGroupName(group).filterPattern("[ip, user]")));
        assertThat(unsupported.awsErrorDetails().errorMessage()).contains("space-delimited");
    }

    @Test
    void tagsByArnAndByGroupName() {
        String group = "/" + unique("tagged");
        String arn = "arn:aws:logs:us-east-1:123456789012:log-group:" + group;
        logs.createLogGroup(r -> r.logGroupName(group).tags(Map.of("a", "1")));
        logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("b", "2")));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsOnlyKeys("a", "b");
        logs.untagResource(r -> r.resourceArn(arn).tagKeys("a"));
        assertThat(logs.listTagsLogGroup(r -> r.logGroupName(group)).tags()).containsOnlyKeys("b");
        logs.tagLogGroup(r -> r.logGroupName(group).tags(Map.of("c", "3")));
        logs.untagLogGroup(r -> r.logGroupName(group).tags("b"));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsOnlyKeys("c");
        var missing = catchThrowableOfType(
                CloudWatchLogsException.class, () -> logs.listTagsForResource(r -> r.resourceArn(arn + "-nope")));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void aRoleIsAuthorizedOnTheLogStreamResource() {
        String group = groupWithStream("app/web/1");
        logs.createLogStream(r -> r.logGroupName(group).logStreamName("other"));
        String role = unique("writer");
        CloudWatchLogsClient as = as(
                role,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:PutLogEvents\","
                        + "\"logs:CreateLogStream\"],\"Resource\":\"arn:aws:logs:us-east-1:123456789012:log-group:"
                        + group + ":log-stream:app/*\"}]}");
        long now = Instant.now().toEpochMilli();
        as.putLogEvents(r -> r.logGroupName(group).logStreamName("app/web/1").logEvents(event(now, "ok")));
        var denied = catchThrowableOfType(
                CloudWatchLogsException.class,
                () -> as.putLogEvents(
                        r -> r.logGroupName(group).logStreamName("other").logEvents(event(now, "no"))));
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(denied.awsErrorDetails().errorMessage())
                .isEqualTo("User: arn:aws:sts::123456789012:assumed-role/" + role
                        + "/test is not authorized to perform: "
                        + "logs:PutLogEvents on resource: arn:aws:logs:us-east-1:123456789012:log-group:" + group
                        + ":log-stream:other because no identity-based policy allows the logs:PutLogEvents action");
        var cannotCreateGroup = catchThrowableOfType(
                CloudWatchLogsException.class, () -> as.createLogGroup(r -> r.logGroupName(group + "-new")));
        assertThat(cannotCreateGroup.awsErrorDetails().errorMessage())
                .contains("logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:123456789012:log-group:" + group
                        + "-new:log-stream: because");
        assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix(group + "-new"))
                        .logGroups())
                .isEmpty();
        var cannotDescribe =
                catchThrowableOfType(CloudWatchLogsException.class, () -> as.describeLogGroups(r -> r.limit(1)));
        assertThat(cannotDescribe.awsErrorDetails().errorMessage())
                .contains(
                        "logs:DescribeLogGroups on resource: arn:aws:logs:us-east-1:123456789012:log-group::log-stream:");
        as.close();
    }
}
