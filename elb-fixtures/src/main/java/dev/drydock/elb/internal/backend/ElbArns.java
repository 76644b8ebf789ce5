package dev.drydock.elb.internal.backend;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * ELB's identifiers, as AWS forms them (ARNs in "Elastic Load Balancing resource types",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html#awselasticloadbalancingv2-resources-for-iam-policies;
 * DNS names and hosted zones in "Elastic Load Balancing endpoints and quotas",
 * https://docs.aws.amazon.com/general/latest/gr/elb.html).
 */
final class ElbArns {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Route 53 hosted zone ids of Application (and Classic) Load Balancers, by region. */
    private static final Map<String, String> ALB_ZONES = Map.ofEntries(
            Map.entry("us-east-1", "Z35SXDOTRQ7X7K"),
            Map.entry("us-east-2", "Z3AADJGX6KTTL2"),
            Map.entry("us-west-1", "Z368ELLRRE2KJ0"),
            Map.entry("us-west-2", "Z1H1FL5HABSF5"),
            Map.entry("ca-central-1", "ZQSVJUPU6J1EY"),
            Map.entry("eu-west-1", "Z32O12XQLNTSW2"),
            Map.entry("eu-west-2", "ZHURV8PSTC4K8"),
            Map.entry("eu-west-3", "Z3Q77PNBQS71R4"),
            Map.entry("eu-central-1", "Z215JYRZR1TBD5"),
            Map.entry("eu-north-1", "Z23TAZBF6KE4DS"),
            Map.entry("ap-south-1", "ZP97RAFLXTNZK"),
            Map.entry("ap-northeast-1", "Z14GRHDCWA56QT"),
            Map.entry("ap-northeast-2", "ZWKZPGTI48KDX"),
            Map.entry("ap-southeast-1", "Z1LMS91P8CMLE5"),
            Map.entry("ap-southeast-2", "Z1GM3OXH4ZPM65"),
            Map.entry("sa-east-1", "Z2P70J7HTTTPLU"));
    /** Route 53 hosted zone ids of Network Load Balancers, by region. */
    private static final Map<String, String> NLB_ZONES = Map.ofEntries(
            Map.entry("us-east-1", "Z26RNL4JYFTOTI"),
            Map.entry("us-east-2", "ZLMOA37VPKANP"),
            Map.entry("us-west-1", "Z24FKFUX50B4VW"),
            Map.entry("us-west-2", "Z18D5FSROUN65G"),
            Map.entry("ca-central-1", "Z2EPGBW3API2WT"),
            Map.entry("eu-west-1", "Z2IFOLAFXWLO4F"),
            Map.entry("eu-west-2", "ZD4D7Y8KGAS4G"),
            Map.entry("eu-west-3", "Z1CMS0P5QUZ6D5"),
            Map.entry("eu-central-1", "Z3F0SRJ5LGBH90"),
            Map.entry("eu-north-1", "Z1UDT6IFJ4EJM"),
            Map.entry("ap-south-1", "ZVDDRBQ08TROA"),
            Map.entry("ap-northeast-1", "Z31USIVHYNEOWT"),
            Map.entry("ap-northeast-2", "ZIBE1TIR4HY56"),
            Map.entry("ap-southeast-1", "ZKVM4W9LS7TM"),
            Map.entry("ap-southeast-2", "ZCT6FZBF4DROD"),
            Map.entry("sa-east-1", "ZTK26PT1VY4CU"));

    private final String prefix;
    private final String region;

    ElbArns(String region, String accountId) {
        this.region = region;
        this.prefix = "arn:aws:elasticloadbalancing:" + region + ":" + accountId + ":";
    }

    /** A new 16-hex-digit id, as ELB's ARNs end. */
    static String newId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String loadBalancer(String kind, String name, String id) {
        return prefix + "loadbalancer/" + kind + "/" + name + "/" + id;
    }

    String targetGroup(String name, String id) {
        return prefix + "targetgroup/" + name + "/" + id;
    }

    String listener(LoadBalancerRecord lb, String id) {
        return prefix + "listener/" + lb.arnKind() + "/" + lb.name + "/" + lb.id + "/" + id;
    }

    String rule(ListenerRecord listener, String id) {
        return listener.arn.replace(":listener/", ":listener-rule/") + "/" + id;
    }

    /**
     * A load balancer's DNS name: {@code [internal-]<name>-<10 digits>.<region>.elb.amazonaws.com} for an Application
     * Load Balancer, {@code <name>-<16 hex>.elb.<region>.amazonaws.com} for a Network Load Balancer.
     */
    String dnsName(String name, boolean application, boolean internal) {
        String host = name.toLowerCase(Locale.ROOT);
        if (application) {
            long digits = 1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L;
            return (internal ? "internal-" : "") + host + "-" + digits + "." + region + ".elb.amazonaws.com";
        }
        return (internal ? "internal-" : "") + host + "-" + newId() + ".elb." + region + ".amazonaws.com";
    }

    /** The Route 53 hosted zone of the region's load balancers of a type (us-east-1's where Drydock knows none). */
    String hostedZone(boolean application) {
        Map<String, String> zones = application ? ALB_ZONES : NLB_ZONES;
        return zones.getOrDefault(region, zones.get("us-east-1"));
    }
}
