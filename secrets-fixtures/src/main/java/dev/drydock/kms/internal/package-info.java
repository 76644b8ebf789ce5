/**
 * The AWS KMS module's insides, not API: {@code KmsServiceModule} (wiring: builds the backend, registers {@code KmsApi}
 * and the ports it serves), {@code KmsApi} (the routing table: operation name to handler), {@code KmsErrors} (the
 * service's AWS errors, pagination and tag rules); {@code operations} (one class per AWS operation), {@code support}
 * (what handlers share), {@code backend} (state and state machines) and the packages of its other parts.
 * docs/architecture.md describes the template.
 */
package dev.drydock.kms.internal;
