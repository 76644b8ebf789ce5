/**
 * Amazon CloudWatch Logs in Drydock: {@link dev.drydock.logs.LogsModule} (the module) and {@link dev.drydock.logs.LogsFixtures} (log groups with retention, tags and streams). Everything else is done through the Amazon CloudWatch Logs API with the AWS SDK; {@code dev.drydock.logs.internal} is not
 * API.
 */
package dev.drydock.logs;
