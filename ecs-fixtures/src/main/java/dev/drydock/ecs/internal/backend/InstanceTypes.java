package dev.drydock.ecs.internal.backend;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The EC2 instance types Drydock knows the size of: vCPUs, memory and the maximum number of network interfaces, from
 * AWS's instance type specifications (https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html,
 * https://docs.aws.amazon.com/ec2/latest/instancetypes/co.html, https://docs.aws.amazon.com/ec2/latest/instancetypes/mo.html
 * and "Maximum IP addresses per network interface",
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html). A container instance of another type
 * registers with explicit {@code totalResources}, as the ECS agent reports them.
 */
public final class InstanceTypes {
    /**
     * One instance type.
     *
     * @param name e.g. {@code m5.large}
     * @param vcpus virtual CPUs; the agent registers 1,024 CPU units per vCPU
     * @param memoryMiB memory in MiB (GiB x 1,024)
     * @param maxEnis the maximum number of network interfaces (the instance's own ENI included)
     */
    public record InstanceType(String name, int vcpus, int memoryMiB, int maxEnis) {
        /** The CPU units the ECS agent registers: 1,024 per vCPU. */
        public int cpuUnits() {
            return vcpus * 1024;
        }
    }

    private static final Map<String, InstanceType> TYPES = new TreeMap<>();

    static {
        // general purpose, burstable
        add("t3.micro", 2, 1, 2);
        add("t3.small", 2, 2, 3);
        add("t3.medium", 2, 4, 3);
        add("t3.large", 2, 8, 3);
        add("t3.xlarge", 4, 16, 4);
        add("t3.2xlarge", 8, 32, 4);
        // general purpose
        add("m5.large", 2, 8, 3);
        add("m5.xlarge", 4, 16, 4);
        add("m5.2xlarge", 8, 32, 4);
        add("m5.4xlarge", 16, 64, 8);
        add("m6i.large", 2, 8, 3);
        add("m6i.xlarge", 4, 16, 4);
        add("m6i.2xlarge", 8, 32, 4);
        add("m6i.4xlarge", 16, 64, 8);
        // compute optimized
        add("c6i.large", 2, 4, 3);
        add("c6i.xlarge", 4, 8, 4);
        add("c6i.2xlarge", 8, 16, 4);
        add("c6i.4xlarge", 16, 32, 8);
        // memory optimized
        add("r6i.large", 2, 16, 3);
        add("r6i.xlarge", 4, 32, 4);
        add("r6i.2xlarge", 8, 64, 4);
        add("r6i.4xlarge", 16, 128, 8);
    }

    private InstanceTypes() {}

    private static void add(String name, int vcpus, int memoryGiB, int maxEnis) {
        TYPES.put(name, new InstanceType(name, vcpus, memoryGiB * 1024, maxEnis));
    }

    /** The instance type of this name, if Drydock knows its size. */
    public static Optional<InstanceType> find(String name) {
        return Optional.ofNullable(name == null ? null : TYPES.get(name));
    }

    /** The names Drydock knows, sorted (for error messages). */
    public static String known() {
        return String.join(", ", TYPES.keySet());
    }
}
