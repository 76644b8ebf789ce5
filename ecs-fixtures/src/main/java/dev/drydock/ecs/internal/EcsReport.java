package dev.drydock.ecs.internal;

import dev.drydock.core.report.Report;
import dev.drydock.core.report.Section;
import dev.drydock.core.report.Table;
import dev.drydock.core.report.Timeline;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.backend.TaskRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/**
 * The ECS part of Drydock's report: a section per service (its counts and deployment configuration, its tasks' state
 * timeline with the deployments and service events on it, the stopped tasks by stop reason, the deployments, the
 * events, and its containers' last log lines, one block for tasks that wrote the same), a section per cluster for the
 * tasks RunTask started, and the clusters, services and task definitions among the declared resources.
 */
final class EcsReport {
    static final Set<String> STATES = Set.of(
            "PROVISIONING",
            "PENDING",
            "ACTIVATING",
            "RUNNING",
            "DEACTIVATING",
            "STOPPING",
            "DEPROVISIONING",
            "STOPPED");
    /** The log lines shown per container. */
    static final int LOG_LINES = 30;
    /** The most tasks a timeline shows (the latest); a crash loop's hundreds are summarized by stop reason. */
    static final int MAX_ROWS = 300;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private EcsReport() {}

    static void contribute(Report report, EcsBackend backend, Optional<RuntimeSession> runtime) {
        Snapshot snapshot = backend.read(() -> Snapshot.of(backend));
        if (snapshot.tasks.isEmpty() && snapshot.services.isEmpty() && snapshot.clusters.isEmpty()) {
            return;
        }
        Map<String, List<TaskSnapshot>> byService = new LinkedHashMap<>();
        Map<String, List<TaskSnapshot>> standalone = new LinkedHashMap<>();
        for (TaskSnapshot t : snapshot.tasks) {
            if (t.service != null) {
                byService
                        .computeIfAbsent(t.cluster + "/" + t.service, k -> new ArrayList<>())
                        .add(t);
            } else {
                standalone.computeIfAbsent(t.cluster, k -> new ArrayList<>()).add(t);
            }
        }
        for (ServiceSnapshot s : snapshot.services) {
            byService.putIfAbsent(s.cluster + "/" + s.service.serviceName(), new ArrayList<>());
        }
        for (Map.Entry<String, List<TaskSnapshot>> e : byService.entrySet()) {
            ServiceSnapshot service = snapshot.services.stream()
                    .filter(s -> (s.cluster + "/" + s.service.serviceName()).equals(e.getKey()))
                    .findFirst()
                    .orElse(null);
            serviceSection(report, e.getKey(), service, e.getValue(), runtime);
        }
        for (Map.Entry<String, List<TaskSnapshot>> e : standalone.entrySet()) {
            Section s = report.section(
                    "ecs/" + e.getKey() + "/tasks", "ECS tasks", e.getKey() + ": tasks run with RunTask");
            s.fact("tasks", Integer.toString(e.getValue().size()));
            stopReasons(s, e.getValue());
            timeline(s, "Tasks", e.getValue(), List.of(), null);
            logs(s, e.getValue(), runtime);
        }
        resources(report, snapshot);
    }

    private static void serviceSection(
            Report report,
            String name,
            ServiceSnapshot service,
            List<TaskSnapshot> tasks,
            Optional<RuntimeSession> runtime) {
        Section s = report.section("ecs/" + name, "ECS service", name);
        List<Deployment> deployments = List.of();
        List<ServiceEvent> events = List.of();
        if (service == null) {
            s.fact("status", "deleted");
        } else {
            Service m = service.service;
            deployments = m.deployments();
            events = m.events();
            s.fact("status", m.status())
                    .fact("desired", Integer.toString(m.desiredCount()))
                    .fact("running", Integer.toString(m.runningCount()))
                    .fact("pending", Integer.toString(m.pendingCount()))
                    .fact("task definition", shortArn(m.taskDefinition()));
            if (!deployments.isEmpty()) {
                Deployment primary = deployments.get(0);
                s.fact(
                        "rollout",
                        String.valueOf(primary.rolloutState())
                                + (primary.failedTasks() != null && primary.failedTasks() > 0
                                        ? " (" + primary.failedTasks() + " failed tasks)"
                                        : ""));
            }
            DeploymentConfiguration d = m.deploymentConfiguration();
            if (d != null) {
                s.fact(
                        "deployment",
                        d.minimumHealthyPercent() + "% to " + d.maximumPercent() + "%, circuit breaker "
                                + (d.deploymentCircuitBreaker() != null
                                                && Boolean.TRUE.equals(d.deploymentCircuitBreaker()
                                                        .enable())
                                        ? "on"
                                                + (Boolean.TRUE.equals(d.deploymentCircuitBreaker()
                                                                .rollback())
                                                        ? " with rollback"
                                                        : "")
                                        : "off"));
            }
        }
        long stopped =
                tasks.stream().filter(t -> "STOPPED".equals(t.lastStatus)).count();
        s.fact("tasks started", Integer.toString(tasks.size())).fact("stopped", Long.toString(stopped));
        stopReasons(s, tasks);
        List<Marker> markers = new ArrayList<>();
        Map<String, String> deploymentNames = new LinkedHashMap<>();
        for (Deployment d : deployments) {
            deploymentNames.put(d.id(), "deployment " + d.id() + " (" + shortArn(d.taskDefinition()) + ")");
            markers.add(new Marker(d.createdAt(), "deployment", "deployment " + d.id() + " created"));
        }
        // the service's events (ECS keeps the last 100), those that end a rollout drawn as such: a deployment that
        // failed and was rolled back is no longer among the service's deployments
        for (ServiceEvent e : events) {
            String m = e.message();
            String kind = m.endsWith("deployment completed.")
                    ? "completed"
                    : m.contains("deployment failed") ? "failed" : "event";
            markers.add(new Marker(e.createdAt(), kind, m));
        }
        timeline(s, "Tasks", tasks, markers, deploymentNames);
        if (!deployments.isEmpty()) {
            Table t = s.table(
                    "Deployments",
                    "id",
                    "status",
                    "rollout",
                    "reason",
                    "task definition",
                    "desired",
                    "running",
                    "pending",
                    "failed",
                    "created",
                    "updated");
            for (Deployment d : deployments) {
                t.row(
                        d.id(),
                        d.status(),
                        String.valueOf(d.rolloutState()),
                        d.rolloutStateReason(),
                        shortArn(d.taskDefinition()),
                        String.valueOf(d.desiredCount()),
                        String.valueOf(d.runningCount()),
                        String.valueOf(d.pendingCount()),
                        String.valueOf(d.failedTasks()),
                        time(d.createdAt()),
                        time(d.updatedAt()));
            }
        }
        if (!events.isEmpty()) {
            Table t = s.table("Service events, newest first", "time", "message");
            for (ServiceEvent e : events) {
                t.row(time(e.createdAt()), e.message());
            }
        }
        logs(s, tasks, runtime);
    }

    /** A table of the stopped tasks by stop code and reason, with counts (a crash loop's hundreds in a line). */
    private static void stopReasons(Section s, List<TaskSnapshot> tasks) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String[]> cells = new LinkedHashMap<>();
        for (TaskSnapshot t : tasks) {
            if (t.stopCode == null && t.stoppedReason == null) {
                continue;
            }
            String key = t.stopCode + "\u0000" + t.stoppedReason;
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
            cells.put(key, new String[] {String.valueOf(t.stopCode), String.valueOf(t.stoppedReason), t.id});
        }
        if (counts.isEmpty()) {
            return;
        }
        Table table = s.table("Stopped tasks by stop reason", "stop code", "stopped reason", "tasks", "latest");
        counts.forEach((key, n) -> {
            String[] c = cells.get(key);
            table.row(c[0], c[1], Integer.toString(n[0]), c[2]);
        });
    }

    private static void timeline(
            Section s,
            String title,
            List<TaskSnapshot> tasks,
            List<Marker> markers,
            Map<String, String> deploymentNames) {
        Timeline timeline = s.timeline(title);
        int from = Math.max(0, tasks.size() - MAX_ROWS);
        if (from > 0) {
            s.text("The timeline shows the latest " + MAX_ROWS + " of " + tasks.size() + " tasks.");
        }
        for (TaskSnapshot t : tasks.subList(from, tasks.size())) {
            String group = null;
            if (deploymentNames != null && t.startedBy != null) {
                group = deploymentNames.getOrDefault(t.startedBy, "deployment " + t.startedBy);
            } else if (deploymentNames == null) {
                group = t.family;
            }
            Timeline.Row row =
                    timeline.row(t.id, t.id.substring(0, Math.min(8, t.id.length())) + " " + t.family, group);
            List<TaskRecord.TimelineEntry> states = new ArrayList<>();
            for (TaskRecord.TimelineEntry e : t.timeline) {
                if (STATES.contains(e.event())) {
                    states.add(e);
                } else {
                    point(row, e);
                }
            }
            for (int i = 0; i < states.size(); i++) {
                TaskRecord.TimelineEntry e = states.get(i);
                if (e.event().equals("STOPPED")) {
                    row.point(e.at(), "info", "STOPPED" + (e.detail() == null ? "" : ": " + e.detail()));
                    continue;
                }
                Instant to = i + 1 < states.size() ? states.get(i + 1).at() : null;
                row.span(e.event(), e.at(), to, e.detail());
            }
            if (t.stoppedReason != null) {
                row.note(t.stopCode == null ? t.stoppedReason : t.stopCode + ": " + t.stoppedReason);
            }
        }
        for (Marker m : markers) {
            if (m.at != null) {
                timeline.marker(m.at, m.kind, m.label);
            }
        }
    }

    /** A timeline note as a point: a container's exit, health, start, or the task's desired status. */
    private static void point(Timeline.Row row, TaskRecord.TimelineEntry e) {
        String event = e.event();
        String label = event + (e.detail() == null || e.detail().isEmpty() ? "" : ": " + e.detail());
        String kind;
        if (event.startsWith("container ") && event.endsWith(" STOPPED")) {
            kind = e.detail() != null && e.detail().startsWith("exit code 0") ? "exit" : "exit-failed";
        } else if (event.endsWith(" UNHEALTHY")) {
            kind = "unhealthy";
        } else if (event.endsWith(" HEALTHY")) {
            kind = "healthy";
        } else if (event.startsWith("desiredStatus")) {
            kind = "stop";
        } else {
            kind = "info";
        }
        row.point(e.at(), kind, label);
    }

    /**
     * The last lines of each container's output: live for running containers, as captured for stopped ones; tasks
     * whose container wrote the same lines share one block.
     */
    private static void logs(Section s, List<TaskSnapshot> tasks, Optional<RuntimeSession> runtime) {
        Map<String, List<String>> sameOutput = new LinkedHashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, List<String>> live = liveLogs(tasks, runtime);
        for (TaskSnapshot t : tasks) {
            for (ContainerSnapshot c : t.containers) {
                List<String> out =
                        c.runtimeId != null && live.containsKey(c.runtimeId) ? live.get(c.runtimeId) : c.logLines;
                out = out.subList(Math.max(0, out.size() - LOG_LINES), out.size());
                String state = c.lastStatus + (c.exitCode == null ? "" : ", exit code " + c.exitCode);
                String key = c.name + "\u0000" + state + "\u0000" + String.join("\n", out);
                sameOutput.computeIfAbsent(key, k -> new ArrayList<>()).add(t.id);
                lines.putIfAbsent(key, out);
                status.put(key, state);
            }
        }
        for (Map.Entry<String, List<String>> e : sameOutput.entrySet()) {
            String container = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            List<String> ids = e.getValue();
            String latest = ids.get(ids.size() - 1);
            String title = "container " + container + " of task " + latest
                    + (ids.size() > 1 ? " and " + (ids.size() - 1) + " more tasks with the same output" : "") + " ("
                    + status.get(e.getKey()) + ")";
            s.logs(title, lines.get(e.getKey()), 0);
        }
    }

    /** The running containers' last lines, asked from the runtime all at once. */
    private static Map<String, List<String>> liveLogs(List<TaskSnapshot> tasks, Optional<RuntimeSession> runtime) {
        if (runtime.isEmpty()) {
            return Map.of();
        }
        List<String> running = new ArrayList<>();
        for (TaskSnapshot t : tasks) {
            for (ContainerSnapshot c : t.containers) {
                if ("RUNNING".equals(c.lastStatus) && c.runtimeId != null) {
                    running.add(c.runtimeId);
                }
            }
        }
        if (running.isEmpty()) {
            return Map.of();
        }
        try {
            return runtime.get().runtime().logTails(running, LOG_LINES);
        } catch (RuntimeFailure e) {
            Map<String, List<String>> unavailable = new LinkedHashMap<>();
            running.forEach(id -> unavailable.put(id, List.of("(logs unavailable: " + e.getMessage() + ")")));
            return unavailable;
        }
    }

    private static void resources(Report report, Snapshot snapshot) {
        if (snapshot.clusters.isEmpty() && snapshot.taskDefinitions.isEmpty()) {
            return;
        }
        Table t = report.section("resources", "Resources", "Declared resources")
                .order(100)
                .table("ECS", "kind", "name", "ARN");
        for (String arn : snapshot.clusters) {
            t.row("cluster", arn.substring(arn.indexOf('/') + 1), arn);
        }
        for (ServiceSnapshot s : snapshot.services) {
            t.row("service", s.cluster + "/" + s.service.serviceName(), s.service.serviceArn());
        }
        for (String arn : snapshot.taskDefinitions) {
            t.row("task definition", shortArn(arn), arn);
        }
    }

    private static String shortArn(String arn) {
        return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private record Marker(Instant at, String kind, String label) {}

    private record ServiceSnapshot(String cluster, Service service) {}

    /** What the report shows, read under the model's lock. */
    private record Snapshot(
            List<String> clusters,
            List<ServiceSnapshot> services,
            List<String> taskDefinitions,
            List<TaskSnapshot> tasks) {
        static Snapshot of(EcsBackend backend) {
            List<String> clusters = backend.listClusterArns();
            List<ServiceSnapshot> services = new ArrayList<>();
            for (String cluster : clusters) {
                List<String> arns = backend.listServiceArns(cluster, null);
                if (!arns.isEmpty()) {
                    for (Service s :
                            backend.describeServices(cluster, arns, false).found()) {
                        services.add(new ServiceSnapshot(cluster.substring(cluster.indexOf('/') + 1), s));
                    }
                }
            }
            return new Snapshot(
                    clusters,
                    services,
                    backend.listTaskDefinitionArns(null, "ACTIVE", false),
                    backend.allTasks().stream().map(TaskSnapshot::of).toList());
        }
    }

    private record TaskSnapshot(
            String id,
            String cluster,
            String service,
            String startedBy,
            String family,
            String lastStatus,
            String stopCode,
            String stoppedReason,
            List<TaskRecord.TimelineEntry> timeline,
            List<ContainerSnapshot> containers) {
        static TaskSnapshot of(TaskRecord t) {
            return new TaskSnapshot(
                    t.id(),
                    t.clusterName(),
                    t.serviceName(),
                    t.startedBy(),
                    t.taskDefinition().family() + ":" + t.taskDefinition().revision(),
                    String.valueOf(t.lastStatus()),
                    t.stopCode() == null ? null : String.valueOf(t.stopCode()),
                    t.stoppedReason(),
                    List.copyOf(t.timeline()),
                    t.containers().stream().map(ContainerSnapshot::of).toList());
        }
    }

    private record ContainerSnapshot(
            String name, String lastStatus, Integer exitCode, String runtimeId, List<String> logLines) {
        static ContainerSnapshot of(ContainerRecord c) {
            return new ContainerSnapshot(
                    c.name(), String.valueOf(c.lastStatus()), c.exitCode(), c.runtimeId(), c.lastLogLines());
        }
    }
}
