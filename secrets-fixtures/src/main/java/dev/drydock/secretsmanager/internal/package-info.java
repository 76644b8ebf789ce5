/**
 * The AWS Secrets Manager module's insides, not API: {@code SecretsManagerServiceModule} (wiring: builds the backend, registers {@code SecretsManagerApi}
 * and the ports it serves), {@code SecretsManagerApi} (the routing table: operation name to handler), {@code SecretsManagerErrors} (the
 * service's AWS errors, pagination and tag rules); {@code operations} (one class per AWS operation), {@code support}
 * (what handlers share), {@code backend} (state and state machines) and the packages of its other parts.
 * docs/architecture.md describes the template.
 */
package dev.drydock.secretsmanager.internal;
