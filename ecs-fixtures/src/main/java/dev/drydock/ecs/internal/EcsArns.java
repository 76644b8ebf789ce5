package dev.drydock.ecs.internal;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ECS resource ARNs and ids in AWS's formats, for one account and region. */
public final class EcsArns {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ARN = Pattern.compile("arn:aws:ecs:([a-z0-9-]+):(\\d{12}):([a-z-]+)/(.+)");

    private final String region;
    private final String accountId;

    public EcsArns(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    private String prefix() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":";
    }

    /** {@code arn:aws:ecs:<region>:<account>:cluster/<name>} */
    public String cluster(String name) {
        return prefix() + "cluster/" + name;
    }

    /** {@code arn:aws:ecs:<region>:<account>:capacity-provider/<name>} */
    public String capacityProvider(String name) {
        return prefix() + "capacity-provider/" + name;
    }

    /** {@code arn:aws:ecs:<region>:<account>:attachment/<id>}: a task's ENI attachment, as the agent names it. */
    public String attachment(String id) {
        return prefix() + "attachment/" + id;
    }

    /** {@code arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>} */
    public String taskDefinition(String family, int revision) {
        return prefix() + "task-definition/" + family + ":" + revision;
    }

    /** {@code arn:aws:ecs:<region>:<account>:task/<cluster>/<id>} */
    public String task(String cluster, String taskId) {
        return prefix() + "task/" + cluster + "/" + taskId;
    }

    /** {@code arn:aws:ecs:<region>:<account>:container/<cluster>/<task id>/<uuid>} */
    public String container(String cluster, String taskId) {
        return prefix() + "container/" + cluster + "/" + taskId + "/" + UUID.randomUUID();
    }

    /** {@code arn:aws:ecs:<region>:<account>:service/<cluster>/<name>} */
    public String service(String cluster, String name) {
        return prefix() + "service/" + cluster + "/" + name;
    }

    /** {@code arn:aws:ecs:<region>:<account>:container-instance/<cluster>/<id>} */
    public String containerInstance(String cluster, String id) {
        return prefix() + "container-instance/" + cluster + "/" + id;
    }

    /**
     * The resource part of an ECS ARN of this account and region (for example {@code shop} for
     * {@code ...:cluster/shop}), when {@code arn} is one of the given resource type.
     */
    public Optional<String> resource(String arn, String type) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()
                || !m.group(1).equals(region)
                || !m.group(2).equals(accountId)
                || !m.group(3).equals(type)) {
            return Optional.empty();
        }
        return Optional.of(m.group(4));
    }

    /** Whether {@code s} looks like any ECS ARN. */
    public static boolean isArn(String s) {
        return s.startsWith("arn:");
    }

    /** A new task id: 32 lower-case hex digits, as ECS makes them. */
    public static String newTaskId() {
        return hex(32);
    }

    /** A new EC2 instance id, e.g. {@code i-0a1b2c3d4e5f67890}. */
    public static String newEc2InstanceId() {
        return "i-0" + hex(16);
    }

    /** {@code n} random lower-case hex digits. */
    public static String newHex(int n) {
        return hex(n);
    }

    /** A new ENI id, e.g. {@code eni-0a1b2c3d4e5f67890}. */
    public static String newEniId() {
        return "eni-0" + hex(16);
    }

    /** A new deployment id, e.g. {@code ecs-svc/1234567890123456789}. */
    public static String newDeploymentId() {
        StringBuilder b = new StringBuilder("ecs-svc/");
        b.append(1 + RANDOM.nextInt(9));
        for (int i = 0; i < 18; i++) {
            b.append(RANDOM.nextInt(10));
        }
        return b.toString();
    }

    /** A new locally administered MAC address. */
    public static String newMacAddress() {
        StringBuilder b = new StringBuilder("0e");
        for (int i = 0; i < 5; i++) {
            b.append(':').append(String.format("%02x", RANDOM.nextInt(256)));
        }
        return b.toString();
    }

    static String hex(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return b.toString();
    }
}
