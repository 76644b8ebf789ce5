/**
 * The EC2 instance metadata service (IMDS) of container instances: {@link
 * dev.drydock.ecs.internal.imds.InstanceMetadataService} answers one instance's requests (IMDSv2 tokens, IMDSv1, the
 * instance profile's credentials, the identity document), {@link dev.drydock.ecs.internal.imds.InstanceMetadataAccess}
 * makes it answer at 169.254.169.254:80 inside a task's network namespace. Not API.
 */
package dev.drydock.ecs.internal.imds;
