package dev.drydock.ecs.internal.support;

import dev.drydock.ecs.internal.EcsErrors;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.util.regex.Pattern;

/** Task identifiers: a task id (32 hex digits, or an older UUID) or a task ARN. */
public final class TaskIds {
    private static final Pattern ID =
            Pattern.compile("[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-" + "[0-9a-f]{12}");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:task/.+");

    private TaskIds() {}

    public static void check(String ref) {
        if (!ID.matcher(ref).matches() && !ARN.matcher(ref).matches()) {
            throw EcsErrors.invalidParameter("Task Identifier is invalid");
        }
    }

    public static String arn(EcsBackend backend, String clusterArn, String ref) {
        if (ref.startsWith("arn:")) {
            return ref;
        }
        String cluster = clusterArn.substring(clusterArn.indexOf(":cluster/") + ":cluster/".length());
        return backend.arns().task(cluster, ref);
    }
}
