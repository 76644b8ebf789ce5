/**
 * What the ECS operation handlers share and that is not an operation: their base class ({@code EcsOperation}), the
 * ECS condition keys of an authorization ({@code ConditionKeys}), {@code iam:PassRole} checks, tag-on-create
 * authorization, task identifiers and the task role check.
 */
package dev.drydock.ecs.internal.support;
