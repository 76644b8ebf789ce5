/**
 * What the ECR operation handlers share and that is not an operation: their base class ({@code EcrOperation}:
 * authorization with the repository policy, the repository shape, image identifiers) and repository policies as IAM
 * evaluates them.
 */
package dev.drydock.ecr.internal.support;
