package dev.drydock.cloudwatch;

import dev.drydock.core.spi.ServiceModule;
import java.time.Clock;

/**
 * Amazon CloudWatch metrics and metric alarms in a Drydock instance: the CloudWatch query API (signing name
 * {@code monitoring}, version 2010-08-01) on Drydock's endpoint, the metrics other modules publish (ECS's
 * {@code AWS/ECS} service utilization), and alarms evaluated on their periods, whose actions reach Application Auto
 * Scaling's policies. Found on the classpath by {@link java.util.ServiceLoader}; reach it with
 * {@code drydock.service(CloudWatchModule.class)}. See docs/cloudwatch-operations.md.
 */
public interface CloudWatchModule extends ServiceModule {

    /**
     * The clock CloudWatch's timestamps are on: the wall clock, or with {@code scaling.time-scale} below 1 one that runs
     * faster (one minute a second at {@code 1/60}). Give GetMetricStatistics/GetMetricData time ranges and
     * PutMetricData timestamps on it (or leave PutMetricData's out: "now").
     */
    Clock clock();
}
