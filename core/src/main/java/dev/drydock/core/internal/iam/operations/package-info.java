/** One class per IAM operation, named as AWS names it; helpers the handlers share are in {@code support}. */
package dev.drydock.core.internal.iam.operations;
