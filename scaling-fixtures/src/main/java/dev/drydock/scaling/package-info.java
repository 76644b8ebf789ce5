/**
 * Application Auto Scaling in Drydock: {@link dev.drydock.scaling.ApplicationAutoScalingModule} (the module). Everything
 * else is done through the Application Auto Scaling API with the AWS SDK; {@code dev.drydock.scaling.internal} is not
 * API.
 */
package dev.drydock.scaling;
