package dev.drydock.core.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Names of the labels on every Docker object Drydock creates (see {@link ServiceContext#labels}). */
public final class Labels {
    /** Present ({@code true}) on every Drydock object. */
    public static final String DRYDOCK = "dev.drydock";
    /** The session (Drydock instance) id. */
    public static final String SESSION = "dev.drydock.session";
    /** The owning JVM's process id. */
    public static final String PID = "dev.drydock.pid";
    /** The owning JVM's start time (epoch milliseconds), to tell a reused pid apart. */
    public static final String PROCESS_START = "dev.drydock.process-start";
    /** The host name the owning JVM runs on. */
    public static final String HOST = "dev.drydock.host";
    /** The ECS cluster a task container belongs to. */
    public static final String CLUSTER = "dev.drydock.ecs.cluster";
    /** The ECS task ARN a container belongs to. */
    public static final String TASK = "dev.drydock.ecs.task";
    /** The container definition name, or {@code ~sandbox} for a task's network sandbox. */
    public static final String CONTAINER = "dev.drydock.ecs.container";
    /**
     * Present ({@code true}) on a task container that another container of its task waits for to finish
     * ({@code dependsOn} SUCCESS or COMPLETE): the simulated runtime ends it with code 0 when it cannot interpret its
     * command, instead of letting it run until stopped.
     */
    public static final String RUNS_TO_COMPLETION = "dev.drydock.runs-to-completion";

    private Labels() {}

    /**
     * Whether the JVM that the labels {@link #PID} and {@link #PROCESS_START} name still runs: whether what a session
     * left (Docker objects, host state such as EFS storage directories) still belongs to a live session.
     */
    public static boolean ownerAlive(Map<String, String> labels) {
        long pid;
        try {
            pid = Long.parseLong(labels.getOrDefault(Labels.PID, ""));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        String start = labels.get(Labels.PROCESS_START);
        Optional<Instant> actual = process.get().info().startInstant();
        if (start == null || actual.isEmpty()) {
            return true;
        }
        return Math.abs(actual.get().toEpochMilli() - Long.parseLong(start)) < 2000;
    }
}
