/**
 * What IAM decided: every authorization decision a Drydock instance made ({@link dev.drydock.core.iam.DecisionLog},
 * {@link dev.drydock.core.iam.AuthorizationDecision}), for tests to assert which actions were allowed or denied and
 * which statement decided. The policy language itself is {@link dev.drydock.core.iam.policy}.
 */
package dev.drydock.core.iam;
