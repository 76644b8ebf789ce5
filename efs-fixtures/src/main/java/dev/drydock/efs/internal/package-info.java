/**
 * The EFS module's insides, not API: {@code EfsServiceModule} (wiring: builds the backend, registers {@code EfsApi}
 * and the ports it serves), {@code EfsApi} (the routing table: operation name to handler), {@code EfsErrors} (the
 * service's AWS errors, pagination and limits); {@code operations} (one class per AWS operation), {@code backend}
 * (state and state machines) and the packages of its other parts. docs/architecture.md describes the template.
 */
package dev.drydock.efs.internal;
