package dev.drydock.ecs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The instance type table against AWS's instance type specifications ("Amazon EC2 instance type specifications",
 * general purpose, compute and memory optimized: vCPUs, memory in GiB, maximum network interfaces).
 */
class InstanceTypesTest {
    @ParameterizedTest
    @CsvSource({
        "t3.micro, 2, 1, 2",
        "t3.small, 2, 2, 3",
        "t3.medium, 2, 4, 3",
        "t3.large, 2, 8, 3",
        "t3.xlarge, 4, 16, 4",
        "t3.2xlarge, 8, 32, 4",
        "m5.large, 2, 8, 3",
        "m5.xlarge, 4, 16, 4",
        "m5.2xlarge, 8, 32, 4",
        "m5.4xlarge, 16, 64, 8",
        "m6i.large, 2, 8, 3",
        "m6i.4xlarge, 16, 64, 8",
        "c6i.large, 2, 4, 3",
        "c6i.xlarge, 4, 8, 4",
        "c6i.2xlarge, 8, 16, 4",
        "c6i.4xlarge, 16, 32, 8",
        "r6i.large, 2, 16, 3",
        "r6i.xlarge, 4, 32, 4",
        "r6i.4xlarge, 16, 128, 8"
    })
    void sizesAndNetworkInterfacesAreAwsNumbers(String name, int vcpus, int memoryGiB, int maxEnis) {
        InstanceTypes.InstanceType type = InstanceTypes.find(name).orElseThrow();

        assertThat(type.vcpus()).isEqualTo(vcpus);
        assertThat(type.cpuUnits()).isEqualTo(vcpus * 1024);
        assertThat(type.memoryMiB()).isEqualTo(memoryGiB * 1024);
        assertThat(type.maxEnis()).isEqualTo(maxEnis);
    }
}
