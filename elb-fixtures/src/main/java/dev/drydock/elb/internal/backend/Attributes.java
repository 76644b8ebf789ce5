package dev.drydock.elb.internal.backend;

import dev.drydock.elb.internal.ElbErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The attributes of load balancers and target groups: AWS's defaults, the keys each kind accepts and the values they
 * take (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupAttribute.html). Drydock acts on
 * {@code idle_timeout.timeout_seconds}, {@code deletion_protection.enabled}, {@code
 * deregistration_delay.timeout_seconds}, {@code deregistration_delay.connection_termination.enabled} and {@code
 * load_balancing.algorithm.type}; the others are kept and reported (docs/elb.md says which).
 */
final class Attributes {
    private static final Predicate<String> BOOLEAN = v -> v.equals("true") || v.equals("false");

    private Attributes() {}

    private record Key(String defaultValue, Predicate<String> valid, String expected) {}

    private static Key bool(String defaultValue) {
        return new Key(defaultValue, BOOLEAN, "true or false");
    }

    private static Key range(String defaultValue, int low, int high) {
        return new Key(
                defaultValue,
                v -> v.matches("\\d{1,6}") && Integer.parseInt(v) >= low && Integer.parseInt(v) <= high,
                "an integer from " + low + " to " + high);
    }

    private static Key oneOf(String defaultValue, String... values) {
        List<String> allowed = List.of(values);
        return new Key(defaultValue, allowed::contains, "one of " + allowed);
    }

    private static Key text(String defaultValue) {
        return new Key(defaultValue, v -> v.length() <= 1024, "at most 1024 characters");
    }

    private static final Map<String, Key> APPLICATION = new LinkedHashMap<>();
    private static final Map<String, Key> NETWORK = new LinkedHashMap<>();
    private static final Map<String, Key> ALB_TARGET_GROUP = new LinkedHashMap<>();
    private static final Map<String, Key> NLB_TARGET_GROUP = new LinkedHashMap<>();

    static {
        APPLICATION.put("access_logs.s3.enabled", bool("false"));
        APPLICATION.put("access_logs.s3.bucket", text(""));
        APPLICATION.put("access_logs.s3.prefix", text(""));
        APPLICATION.put("idle_timeout.timeout_seconds", range("60", 1, 4000));
        APPLICATION.put("deletion_protection.enabled", bool("false"));
        APPLICATION.put("routing.http2.enabled", bool("true"));
        APPLICATION.put("routing.http.drop_invalid_header_fields.enabled", bool("false"));
        APPLICATION.put("routing.http.xff_client_port.enabled", bool("false"));
        APPLICATION.put("routing.http.preserve_host_header.enabled", bool("false"));
        APPLICATION.put("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", bool("false"));
        APPLICATION.put("routing.http.xff_header_processing.mode", oneOf("append", "append", "preserve", "remove"));
        APPLICATION.put("routing.http.desync_mitigation_mode", oneOf("defensive", "monitor", "defensive", "strictest"));
        APPLICATION.put("waf.fail_open.enabled", bool("false"));
        APPLICATION.put("load_balancing.cross_zone.enabled", bool("true"));
        APPLICATION.put("client_keep_alive.seconds", range("3600", 60, 604800));
        APPLICATION.put("connection_logs.s3.enabled", bool("false"));
        APPLICATION.put("connection_logs.s3.bucket", text(""));
        APPLICATION.put("connection_logs.s3.prefix", text(""));

        NETWORK.put("access_logs.s3.enabled", bool("false"));
        NETWORK.put("access_logs.s3.bucket", text(""));
        NETWORK.put("access_logs.s3.prefix", text(""));
        NETWORK.put("deletion_protection.enabled", bool("false"));
        NETWORK.put("load_balancing.cross_zone.enabled", bool("false"));
        NETWORK.put(
                "dns_record.client_routing_policy",
                oneOf(
                        "any_availability_zone",
                        "availability_zone_affinity",
                        "partial_availability_zone_affinity",
                        "any_availability_zone"));
        NETWORK.put("ipv6.deny_all_igw_traffic", bool("false"));

        ALB_TARGET_GROUP.put("deregistration_delay.timeout_seconds", range("300", 0, 3600));
        ALB_TARGET_GROUP.put("stickiness.enabled", bool("false"));
        ALB_TARGET_GROUP.put("stickiness.type", oneOf("lb_cookie", "lb_cookie", "app_cookie"));
        ALB_TARGET_GROUP.put("stickiness.lb_cookie.duration_seconds", range("86400", 1, 604800));
        ALB_TARGET_GROUP.put("stickiness.app_cookie.cookie_name", text(""));
        ALB_TARGET_GROUP.put("stickiness.app_cookie.duration_seconds", range("86400", 1, 604800));
        ALB_TARGET_GROUP.put(
                "slow_start.duration_seconds",
                new Key(
                        "0",
                        v -> v.matches("\\d{1,4}")
                                && (Integer.parseInt(v) == 0
                                        || Integer.parseInt(v) >= 30 && Integer.parseInt(v) <= 900),
                        "0, or an integer from 30 to 900"));
        ALB_TARGET_GROUP.put(
                "load_balancing.algorithm.type",
                oneOf("round_robin", "round_robin", "least_outstanding_requests", "weighted_random"));
        ALB_TARGET_GROUP.put("load_balancing.algorithm.anomaly_mitigation", oneOf("off", "on", "off"));
        ALB_TARGET_GROUP.put(
                "load_balancing.cross_zone.enabled",
                oneOf("use_load_balancer_configuration", "true", "false", "use_load_balancer_configuration"));
        ALB_TARGET_GROUP.put("target_group_health.dns_failover.minimum_healthy_targets.count", text("1"));
        ALB_TARGET_GROUP.put("target_group_health.dns_failover.minimum_healthy_targets.percentage", text("off"));
        ALB_TARGET_GROUP.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", text("1"));
        ALB_TARGET_GROUP.put(
                "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", text("off"));

        NLB_TARGET_GROUP.put("deregistration_delay.timeout_seconds", range("300", 0, 3600));
        NLB_TARGET_GROUP.put("deregistration_delay.connection_termination.enabled", bool("false"));
        NLB_TARGET_GROUP.put("stickiness.enabled", bool("false"));
        NLB_TARGET_GROUP.put("stickiness.type", oneOf("source_ip", "source_ip"));
        NLB_TARGET_GROUP.put("preserve_client_ip.enabled", bool("false"));
        NLB_TARGET_GROUP.put("proxy_protocol_v2.enabled", bool("false"));
        NLB_TARGET_GROUP.put(
                "load_balancing.cross_zone.enabled",
                oneOf("use_load_balancer_configuration", "true", "false", "use_load_balancer_configuration"));
        NLB_TARGET_GROUP.put("target_health_state.unhealthy.connection_termination.enabled", bool("true"));
        NLB_TARGET_GROUP.put("target_health_state.unhealthy.draining_interval_seconds", range("0", 0, 360000));
        NLB_TARGET_GROUP.put("target_group_health.dns_failover.minimum_healthy_targets.count", text("1"));
        NLB_TARGET_GROUP.put("target_group_health.dns_failover.minimum_healthy_targets.percentage", text("off"));
        NLB_TARGET_GROUP.put("target_group_health.unhealthy_state_routing.minimum_healthy_targets.count", text("1"));
        NLB_TARGET_GROUP.put(
                "target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage", text("off"));
    }

    /** A new load balancer's attributes. */
    static Map<String, String> loadBalancerDefaults(boolean application) {
        return defaults(application ? APPLICATION : NETWORK);
    }

    /** A new target group's attributes; {@code layer7} for HTTP and HTTPS groups. */
    static Map<String, String> targetGroupDefaults(boolean layer7, boolean ipTargets) {
        Map<String, String> d = defaults(layer7 ? ALB_TARGET_GROUP : NLB_TARGET_GROUP);
        if (!layer7 && ipTargets) {
            // client IP preservation is off by default for ip targets of TCP and TLS groups
            d.put("preserve_client_ip.enabled", "false");
        }
        return d;
    }

    private static Map<String, String> defaults(Map<String, Key> keys) {
        Map<String, String> d = new LinkedHashMap<>();
        keys.forEach((k, v) -> d.put(k, v.defaultValue));
        return d;
    }

    /**
     * Checks changes to a load balancer's attributes.
     *
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} for an unknown key or a bad value
     */
    static void checkLoadBalancer(boolean application, Map<String, String> changes) {
        check(application ? APPLICATION : NETWORK, changes, "Load balancer");
    }

    /**
     * Checks changes to a target group's attributes.
     *
     * @throws dev.drydock.core.spi.AwsException {@code ValidationError} for an unknown key or a bad value
     */
    static void checkTargetGroup(boolean layer7, Map<String, String> changes) {
        check(layer7 ? ALB_TARGET_GROUP : NLB_TARGET_GROUP, changes, "Target group");
    }

    private static void check(Map<String, Key> keys, Map<String, String> changes, String kind) {
        changes.forEach((k, v) -> {
            Key key = keys.get(k);
            if (key == null) {
                throw ElbErrors.validation(kind + " attribute key '" + k + "' is not recognized");
            }
            if (v == null || !key.valid.test(v)) {
                throw ElbErrors.validation(
                        kind + " attribute '" + k + "' has value '" + v + "': it must be " + key.expected + ".");
            }
        });
    }
}
