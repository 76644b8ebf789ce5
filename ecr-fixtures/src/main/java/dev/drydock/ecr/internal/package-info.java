/**
 * The ECR module's insides, not API: {@code EcrServiceModule} (wiring: builds the backend, registers {@code EcrApi}
 * and the ports it serves), {@code EcrApi} (the routing table: operation name to handler), {@code EcrErrors} (the
 * service's AWS errors, pagination and limits); {@code operations} (one class per AWS operation), {@code backend}
 * (state and state machines) and the packages of its other parts. docs/architecture.md describes the template.
 */
package dev.drydock.ecr.internal;
