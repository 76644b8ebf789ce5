package dev.drydock.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.testing.RawJson;
import dev.drydock.core.testing.RawJson.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Malformed and out-of-range input to every CloudWatch Logs operation Drydock implements, sent raw: wrong JSON types,
 * missing members, names too long or with invalid characters, too many tags, oversized events and batches, unknown
 * enum values, bad tokens. Each answers HTTP 400 with CloudWatch Logs' own error (InvalidParameterException for the
 * model's constraints), never a 5xx, and stores nothing.
 */
class LogsBadInputTest extends LogsTestBase {
    private static final AtomicInteger N = new AtomicInteger();

    /** operation | body | error code | message (empty: not checked). */
    private static final String CASES = """
            CreateLogGroup | {} | InvalidParameterException | 1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null
            CreateLogGroup | {"logGroupName":"bad name"} | InvalidParameterException | 1 validation error detected: Value 'bad name' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+
            CreateLogGroup | {"logGroupName":"{long513}"} | InvalidParameterException |
            CreateLogGroup | {"logGroupName":7} | SerializationException |
            CreateLogGroup | {"logGroupName":"/g-{n}","tags":{tags51}} | InvalidParameterException |
            CreateLogGroup | {"logGroupName":"/g-{n}","tags":{"bad key!":"v"}} | InvalidParameterException |
            CreateLogGroup | {"logGroupName":"/g-{n}","tags":{"aws:x":"v"}} | InvalidParameterException |
            CreateLogGroup | {"logGroupName":"/g-{n}","logGroupClass":"CHEAP"} | InvalidParameterException |
            CreateLogGroup | {"logGroupName":"{group}"} | ResourceAlreadyExistsException | The specified log group already exists
            DeleteLogGroup | {"logGroupName":"/missing-{n}"} | ResourceNotFoundException | The specified log group does not exist.
            DescribeLogGroups | {"limit":51} | InvalidParameterException |
            DescribeLogGroups | {"logGroupNamePrefix":"a","logGroupNamePattern":"b"} | InvalidParameterException | LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.
            DescribeLogGroups | {"nextToken":"garbage"} | InvalidParameterException | The specified nextToken is invalid.
            CreateLogStream | {"logGroupName":"{group}"} | InvalidParameterException |
            CreateLogStream | {"logGroupName":"{group}","logStreamName":"a:b"} | InvalidParameterException |
            CreateLogStream | {"logGroupName":"/missing-{n}","logStreamName":"s"} | ResourceNotFoundException | The specified log group does not exist.
            CreateLogStream | {"logGroupName":"{group}","logStreamName":"{stream}"} | ResourceAlreadyExistsException | The specified log stream already exists
            DeleteLogStream | {"logGroupName":"{group}","logStreamName":"missing"} | ResourceNotFoundException | The specified log stream does not exist.
            DescribeLogStreams | {} | InvalidParameterException |
            DescribeLogStreams | {"logGroupName":"{group}","logGroupIdentifier":"{group}"} | InvalidParameterException |
            DescribeLogStreams | {"logGroupName":"{group}","orderBy":"Size"} | InvalidParameterException |
            DescribeLogStreams | {"logGroupName":"{group}","limit":0} | InvalidParameterException |
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}"} | InvalidParameterException |
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","logEvents":[]} | InvalidParameterException |
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","logEvents":[{"message":"x"}]} | InvalidParameterException | 1 validation error detected: Value null at 'logEvents.1.member.timestamp' failed to satisfy constraint: Member must not be null
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","logEvents":[{"timestamp":{now},"message":""}]} | InvalidParameterException |
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","logEvents":[{"timestamp":"soon","message":"x"}]} | SerializationException |
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","logEvents":[{"timestamp":{now},"message":"{big300k}"}]} | InvalidParameterException |
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","logEvents":[{"timestamp":{now},"message":"b"},{"timestamp":1,"message":"a"}]} | InvalidParameterException | Log events in a single PutLogEvents request must be in chronological order.
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","logEvents":{events5x250k}} | InvalidParameterException |
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"missing","logEvents":[{"timestamp":{now},"message":"x"}]} | ResourceNotFoundException | The specified log stream does not exist.
            GetLogEvents | {"logGroupName":"{group}"} | InvalidParameterException |
            GetLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","limit":10001} | InvalidParameterException |
            GetLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","nextToken":"f/123"} | InvalidParameterException | The specified nextToken is invalid.
            GetLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","startTime":-1} | InvalidParameterException |
            GetLogEvents | {"logStreamName":"{stream}"} | InvalidParameterException |
            GetLogEvents | {"logGroupIdentifier":"arn:aws:logs:eu-west-1:123456789012:log-group:x","logStreamName":"{stream}"} | InvalidParameterException |
            FilterLogEvents | {"logGroupName":"{group}","filterPattern":"{ $.x = }"} | InvalidParameterException |
            FilterLogEvents | {"logGroupName":"{group}","logStreamNames":["a"],"logStreamNamePrefix":"a"} | InvalidParameterException |
            FilterLogEvents | {"logGroupName":"{group}","logStreamNames":[]} | InvalidParameterException |
            FilterLogEvents | {"logGroupName":"/missing-{n}"} | ResourceNotFoundException |
            PutRetentionPolicy | {"logGroupName":"{group}","retentionInDays":2} | InvalidParameterException | 1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]
            PutRetentionPolicy | {"logGroupName":"{group}"} | InvalidParameterException |
            DeleteRetentionPolicy | {"logGroupName":"/missing-{n}"} | ResourceNotFoundException |
            TagResource | {"resourceArn":"{arn}","tags":{tags51}} | InvalidParameterException |
            TagResource | {"resourceArn":"{arn}","tags":{tags30}} | TooManyTagsException | A resource can only have 50 tags.
            TagResource | {"resourceArn":"arn:aws:sqs:us-east-1:123456789012:q","tags":{"k":"v"}} | InvalidParameterException |
            TagResource | {"resourceArn":"{arn}-missing","tags":{"k":"v"}} | ResourceNotFoundException | The specified resource does not exist.
            UntagResource | {"resourceArn":"{arn}"} | InvalidParameterException |
            ListTagsForResource | {} | InvalidParameterException |
            TagLogGroup | {"logGroupName":"{group}"} | InvalidParameterException |
            UntagLogGroup | {"logGroupName":"/missing-{n}","tags":["k"]} | ResourceNotFoundException |
            ListTagsLogGroup | {"logGroupName":"/missing-{n}"} | ResourceNotFoundException |
            """;

    private RawJson raw;
    private String group;
    private final String stream = "s";

    record Case(String operation, String body, String type, String message) {
        @Override
        public String toString() {
            return operation + " " + (body.length() > 80 ? body.substring(0, 80) + "..." : body) + " -> " + type;
        }
    }

    static Stream<Case> cases() {
        return CASES.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] p = l.split(" \\| ", -1);
            return new Case(p[0].trim(), p[1].trim(), p[2].trim().replace(" |", ""), p.length > 3 ? p[3].trim() : "");
        });
    }

    @BeforeAll
    void oneOfEach() {
        raw = new RawJson(drydock, "logs", "Logs_20140328");
        group = "/bad-input/" + unique("g");
        Map<String, String> twenty = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            twenty.put("t" + i, "v");
        }
        logs.createLogGroup(r -> r.logGroupName(group).tags(twenty));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        logs.putLogEvents(r -> r.logGroupName(group)
                .logStreamName(stream)
                .logEvents(InputLogEvent.builder()
                        .timestamp(System.currentTimeMillis())
                        .message("kept")
                        .build()));
    }

    private static String tags(int from, int n) {
        StringBuilder b = new StringBuilder("{");
        for (int i = from; i < from + n; i++) {
            b.append(i > from ? "," : "").append("\"k").append(i).append("\":\"v\"");
        }
        return b.append('}').toString();
    }

    private Answer send(Case c) {
        long now = System.currentTimeMillis();
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            events.append(i > 0 ? "," : "")
                    .append("{\"timestamp\":")
                    .append(now)
                    .append(",\"message\":\"")
                    .append("x".repeat(250_000))
                    .append("\"}");
        }
        String body = c.body()
                .replace("{group}", group)
                .replace("{stream}", stream)
                .replace("{arn}", "arn:aws:logs:us-east-1:123456789012:log-group:" + group)
                .replace("{long513}", "g".repeat(513))
                .replace("{big300k}", "x".repeat(300_000))
                .replace("{events5x250k}", events.append(']').toString())
                .replace("{tags51}", tags(0, 51))
                .replace("{tags30}", tags(100, 30))
                .replace("{now}", Long.toString(now))
                .replace("{n}", Integer.toString(N.incrementAndGet()));
        return raw.post(c.operation(), body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsCloudWatchLogsOwnClientErrorNeverAServerError(Case c) {
        Answer a = send(c);
        String expected = c.message().replace("\\\\", "\\");
        RawJson.assertError(a, c.type(), expected.isEmpty() ? null : expected);
    }

    @Test
    void badInputStoresNothing() {
        Map<String, Object> before = snapshot();
        cases().forEach(this::send);
        assertThat(snapshot()).isEqualTo(before);
    }

    private Map<String, Object> snapshot() {
        return Map.of(
                "groups",
                logs.describeLogGroupsPaginator(r -> r.limit(50)).stream()
                        .flatMap(p -> p.logGroups().stream())
                        .map(g -> g.logGroupName() + ":" + g.retentionInDays() + ":" + g.storedBytes())
                        .sorted()
                        .toList(),
                "streams",
                logs.describeLogStreams(r -> r.logGroupName(group)).logStreams().stream()
                        .map(s -> s.logStreamName() + ":" + s.lastEventTimestamp())
                        .toList(),
                "events",
                logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream))
                        .events()
                        .size(),
                "tags",
                logs.listTagsForResource(r -> r.resourceArn("arn:aws:logs:us-east-1:123456789012:log-group:" + group))
                        .tags());
    }
}
