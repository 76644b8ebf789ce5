/**
 * The ECS module's insides, not API: {@code EcsServiceModule} (wiring: builds the backend, registers {@code EcsApi}
 * and the ports it serves), {@code EcsApi} (the routing table: operation name to handler), {@code EcsErrors} (the
 * service's AWS errors, pagination and limits); {@code operations} (one class per AWS operation), {@code backend}
 * (state and state machines) and the packages of its other parts. docs/architecture.md describes the template.
 */
package dev.drydock.ecs.internal;
