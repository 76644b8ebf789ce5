package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.runtime.ContainerState;
import dev.drydock.ecs.internal.backend.ContainerRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;

/**
 * The ECS agent's container dependency rules for one task ({@code dependsOn} with START, COMPLETE, SUCCESS and HEALTHY,
 * and the dependency's {@code startTimeout}), and the order its containers stop in: what is known of each container
 * goes in (created, started at, health, exit code), verdicts come out. Pure: no runtime, time is passed in
 * ({@link System#nanoTime()} values), not thread-safe (a task's runner works serially).
 *
 * <p>A container starts once every dependency is met: START once the dependency started, COMPLETE once it exited,
 * SUCCESS once it exited with 0, HEALTHY once its health check passed. It never starts (the agent stops it with exit
 * code 143 and its reason) when a dependency can never be met: SUCCESS after a non-zero exit; a dependency that will
 * never start; COMPLETE, SUCCESS or HEALTHY not reached within the dependency's {@code startTimeout}; HEALTHY on a
 * container that exited or has no health check. An unhealthy dependency may still recover, as on ECS
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html).
 */
final class ContainerDependencies {
    /** The exit code the agent gives a container it will never start. */
    static final int NEVER_STARTED_EXIT_CODE = 143;

    /**
     * Whether a container may start now, or why it never will.
     *
     * @param ready every dependency is met
     * @param never the agent's reason when a dependency can never be met, else {@code null}
     */
    record Verdict(boolean ready, String never) {}

    private final List<ContainerDefinition> containers;
    private final Set<String> created = new HashSet<>();
    private final Map<String, Long> startedNanos = new HashMap<>();
    private final Map<String, Integer> exits = new HashMap<>();
    private final Map<String, ContainerState.Health> health = new HashMap<>();
    private final Set<String> neverStarted = new HashSet<>();

    /** The rules for a task of these containers, in definition order. */
    ContainerDependencies(List<ContainerDefinition> containers) {
        this.containers = List.copyOf(containers);
    }

    /** The container was created (it counts as started for a START dependency and for the agent's wording). */
    void created(String name) {
        created.add(name);
    }

    /** The container started at {@code nanos}: its start timeout runs from then. */
    void started(String name, long nanos) {
        startedNanos.put(name, nanos);
    }

    /** The container exited ({@code exitCode} may be null when unknown). */
    void exited(String name, Integer exitCode) {
        exits.put(name, exitCode);
    }

    /** The container will never start: it counts as exited with {@link #NEVER_STARTED_EXIT_CODE}. */
    void neverStarts(String name) {
        neverStarted.add(name);
        exits.put(name, NEVER_STARTED_EXIT_CODE);
    }

    /** Records a health check result; false when it is the one already known. */
    boolean health(String name, ContainerState.Health h) {
        return !h.equals(health.put(name, h));
    }

    /** Whether the container exited (or will never start). */
    boolean hasExited(String name) {
        return exits.containsKey(name);
    }

    /** Whether the container neither was created nor was given up yet. */
    boolean waiting(String name) {
        return !created.contains(name) && !neverStarted.contains(name);
    }

    /** Whether every container was created or given up: the task's start is over. */
    boolean settled() {
        return containers.stream().noneMatch(c -> waiting(c.name()));
    }

    /** Whether {@code target} may start at {@code nowNanos}, or why it never will. */
    Verdict verdict(ContainerDefinition target, long nowNanos) {
        boolean ready = true;
        for (ContainerDependency d : target.dependsOn()) {
            ContainerDefinition dep = definition(d.containerName());
            if (dep == null) {
                continue; // RegisterTaskDefinition refuses unknown names
            }
            String name = dep.name();
            boolean exited = exits.containsKey(name);
            Integer code = exits.get(name);
            ContainerCondition condition = d.condition() == null ? ContainerCondition.START : d.condition();
            if (neverStarted.contains(name)) {
                return new Verdict(false, unresolved(dep, target, "because dependency will never start"));
            }
            if (timedOut(dep, condition, nowNanos)) {
                return new Verdict(
                        false,
                        "CannotStartContainerError: dependency graph: container ordering dependency [" + describe(dep)
                                + "] for target [" + describe(target) + "] has timed out.");
            }
            switch (condition) {
                case COMPLETE -> ready &= exited;
                case SUCCESS -> {
                    if (exited && (code == null || code != 0)) {
                        return new Verdict(false, unresolved(dep, target, "as dependency did not exit successfully."));
                    }
                    ready &= exited;
                }
                case HEALTHY -> {
                    if (!ContainerRecord.hasHealthCheck(dep) || exited) { // an unhealthy one may still recover
                        return new Verdict(false, unresolved(dep, target, "as dependency did not become healthy."));
                    }
                    ready &= health.get(name) == ContainerState.Health.HEALTHY;
                }
                default -> ready &= created.contains(name);
            }
        }
        return new Verdict(ready, null);
    }

    /**
     * Whether a running dependency missed its {@code startTimeout} (seconds from its start) for a COMPLETE, SUCCESS
     * or HEALTHY condition, as the agent checks it.
     */
    private boolean timedOut(ContainerDefinition dep, ContainerCondition condition, long nowNanos) {
        Integer timeout = dep.startTimeout();
        Long started = startedNanos.get(dep.name());
        if (timeout == null
                || timeout <= 0
                || started == null
                || exits.containsKey(dep.name())
                || condition == ContainerCondition.START) {
            return false;
        }
        boolean met =
                condition == ContainerCondition.HEALTHY && health.get(dep.name()) == ContainerState.Health.HEALTHY;
        return !met && nowNanos - started > TimeUnit.SECONDS.toNanos(timeout);
    }

    /** The ECS agent's reason for a container whose dependency can never be met. */
    private String unresolved(ContainerDefinition dep, ContainerDefinition target, String why) {
        return "CannotStartContainerError: dependency graph: failed to resolve container ordering dependency ["
                + describe(dep) + "] for target [" + describe(target) + "] " + why;
    }

    /** A container as the agent names it in these reasons: {@code name(image) (KNOWN->DESIRED) - Exit: n}. */
    private String describe(ContainerDefinition c) {
        String known = exits.containsKey(c.name()) ? "STOPPED" : created.contains(c.name()) ? "RUNNING" : "NONE";
        Integer code = exits.get(c.name());
        return c.name() + "(" + c.image() + ") (" + known + "->RUNNING)" + (code == null ? "" : " - Exit: " + code);
    }

    private ContainerDefinition definition(String name) {
        for (ContainerDefinition c : containers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The containers of {@code remaining} that may stop now, as the agent stops them: a container only after every
     * container that depends on it stopped; all of {@code remaining} when they depend on each other in a cycle.
     */
    static List<String> nextToStop(List<ContainerDefinition> containers, List<String> remaining) {
        List<String> wave = remaining.stream()
                .filter(name -> containers.stream()
                        .filter(c -> remaining.contains(c.name()) && !c.name().equals(name))
                        .noneMatch(c -> c.dependsOn().stream().anyMatch(d -> name.equals(d.containerName()))))
                .toList();
        return wave.isEmpty() ? List.copyOf(remaining) : wave;
    }

    /** Whether another container waits for this one's end (a COMPLETE or SUCCESS dependency on it). */
    static boolean runsToCompletion(List<ContainerDefinition> containers, String name) {
        return containers.stream()
                .flatMap(o -> o.dependsOn().stream())
                .anyMatch(d -> name.equals(d.containerName())
                        && (d.condition() == ContainerCondition.SUCCESS
                                || d.condition() == ContainerCondition.COMPLETE));
    }
}
