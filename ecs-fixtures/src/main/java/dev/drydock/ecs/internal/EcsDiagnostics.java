package dev.drydock.ecs.internal;

import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The ECS part of a failing test's output: every task's state timeline, and the last lines each of its containers
 * wrote (live for running containers, as captured for stopped ones).
 */
public final class EcsDiagnostics {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final int LOG_LINES = 20;

    private EcsDiagnostics() {}

    /** The report, or an empty string when there are no tasks. */
    public static String report(EcsBackend backend, Optional<RuntimeSession> runtime) {
        List<Snapshot> snapshots =
                backend.read(() -> backend.allTasks().stream().map(Snapshot::of).toList());
        if (snapshots.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append("Drydock ECS tasks (").append(snapshots.size()).append("):\n");
        for (Snapshot t : snapshots) {
            b.append("  task ")
                    .append(t.id)
                    .append(" (")
                    .append(t.family)
                    .append(", cluster ")
                    .append(t.cluster);
            if (t.service != null) {
                b.append(", service ").append(t.service);
            }
            b.append("): lastStatus ")
                    .append(t.lastStatus)
                    .append(", desiredStatus ")
                    .append(t.desiredStatus);
            if (t.ip != null) {
                b.append(", IP ").append(t.ip);
            }
            if (t.stopCode != null || t.stoppedReason != null) {
                b.append(", stopped: ")
                        .append(t.stopCode)
                        .append(" (")
                        .append(t.stoppedReason)
                        .append(')');
            }
            b.append('\n');
            for (TaskRecord.TimelineEntry e : t.timeline) {
                b.append("    ").append(TIME.format(e.at())).append("  ").append(e.event());
                if (e.detail() != null && !e.detail().isEmpty()) {
                    b.append(" - ").append(e.detail());
                }
                b.append('\n');
            }
            for (ContainerSnapshot c : t.containers) {
                b.append("    container ")
                        .append(c.name)
                        .append(" (")
                        .append(c.image)
                        .append("): ")
                        .append(c.lastStatus);
                if (c.exitCode != null) {
                    b.append(", exit code ").append(c.exitCode);
                }
                if (c.reason != null) {
                    b.append(", ").append(c.reason);
                }
                List<String> lines = c.logLines;
                if (c.lastStatus == ContainerRecord.Status.RUNNING && c.runtimeId != null && runtime.isPresent()) {
                    try {
                        lines = runtime.get().runtime().logTail(c.runtimeId, LOG_LINES);
                    } catch (RuntimeFailure e) {
                        lines = List.of("(logs unavailable: " + e.getMessage() + ")");
                    }
                }
                if (lines.isEmpty()) {
                    b.append(", no output\n");
                } else {
                    int from = Math.max(0, lines.size() - LOG_LINES);
                    b.append(", last ").append(lines.size() - from).append(" log lines:\n");
                    for (String line : lines.subList(from, lines.size())) {
                        b.append("      | ").append(line).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    private record Snapshot(
            String id,
            String family,
            String cluster,
            String service,
            String lastStatus,
            String desiredStatus,
            String ip,
            String stopCode,
            String stoppedReason,
            List<TaskRecord.TimelineEntry> timeline,
            List<ContainerSnapshot> containers) {
        static Snapshot of(TaskRecord t) {
            return new Snapshot(
                    t.id(),
                    t.taskDefinition().family() + ":" + t.taskDefinition().revision(),
                    t.clusterName(),
                    t.serviceName(),
                    t.lastStatus().name(),
                    t.desiredStatus(),
                    t.privateIp(),
                    t.stopCode(),
                    t.stoppedReason(),
                    List.copyOf(t.timeline()),
                    t.containers().stream().map(ContainerSnapshot::of).toList());
        }
    }

    private record ContainerSnapshot(
            String name,
            String image,
            ContainerRecord.Status lastStatus,
            Integer exitCode,
            String reason,
            String runtimeId,
            List<String> logLines) {
        static ContainerSnapshot of(ContainerRecord c) {
            return new ContainerSnapshot(
                    c.name(),
                    c.definition().image(),
                    c.lastStatus(),
                    c.exitCode(),
                    c.reason(),
                    c.runtimeId(),
                    c.lastLogLines());
        }
    }
}
