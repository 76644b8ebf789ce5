/**
 * The container runtime port: what Drydock's service models need from containers
 * ({@link dev.drydock.core.runtime.ContainerRuntime}: create, start, stop, networks, volumes, logs, exits), the
 * Docker engine behind it ({@link dev.drydock.core.runtime.ContainerRuntime#docker()}), and a
 * {@link dev.drydock.core.runtime.SimulatedRuntime} for control-plane tests without Docker.
 */
package dev.drydock.core.runtime;
