/**
 * Amazon EC2 Auto Scaling groups in process: {@link dev.drydock.autoscaling.AutoScalingModule} is what tests reach;
 * the implementation is in {@code internal} and not API.
 */
package dev.drydock.autoscaling;
