package dev.drydock.cloudwatch.internal.backend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * The account's metric alarms by name and their history (package-private part of {@link CloudWatchBackend}; expects its
 * lock held). History is kept for CloudWatch's two weeks
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarmHistory.html), at most
 * {@value #HISTORY_LIMIT} items.
 */
final class Alarms {
    private static final int HISTORY_LIMIT = 10_000;

    /** An alarm and when its Auto Scaling actions last ran. */
    static final class Entry {
        MetricAlarm alarm;
        Instant lastActions;

        Entry(MetricAlarm alarm) {
            this.alarm = alarm;
        }
    }

    private final Map<String, Entry> byName = new TreeMap<>();
    private final List<AlarmHistoryItem> history = new ArrayList<>();

    Entry get(String name) {
        return byName.get(name);
    }

    void put(MetricAlarm alarm) {
        Entry e = byName.get(alarm.alarmName());
        if (e == null) {
            byName.put(alarm.alarmName(), new Entry(alarm));
        } else {
            e.alarm = alarm;
        }
    }

    Entry remove(String name) {
        return byName.remove(name);
    }

    List<Entry> all() {
        return List.copyOf(byName.values());
    }

    void record(String alarmName, Instant at, HistoryItemType type, String summary, String data) {
        history.add(AlarmHistoryItem.builder()
                .alarmName(alarmName)
                .alarmType(AlarmType.METRIC_ALARM)
                .timestamp(at)
                .historyItemType(type)
                .historySummary(summary)
                .historyData(data)
                .build());
        if (history.size() > HISTORY_LIMIT) {
            history.remove(0);
        }
    }

    List<AlarmHistoryItem> history() {
        return List.copyOf(history);
    }
}
