package dev.drydock.logs;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * {@link BadInputSuite} for CloudWatch Logs: bad input generated from its model for every operation Drydock
 * implements, and the cases whose exact answer matters (group and stream name patterns, tags, events out of order,
 * over-long events and batches, tokens); never a 5xx, nothing stored.
 */
class LogsBadInputTest extends BadInputSuite {
    /** operation | body | error code | message (empty: not checked). */
    private static final String CASES = """
            CreateLogGroup | {} | InvalidParameterException | 1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null
            CreateLogGroup | {"logGroupName":"bad name"} | InvalidParameterException | 1 validation error detected: Value 'bad name' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+
            CreateLogGroup | {"logGroupName":"{g*513}"} | InvalidParameterException |
            CreateLogGroup | {"logGroupName":7} | SerializationException |
            CreateLogGroup | {"logGroupName":"/g-{n}","tags":{tagmap*51}} | InvalidParameterException |
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
            PutLogEvents | {"logGroupName":"{group}","logStreamName":"{stream}","logEvents":[{"timestamp":{now},"message":"{x*300000}"}]} | InvalidParameterException |
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
            TagResource | {"resourceArn":"{arn}","tags":{tagmap*51}} | InvalidParameterException |
            TagResource | {"resourceArn":"{arn}","tags":{tagmap*30}} | TooManyTagsException | A resource can only have 50 tags.
            TagResource | {"resourceArn":"arn:aws:sqs:us-east-1:123456789012:q","tags":{"k":"v"}} | InvalidParameterException |
            TagResource | {"resourceArn":"{arn}-missing","tags":{"k":"v"}} | ResourceNotFoundException | The specified resource does not exist.
            UntagResource | {"resourceArn":"{arn}"} | InvalidParameterException |
            ListTagsForResource | {} | InvalidParameterException |
            TagLogGroup | {"logGroupName":"{group}"} | InvalidParameterException |
            UntagLogGroup | {"logGroupName":"/missing-{n}","tags":["k"]} | ResourceNotFoundException |
            ListTagsLogGroup | {"logGroupName":"/missing-{n}"} | ResourceNotFoundException |
            """;

    private CloudWatchLogsClient logs;
    private final String group = "/bad-input/g";
    private final String stream = "s";

    LogsBadInputTest() {
        super(CloudWatchLogsClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        logs = drydock.client(CloudWatchLogsClient.builder());
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            tags.put("t" + i, "v");
        }
        logs.createLogGroup(r -> r.logGroupName(group).tags(tags));
        logs.createLogStream(r -> r.logGroupName(group).logStreamName(stream));
        logs.putLogEvents(r -> r.logGroupName(group)
                .logStreamName(stream)
                .logEvents(InputLogEvent.builder()
                        .timestamp(System.currentTimeMillis())
                        .message("kept")
                        .build()));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of(
                "logGroupName", group,
                "logStreamName", stream,
                "logGroupIdentifier", group,
                "resourceArn", arn());
    }

    private String arn() {
        return "arn:aws:logs:us-east-1:123456789012:log-group:" + group;
    }

    @Override
    protected List<Case> cases() {
        return jsonCases(CASES, this::fill);
    }

    private String fill(String text) {
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
        return text.replace("{group}", group)
                .replace("{stream}", stream)
                .replace("{arn}", arn())
                .replace("{events5x250k}", events.append(']').toString())
                .replace("{now}", Long.toString(now));
    }

    @Override
    protected Object state() {
        return List.of(
                logs.describeLogGroupsPaginator(r -> r.limit(50)).stream()
                        .flatMap(p -> p.logGroups().stream())
                        .map(g -> g.logGroupName() + ":" + g.retentionInDays() + ":" + g.storedBytes())
                        .sorted()
                        .toList(),
                logs.describeLogStreams(r -> r.logGroupName(group)).logStreams().stream()
                        .map(s -> s.logStreamName() + ":" + s.lastEventTimestamp())
                        .toList(),
                logs.getLogEvents(r -> r.logGroupName(group).logStreamName(stream))
                        .events()
                        .size(),
                logs.listTagsForResource(r -> r.resourceArn(arn())).tags());
    }
}
