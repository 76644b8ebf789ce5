/** The ECS container agent on the instances Auto Scaling launches: registration with the cluster of ECS_CLUSTER. */
package dev.drydock.autoscaling.internal.agent;
