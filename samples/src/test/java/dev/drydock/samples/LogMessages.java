package dev.drydock.samples;

import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** Reads a CloudWatch Logs stream's messages, as the samples check what a task logged. */
final class LogMessages {
    private LogMessages() {}

    /** The messages of the stream's events, oldest first (one GetLogEvents page). */
    static List<String> messages(CloudWatchLogsClient logs, String group, String stream) {
        return logs
                .getLogEvents(r -> r.logGroupName(group).logStreamName(stream).startFromHead(true))
                .events()
                .stream()
                .map(OutputLogEvent::message)
                .toList();
    }
}
