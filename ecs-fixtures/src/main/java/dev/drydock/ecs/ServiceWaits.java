package dev.drydock.ecs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Waits for what ECS guarantees about a service, through the ECS API only (so they work against AWS too), failing
 * with an account of the service when the wait times out or cannot succeed.
 *
 * <p>Why: the SDK's {@code waitUntilServicesStable} succeeds when a service has one deployment and its
 * {@code runningCount} equals its {@code desiredCount}, on AWS as in Drydock: it looks at neither health nor the
 * rollout, so a service whose container exits right after starting can pass it between two crashes. These waits look
 * at what ECS decides:
 *
 * <pre>{@code
 * ServiceWaits.untilDeploymentCompleted(ecs, "shop", "web", Duration.ofMinutes(2));   // rolloutState COMPLETED
 * List<Task> tasks = ServiceWaits.untilTasksRunningAndHealthy(ecs, "shop", "web", 2, Duration.ofMinutes(2));
 * }</pre>
 *
 * <p>A deployment is COMPLETED when the service reaches a steady state: one deployment, its desired count of tasks
 * RUNNING, none pending, each healthy (its essential containers' health checks HEALTHY; a task without such a check
 * once it has been RUNNING for 40 seconds), as the Amazon ECS Developer Guide describes
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html; Drydock's setting
 * {@code ecs.task-healthy-after-running} shortens the 40 seconds for tests). Both waits fail at once when the
 * deployment is FAILED (the circuit breaker tripped).
 */
public final class ServiceWaits {
    /** How often the waits ask ECS. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private ServiceWaits() {}

    /**
     * Waits until the service's deployment is COMPLETED: its only deployment, rolled out, the service in a steady
     * state.
     *
     * @return the service as DescribeServices then describes it
     * @throws ServiceWaitException when the timeout passes first, the deployment FAILED, or the service does not exist
     *     or is being deleted; the message describes the service, its deployments and its recently stopped tasks
     */
    public static Service untilDeploymentCompleted(EcsClient ecs, String cluster, String service, Duration timeout) {
        long deadline = deadline(timeout);
        while (true) {
            Service s = describe(ecs, cluster, service);
            Deployment primary = s.deployments().get(0);
            if (s.deployments().size() == 1 && primary.rolloutState() == DeploymentRolloutState.COMPLETED) {
                return s;
            }
            failIfFailed(ecs, cluster, s);
            if (System.nanoTime() > deadline) {
                throw new ServiceWaitException("the deployment of " + cluster + "/" + service + " did not complete in "
                        + timeout.toSeconds() + " s.\n" + account(ecs, cluster, s));
            }
            sleep();
        }
    }

    /**
     * Waits until {@code count} of the service's tasks are RUNNING with healthStatus HEALTHY (their essential
     * containers' health checks pass).
     *
     * @return those tasks, as DescribeTasks describes them
     * @throws ServiceWaitException when the timeout passes first; at once when the service's task definition has no
     *     essential container with a health check (its tasks' healthStatus stays UNKNOWN: wait with
     *     {@link #untilDeploymentCompleted} instead), its deployment FAILED, or the service does not exist or is being
     *     deleted; the message describes the service, its tasks and its recently stopped tasks
     */
    public static List<Task> untilTasksRunningAndHealthy(
            EcsClient ecs, String cluster, String service, int count, Duration timeout) {
        long deadline = deadline(timeout);
        Map<String, Boolean> checked = new HashMap<>();
        while (true) {
            Service s = describe(ecs, cluster, service);
            failIfFailed(ecs, cluster, s);
            List<Task> tasks = tasks(ecs, cluster, service, DesiredStatus.RUNNING);
            List<Task> healthy = new ArrayList<>();
            for (Task t : tasks) {
                boolean hasCheck = checked.computeIfAbsent(t.taskDefinitionArn(), td -> hasHealthCheck(ecs, td));
                if (!hasCheck) {
                    throw new ServiceWaitException("the tasks of " + cluster + "/" + service + " never turn HEALTHY: "
                            + "their task definition " + t.taskDefinitionArn() + " gives no essential container a "
                            + "healthCheck, so their healthStatus stays UNKNOWN. Give the essential container a "
                            + "healthCheck, or wait with ServiceWaits.untilDeploymentCompleted (ECS counts a task "
                            + "without one as healthy once it has been RUNNING for 40 seconds).");
                }
                if ("RUNNING".equals(t.lastStatus()) && t.healthStatus() == HealthStatus.HEALTHY) {
                    healthy.add(t);
                }
            }
            if (healthy.size() >= count) {
                return healthy;
            }
            if (System.nanoTime() > deadline) {
                throw new ServiceWaitException(healthy.size() + " of the " + count + " tasks " + cluster + "/" + service
                        + " should have are RUNNING and HEALTHY after " + timeout.toSeconds() + " s.\n"
                        + account(ecs, cluster, s));
            }
            sleep();
        }
    }

    /** The service; refuses one that is missing or being deleted. */
    private static Service describe(EcsClient ecs, String cluster, String service) {
        var described = ecs.describeServices(r -> r.cluster(cluster).services(service));
        if (described.services().isEmpty()) {
            throw new ServiceWaitException("there is no service " + service + " in the cluster " + cluster + " ("
                    + described.failures() + ").");
        }
        Service s = described.services().get(0);
        if (!"ACTIVE".equals(s.status())) {
            throw new ServiceWaitException(
                    "the service " + cluster + "/" + service + " is " + s.status() + ": it is being deleted.");
        }
        return s;
    }

    private static void failIfFailed(EcsClient ecs, String cluster, Service s) {
        Deployment primary = s.deployments().get(0);
        if (primary.rolloutState() == DeploymentRolloutState.FAILED) {
            throw new ServiceWaitException("the deployment " + primary.id() + " of " + cluster + "/" + s.serviceName()
                    + " FAILED: " + primary.rolloutStateReason() + "\n" + account(ecs, cluster, s));
        }
    }

    /** Whether an essential container of the task definition has a health check (so its tasks turn HEALTHY). */
    private static boolean hasHealthCheck(EcsClient ecs, String taskDefinition) {
        for (ContainerDefinition c : ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition))
                .taskDefinition()
                .containerDefinitions()) {
            if (!Boolean.FALSE.equals(c.essential()) && c.healthCheck() != null) {
                return true;
            }
        }
        return false;
    }

    private static List<Task> tasks(EcsClient ecs, String cluster, String service, DesiredStatus status) {
        List<String> arns = new ArrayList<>();
        ecs.listTasksPaginator(r -> r.cluster(cluster).serviceName(service).desiredStatus(status))
                .taskArns()
                .forEach(arns::add);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 100) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + 100));
            tasks.addAll(ecs.describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks());
        }
        return tasks;
    }

    /**
     * What a test needs to see when a wait fails: the service's counts and deployments, its tasks by status and health,
     * its stopped tasks by stop reason (with the first essential container's exit), and its latest events.
     */
    static String account(EcsClient ecs, String cluster, Service s) {
        StringBuilder b = new StringBuilder();
        b.append("  service ")
                .append(cluster)
                .append('/')
                .append(s.serviceName())
                .append(": desired ")
                .append(s.desiredCount())
                .append(", running ")
                .append(s.runningCount())
                .append(", pending ")
                .append(s.pendingCount())
                .append('\n');
        for (Deployment d : s.deployments()) {
            b.append("  deployment ")
                    .append(d.id())
                    .append(" (")
                    .append(d.status())
                    .append(", ")
                    .append(d.taskDefinition().substring(d.taskDefinition().lastIndexOf('/') + 1))
                    .append("): ")
                    .append(d.rolloutState())
                    .append(", ")
                    .append(d.failedTasks())
                    .append(" failed tasks")
                    .append(d.rolloutStateReason() == null ? "" : " - " + d.rolloutStateReason())
                    .append('\n');
        }
        try {
            Map<String, Integer> running = new TreeMap<>();
            for (Task t : tasks(ecs, cluster, s.serviceName(), DesiredStatus.RUNNING)) {
                running.merge(t.lastStatus() + " " + t.healthStatusAsString(), 1, Integer::sum);
            }
            b.append("  tasks: ").append(running.isEmpty() ? "none" : running).append('\n');
            Map<String, Integer> stopped = new LinkedHashMap<>();
            for (Task t : tasks(ecs, cluster, s.serviceName(), DesiredStatus.STOPPED)) {
                String exit = t.containers().isEmpty()
                        ? ""
                        : ", container " + t.containers().get(0).name() + " exit code "
                                + t.containers().get(0).exitCode()
                                + (t.containers().get(0).reason() == null
                                        ? ""
                                        : " (" + t.containers().get(0).reason() + ")");
                stopped.merge(t.stopCodeAsString() + ": " + t.stoppedReason() + exit, 1, Integer::sum);
            }
            if (!stopped.isEmpty()) {
                b.append("  stopped tasks by reason:\n");
                stopped.forEach((reason, n) ->
                        b.append("    ").append(n).append(" x ").append(reason).append('\n'));
            }
        } catch (RuntimeException e) {
            b.append("  (its tasks could not be listed: ")
                    .append(e.getMessage())
                    .append(")\n");
        }
        int events = Math.min(5, s.events().size());
        if (events > 0) {
            b.append("  latest events:\n");
            for (int i = 0; i < events; i++) {
                b.append("    ").append(s.events().get(i).message()).append('\n');
            }
        }
        return b.toString();
    }

    private static long deadline(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return System.nanoTime() + timeout.toNanos();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceWaitException("interrupted while waiting");
        }
    }

    /** A {@link ServiceWaits} wait that failed; the message says what the service looked like. */
    public static final class ServiceWaitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ServiceWaitException(String message) {
            super(message);
        }
    }
}
