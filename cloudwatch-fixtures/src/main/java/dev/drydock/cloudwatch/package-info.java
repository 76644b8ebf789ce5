/**
 * Amazon CloudWatch metrics and alarms in Drydock: {@link dev.drydock.cloudwatch.CloudWatchModule} (the module). Everything
 * else is done through the CloudWatch API with the AWS SDK; {@code dev.drydock.cloudwatch.internal} is not API.
 */
package dev.drydock.cloudwatch;
