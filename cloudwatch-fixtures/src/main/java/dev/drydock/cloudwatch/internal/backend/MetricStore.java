package dev.drydock.cloudwatch.internal.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The stored samples of every metric (package-private part of {@link CloudWatchBackend}; expects its lock held). Samples
 * older than CloudWatch's retention of 15 days (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#metrics-retention)
 * are dropped as new ones arrive.
 */
final class MetricStore {
    private static final Duration RETENTION = Duration.ofDays(15);

    private final Map<MetricKey, List<Sample>> samples = new HashMap<>();
    private final Map<MetricKey, Instant> lastPut = new HashMap<>();

    void add(MetricKey key, Sample sample, Instant now) {
        List<Sample> list = samples.computeIfAbsent(key, k -> new ArrayList<>());
        list.add(sample);
        Instant horizon = now.minus(RETENTION);
        list.removeIf(s -> s.timestamp().isBefore(horizon));
        lastPut.put(key, now);
    }

    /** The metrics matching a filter, with when data was last put to each, sorted by namespace, name, dimensions. */
    List<MetricKey> keys(Predicate<MetricKey> filter, Instant activeSince) {
        return samples.keySet().stream()
                .filter(filter)
                .filter(k -> activeSince == null || !lastPut.get(k).isBefore(activeSince))
                .sorted(Comparator.comparing(MetricKey::namespace)
                        .thenComparing(MetricKey::metricName)
                        .thenComparing(k -> k.dimensions().toString()))
                .toList();
    }

    /**
     * A statistic per period for one metric: the periods of {@code periodSeconds} aligned to the epoch, from the one
     * containing {@code start} up to (not including) {@code end}, each with at least one sample (of {@code unit}, when
     * given).
     */
    NavigableMap<Instant, List<Sample>> periods(
            MetricKey key, Instant start, Instant end, int periodSeconds, String unit) {
        NavigableMap<Instant, List<Sample>> out = new TreeMap<>();
        long p = periodSeconds;
        Instant from = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), p) * p);
        for (Sample s : samples.getOrDefault(key, List.of())) {
            if (s.timestamp().isBefore(from) || !s.timestamp().isBefore(end)) {
                continue;
            }
            if (unit != null && !unit.equals(s.unit())) {
                continue;
            }
            Instant bucket = Instant.ofEpochSecond(Math.floorDiv(s.timestamp().getEpochSecond(), p) * p);
            out.computeIfAbsent(bucket, b -> new ArrayList<>()).add(s);
        }
        return out;
    }

    boolean has(MetricKey key) {
        return samples.containsKey(key);
    }
}
