package dev.drydock.logs;

import dev.drydock.core.spi.ServiceModule;

/**
 * Amazon CloudWatch Logs in a Drydock instance: log groups, log streams and log events, retention and tags, served as
 * the CloudWatch Logs API (AWS JSON 1.1, {@code X-Amz-Target: Logs_20140328.*}, signing name {@code logs}) on
 * Drydock's endpoint. ECS sends the output of containers with the {@code awslogs} log driver there, so that tests read
 * container logs through the Logs API. Found on the classpath by {@link java.util.ServiceLoader}; reach it with
 * {@code drydock.service(LogsModule.class)}, declare log groups with {@link LogsFixtures} (or {@code @CloudWatchLogGroup}).
 *
 * <p>Metric filters, subscriptions, Logs Insights queries, exports, destinations, data protection and Live Tail are not
 * modelled and answer NotImplementedException.
 */
public interface LogsModule extends ServiceModule {
    /** The {@code X-Amz-Target} prefix of the CloudWatch Logs API. */
    String TARGET_PREFIX = "Logs_20140328";

    /** The SigV4 signing name. */
    String SIGNING_NAME = "logs";
}
