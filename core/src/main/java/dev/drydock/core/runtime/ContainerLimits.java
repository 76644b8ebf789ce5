package dev.drydock.core.runtime;

/**
 * The limits {@link ContainerRuntime#updateLimits} set on a container, as {@link SimulatedRuntime#limits} reports them.
 *
 * @param memoryMiB the hard memory limit in MiB, or {@code null}
 * @param cpuUnits the CPU quota in ECS CPU units (1024 = one CPU), or {@code null}
 */
public record ContainerLimits(Long memoryMiB, Integer cpuUnits) {}
