package dev.drydock.ecs.internal;

import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;

/** One-line accounts of a service and its deployments, for failure messages ({@code ServiceWaits}, the report). */
public final class ServiceLines {
    private ServiceLines() {}

    /** {@code service shop/web (ACTIVE): desired 2, running 1, pending 1}. */
    public static String service(String cluster, Service s) {
        return "service " + cluster + "/" + s.serviceName() + " (" + s.status() + "): desired " + s.desiredCount()
                + ", running " + s.runningCount() + ", pending " + s.pendingCount();
    }

    /** {@code deployment ecs-svc/123 (PRIMARY, web:2): IN_PROGRESS, 3 failed tasks - <rolloutStateReason>}. */
    public static String deployment(Deployment d) {
        return "deployment " + d.id() + " (" + d.status() + ", "
                + d.taskDefinition().substring(d.taskDefinition().lastIndexOf('/') + 1) + "): "
                + d.rolloutStateAsString() + ", " + d.failedTasks() + " failed tasks"
                + (d.rolloutStateReason() == null ? "" : " - " + d.rolloutStateReason());
    }
}
