/**
 * What the IAM operation handlers share and that is not an operation: their base class ({@code IamOperation}: tags,
 * condition keys, IAM's way of naming resources in AccessDenied messages) and the policy simulator.
 */
package dev.drydock.core.internal.iam.support;
