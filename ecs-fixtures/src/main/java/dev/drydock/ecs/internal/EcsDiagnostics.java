package dev.drydock.ecs.internal;

import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The ECS part of a failing test's output, short however many tasks ran: first a summary per service (counts, each
 * deployment's rollout state and failed tasks, stopped tasks by stop reason with their container's exit), then the
 * tasks, those with the same history (task definition, states, stop reason, containers' exits and output) folded into
 * one with a count; for each, its state timeline and the last lines each of its containers wrote (live for running
 * containers, as captured for stopped ones).
 */
public final class EcsDiagnostics {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final int LOG_LINES = 20;
    /** What differs between tasks with the same history: ENI, container and runtime ids, IP addresses. */
    private static final Pattern IDS = Pattern.compile("\\b(eni-)?[0-9a-f]{8,}\\b|\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");
    /** The most task histories told in full; the others are counted. */
    private static final int HISTORIES = 20;

    private EcsDiagnostics() {}

    /** The report, or an empty string when there are no tasks. */
    public static String report(EcsBackend backend, Optional<RuntimeSession> runtime) {
        List<Snapshot> snapshots =
                backend.read(() -> backend.allTasks().stream().map(Snapshot::of).toList());
        if (snapshots.isEmpty()) {
            return "";
        }
        List<ServiceSummary> services = backend.read(() -> services(backend));
        StringBuilder b = new StringBuilder();
        b.append("Drydock ECS (").append(snapshots.size()).append(" tasks):\n");
        for (ServiceSummary s : services) {
            s.appendTo(b, snapshots);
        }
        Map<List<Object>, List<Snapshot>> histories = new LinkedHashMap<>();
        for (Snapshot t : snapshots) {
            histories.computeIfAbsent(t.history(), k -> new ArrayList<>()).add(t);
        }
        b.append(histories.size() < snapshots.size() ? "  tasks, the same histories folded:\n" : "  tasks:\n");
        int told = 0;
        for (List<Snapshot> same : histories.values()) {
            if (told++ == HISTORIES) {
                b.append("  ... and ")
                        .append(histories.size() - HISTORIES)
                        .append(" more task histories (the HTML report has every task)\n");
                break;
            }
            appendTask(b, same.get(same.size() - 1), same, runtime);
        }
        return b.toString();
    }

    private static void appendTask(StringBuilder b, Snapshot t, List<Snapshot> same, Optional<RuntimeSession> runtime) {
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
        if (same.size() > 1) {
            b.append("    and ")
                    .append(same.size() - 1)
                    .append(same.size() == 2 ? " more task" : " more tasks")
                    .append(" with the same history (the last shown): ");
            List<String> ids =
                    same.subList(0, same.size() - 1).stream().map(Snapshot::id).toList();
            b.append(String.join(", ", ids.subList(Math.max(0, ids.size() - 3), ids.size())));
            b.append(ids.size() > 3 ? " and " + (ids.size() - 3) + " earlier" : "")
                    .append('\n');
        }
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

    private static List<ServiceSummary> services(EcsBackend backend) {
        List<ServiceSummary> summaries = new ArrayList<>();
        for (String cluster : backend.listClusterArns()) {
            List<String> arns = backend.listServiceArns(cluster, null);
            if (!arns.isEmpty()) {
                String name = cluster.substring(cluster.indexOf('/') + 1);
                for (Service s : backend.describeServices(cluster, arns, false).found()) {
                    summaries.add(new ServiceSummary(name, s));
                }
            }
        }
        return summaries;
    }

    /** One service's counts, deployments and stopped tasks by reason. */
    private record ServiceSummary(String cluster, Service service) {
        void appendTo(StringBuilder b, List<Snapshot> tasks) {
            b.append("  ").append(ServiceLines.service(cluster, service)).append('\n');
            for (Deployment d : service.deployments()) {
                b.append("    ").append(ServiceLines.deployment(d)).append('\n');
            }
            Map<String, Integer> stopped = new LinkedHashMap<>();
            for (Snapshot t : tasks) {
                if (cluster.equals(t.cluster) && service.serviceName().equals(t.service) && t.stopCode != null) {
                    stopped.merge(t.stopReasonWithExit(), 1, Integer::sum);
                }
            }
            if (!stopped.isEmpty()) {
                b.append("    stopped tasks by reason:\n");
                stopped.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .forEach(e -> b.append("      ")
                                .append(e.getValue())
                                .append(" x ")
                                .append(e.getKey())
                                .append('\n'));
            }
        }
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
        /** What makes two tasks' histories the same: all but ids, addresses and times. */
        List<Object> history() {
            List<Object> h = new ArrayList<>(List.of(
                    family, cluster, String.valueOf(service), lastStatus, desiredStatus, String.valueOf(stopCode)));
            h.add(String.valueOf(stoppedReason));
            for (TaskRecord.TimelineEntry e : timeline) {
                h.add(e.event() + " - "
                        + (e.detail() == null ? "" : IDS.matcher(e.detail()).replaceAll("*")));
            }
            for (ContainerSnapshot c : containers) {
                h.add(List.of(c.name, c.image, c.lastStatus, String.valueOf(c.exitCode), String.valueOf(c.reason)));
                h.add(c.lastStatus == ContainerRecord.Status.RUNNING ? List.of(c.runtimeId) : c.logLines);
            }
            return h;
        }

        /** The stop code and reason, with the first container's exit. */
        String stopReasonWithExit() {
            String text = stopCode + ": " + stoppedReason;
            for (ContainerSnapshot c : containers) {
                if (c.exitCode != null) {
                    return text + " (container " + c.name + " exit code " + c.exitCode + ")";
                }
            }
            return text;
        }

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
