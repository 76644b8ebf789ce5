/**
 * The AWS Systems Manager Parameter Store module's insides, not API: {@code SsmServiceModule} (wiring: builds the backend, registers {@code SsmApi}
 * and the ports it serves), {@code SsmApi} (the routing table: operation name to handler), {@code SsmErrors} (the
 * service's AWS errors, pagination and tag rules); {@code operations} (one class per AWS operation), {@code support}
 * (what handlers share), {@code backend} (state and state machines) and the packages of its other parts.
 * docs/architecture.md describes the template.
 */
package dev.drydock.ssm.internal;
