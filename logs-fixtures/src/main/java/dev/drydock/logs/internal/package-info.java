/**
 * The Amazon CloudWatch Logs module's insides, not API: {@code LogsServiceModule} (wiring: builds the backend, registers {@code LogsApi}
 * and the ports it serves), {@code LogsApi} (the routing table: operation name to handler), {@code LogsErrors} (the
 * service's AWS errors, pagination and tag rules); {@code operations} (one class per AWS operation), {@code support}
 * (what handlers share), {@code backend} (state and state machines) and the packages of its other parts.
 * docs/architecture.md describes the template.
 */
package dev.drydock.logs.internal;
