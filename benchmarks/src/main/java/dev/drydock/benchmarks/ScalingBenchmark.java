package dev.drydock.benchmarks;

import dev.drydock.cloudwatch.CloudWatchModule;
import dev.drydock.core.Drydock;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.ecs.EcsModule;
import dev.drydock.ecs.internal.fixtures.TaskDefinitionFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Service auto scaling, from a load change to the new tasks RUNNING, with compressed time: a one-task Fargate service
 * of the samples' {@code ecs/cpu-burner.json} with a target tracking policy on ECSServiceAverageCPUUtilization (target
 * 50%, 1 to 3 tasks) and an idle task; then the load changes (on Docker the benchmark switches the busy loop on inside
 * the task, {@code GET /cgi-bin/load?on}; on the simulated runtime it sets 150% with
 * {@code EcsModule.simulateUtilization}) and the harness polls the APIs every few milliseconds for each stage: the first
 * AWS/ECS CPUUtilization data point above the target (GetMetricStatistics), the policy's AlarmHigh alarm in ALARM
 * (DescribeAlarms), the service's desired count raised to 3 (DescribeServices) and its 3 tasks RUNNING.
 *
 * <p>The times are wall-clock milliseconds from the load change, medians over the runs; the AWS-time column divides by
 * the time scale (most of the wait is AWS's own periods: ECS samples every 20 s, the alarm needs 3 one-minute periods
 * above the target). The last stage is compared with docker-java creating and starting the same number of containers
 * (2) in the same process. Runs from the repository's root (it reads the samples' task definition file).
 */
final class ScalingBenchmark {
    private static final String CLUSTER = "bench";
    private static final String BURNER = "samples/src/test/resources/ecs/cpu-burner.json";
    private static final int MAX = 3;
    private static final double TARGET = 50.0;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ScalingBenchmark() {}

    /** The wall-clock milliseconds from the load change to each stage. */
    record Stages(double metric, double alarm, double desired, double running) {}

    static void run() throws Exception {
        RegisterTaskDefinitionRequest burner = TaskDefinitionFiles.parse(Files.readAllBytes(Path.of(BURNER)), BURNER);
        double simulatedScale = 1 / 60.0;
        double dockerScale = 1 / 20.0;
        List<Stages> simulated = measure(
                Drydock.builder().runtime(SimulatedRuntime::new).setting("scaling.time-scale", "1/60"),
                burner,
                false,
                simulatedScale,
                1,
                5);
        List<Stages> docker =
                measure(Drydock.builder().setting("scaling.time-scale", "1/20"), burner, true, dockerScale, 1, 3);
        List<Double> byHand = Benchmarks.createAndStartByHand(2, 9, MAX - 1);
        double reference = Benchmarks.median(byHand);

        System.out.printf(
                Locale.ROOT,
                "%nService auto scaling, load change -> new tasks RUNNING (target tracking on CPU 50%%, 1 -> %d tasks;"
                        + " wall ms from the load change, median; AWS time in brackets):%n",
                MAX);
        print("simulated runtime, scaling.time-scale=1/60", simulated, simulatedScale, reference);
        print("Docker runtime, scaling.time-scale=1/20", docker, dockerScale, reference);
        System.out.printf(
                Locale.ROOT,
                "  reference: docker-java create+start of %d containers, one after the other  %8.1f ms%n",
                MAX - 1,
                reference);
    }

    private static void print(String title, List<Stages> runs, double scale, double reference) {
        double metric = median(runs, Stages::metric);
        double alarm = median(runs, Stages::alarm);
        double desired = median(runs, Stages::desired);
        double running = median(runs, Stages::running);
        double tasks = median(runs, s -> s.running() - s.desired());
        // AWS's floor: the alarm needs 3 one-minute periods above the target
        double floor = 3 * 60_000 * scale;
        System.out.printf(Locale.ROOT, "  %s (%d runs):%n", title, runs.size());
        System.out.printf(
                Locale.ROOT,
                "    metric above the target published   %8.1f ms  (%5.1f s AWS time)%n",
                metric,
                metric / scale / 1000);
        System.out.printf(
                Locale.ROOT,
                "    AlarmHigh in ALARM                   %8.1f ms  (%5.1f s AWS time)%n",
                alarm,
                alarm / scale / 1000);
        System.out.printf(
                Locale.ROOT,
                "    desired count raised                 %8.1f ms  (%5.1f s AWS time)%n",
                desired,
                desired / scale / 1000);
        System.out.printf(
                Locale.ROOT,
                "    new tasks RUNNING                    %8.1f ms  (%5.1f s AWS time), ratio %.2fx to AWS's floor of 3"
                        + " periods (%.0f ms)%n",
                running,
                running / scale / 1000,
                running / floor,
                floor);
        System.out.printf(
                Locale.ROOT,
                "    of which desired -> RUNNING          %8.1f ms  ratio %.2fx to docker-java create+start of %d"
                        + " containers%n",
                tasks,
                tasks / reference,
                MAX - 1);
    }

    private static double median(List<Stages> runs, ToDoubleFunction<Stages> stage) {
        return Benchmarks.median(runs.stream().map(stage::applyAsDouble).toList());
    }

    private static List<Stages> measure(
            Drydock.Builder builder,
            RegisterTaskDefinitionRequest burner,
            boolean docker,
            double scale,
            int warmup,
            int runs)
            throws Exception {
        List<Stages> out = new ArrayList<>();
        try (Drydock d = builder.start();
                EcsClient ecs = d.client(EcsClient.builder());
                ApplicationAutoScalingClient aas = d.client(ApplicationAutoScalingClient.builder());
                CloudWatchClient cw = d.client(CloudWatchClient.builder())) {
            Clock scaled = d.service(CloudWatchModule.class).clock();
            ecs.createCluster(r -> r.clusterName(CLUSTER));
            ecs.registerTaskDefinition(burner);
            for (int i = 0; i < warmup + runs; i++) {
                String name = "scale-" + i;
                Stages s = once(d, ecs, aas, cw, scaled, burner.family(), name, docker, scale);
                if (i >= warmup) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static Stages once(
            Drydock d,
            EcsClient ecs,
            ApplicationAutoScalingClient aas,
            CloudWatchClient cw,
            Clock scaled,
            String family,
            String name,
            boolean docker,
            double scale)
            throws Exception {
        String resource = "service/" + CLUSTER + "/" + name;
        ecs.createService(r -> r.cluster(CLUSTER)
                .serviceName(name)
                .taskDefinition(family)
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-12345678"))));
        poll(Duration.ofMinutes(2), () -> service(ecs, name).runningCount() == 1, "the service's first task");
        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(resource)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(MAX));
        aas.putScalingPolicy(r -> r.policyName("cpu")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(resource)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(TARGET)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
        String alarmPrefix = "TargetTracking-" + resource + "-AlarmHigh-";
        // a steady state first: the idle task's metric evaluated, AlarmHigh OK
        poll(Duration.ofMinutes(2), () -> alarmState(cw, alarmPrefix) == StateValue.OK, "AlarmHigh OK while idle");
        InetSocketAddress task = null;
        if (docker) {
            Task t = ecs.describeTasks(r -> r.cluster(CLUSTER)
                            .tasks(ecs.listTasks(l -> l.cluster(CLUSTER).serviceName(name))
                                    .taskArns()))
                    .tasks()
                    .get(0);
            task = d.taskAddress(privateIp(t), 8080);
            load(task, "");
        }

        Instant since = scaled.instant().minusSeconds(60);
        long t0 = System.nanoTime();
        Instant scaled0 = scaled.instant();
        if (docker) {
            load(task, "on");
        } else {
            d.service(EcsModule.class).simulateUtilization(CLUSTER, name, 150, 10);
        }
        double metric = -1;
        double running = -1;
        long deadline = t0 + Duration.ofMinutes(3).toNanos();
        while (running < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no scale-out to " + MAX + " tasks within 3 minutes (metric above the"
                        + " target seen after " + metric + " ms)");
            }
            if (metric < 0 && metricAbove(cw, scaled, name, since)) {
                metric = ms(t0);
            }
            Service s = service(ecs, name);
            if (s.desiredCount() == MAX && s.runningCount() == MAX) {
                running = ms(t0);
            }
            Thread.sleep(5);
        }
        // the alarm's transition and the scaling activity carry their times (on the scaling clock): exact, where
        // polling could miss a stage that lasts less than a poll on the simulated runtime
        MetricAlarm high = cw.describeAlarms(r -> r.alarmNamePrefix(alarmPrefix))
                .metricAlarms()
                .get(0);
        if (high.stateValue() != StateValue.ALARM) {
            throw new IllegalStateException("scaled out, but " + high.alarmName() + " is " + high.stateValue());
        }
        double alarm = wallMs(scaled0, high.stateTransitionedTimestamp(), scale);
        ScalingActivity activity = aas.describeScalingActivities(
                        r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(resource))
                .scalingActivities()
                .get(0);
        double desired = wallMs(scaled0, activity.startTime(), scale);
        if (docker) {
            load(task, "off");
        }
        aas.deregisterScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(resource)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        ecs.deleteService(r -> r.cluster(CLUSTER).service(name).force(true));
        if (metric < 0) {
            throw new IllegalStateException("scaled out before the metric above the target was seen");
        }
        // the metric is polled: seen in the same poll as a later stage, it came no later than that stage
        return new Stages(Math.min(metric, alarm), alarm, desired, running);
    }

    /** Wall-clock milliseconds between two instants of the scaling clock. */
    private static double wallMs(Instant from, Instant to, double scale) {
        return Duration.between(from, to).toNanos() * scale / 1e6;
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static boolean metricAbove(CloudWatchClient cw, Clock scaled, String service, Instant since) {
        return cw
                .getMetricStatistics(r -> r.namespace("AWS/ECS")
                        .metricName("CPUUtilization")
                        .dimensions(
                                x -> x.name("ClusterName").value(CLUSTER),
                                x -> x.name("ServiceName").value(service))
                        .startTime(since)
                        .endTime(scaled.instant().plusSeconds(60))
                        .period(60)
                        .statistics(Statistic.MAXIMUM))
                .datapoints()
                .stream()
                .anyMatch(p -> p.maximum() > TARGET);
    }

    private static StateValue alarmState(CloudWatchClient cw, String prefix) {
        return cw.describeAlarms(r -> r.alarmNamePrefix(prefix)).metricAlarms().stream()
                .findFirst()
                .map(a -> a.stateValue())
                .orElse(null);
    }

    private static Service service(EcsClient ecs, String name) {
        return ecs.describeServices(r -> r.cluster(CLUSTER).services(name))
                .services()
                .get(0);
    }

    private static String privateIp(Task task) {
        return task.attachments().get(0).details().stream()
                .filter(x -> x.name().equals("privateIPv4Address"))
                .findFirst()
                .orElseThrow()
                .value();
    }

    /** GET /cgi-bin/load[?on|off] on the task (retrying while its server starts); its answer. */
    private static String load(InetSocketAddress task, String query) throws Exception {
        URI uri = URI.create("http://" + task.getHostString() + ":" + task.getPort() + "/cgi-bin/load"
                + (query.isEmpty() ? "" : "?" + query));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return HTTP.send(
                                HttpRequest.newBuilder(uri)
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body()
                        .trim();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void poll(Duration timeout, Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark setup: no " + what + " within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
