package dev.drydock.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.AwsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The public aws-samples task definitions (src/test/resources/cases/aws-samples-task-definitions, Apache-2.0, see its
 * LICENSE and NOTICE) registered as they are: every member a file gives comes back from RegisterTaskDefinition and
 * DescribeTaskDefinition with the same value.
 */
class TaskDefinitionSamplesApiTest extends EcsApiTestBase {
    private static final String AWSVPC_PORTS =
            "When networkMode=awsvpc, the host ports and container ports in port " + "mappings must match.";
    private static final String AWSLOGS =
            "Fargate requires task definition to have execution role ARN to support " + "log driver awslogs.";

    static Stream<Path> samples() {
        try {
            Path root = Path.of(TaskDefinitionSamplesApiTest.class
                    .getResource("/cases/aws-samples-task-definitions")
                    .toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> fargateSamples() {
        return samples().filter(p -> p.getFileName().toString().endsWith("_fargate.json"));
    }

    private static JsonNode readTree(byte[] json) {
        return JsonNode.parser().parse(json);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files whose definitions real ECS rejects as they are: awsvpc with a host port that differs from the
     * container port.
     */
    private static final Map<String, String> REJECTED = Map.of(
            "kibana_ec2.json", AWSVPC_PORTS,
            "tomcat_ec2.json", AWSVPC_PORTS);

    @Test
    void allSamplesAndTheirLicenseAreCopied() {
        assertThat(samples()).hasSize(14);
        assertThat(fargateSamples()).hasSize(6);
        Path root = samples().findFirst().orElseThrow().getParent().getParent();
        assertThat(root.resolve("LICENSE")).exists();
        assertThat(root.resolve("NOTICE")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleRegistersAndEveryGivenMemberComesBack(Path file) {
        byte[] json = read(file);
        RegisterTaskDefinitionRequest request =
                AwsJson.read(new String(json, StandardCharsets.UTF_8), RegisterTaskDefinitionRequest.class);
        String name = file.getFileName().toString();
        if (REJECTED.containsKey(name)) {
            assertEcsError(() -> ecs.registerTaskDefinition(request), ClientException.class, REJECTED.get(name));
            return;
        }
        JsonNode expected = readTree(json);
        boolean fargate = request.requiresCompatibilitiesAsStrings().contains("FARGATE");
        RegisterTaskDefinitionRequest toRegister = request;
        if (fargate) {
            // every Fargate sample logs with awslogs and names no execution role: real ECS rejects that
            assertThat(request.executionRoleArn()).isNull();
            assertEcsError(() -> ecs.registerTaskDefinition(request), ClientException.class, AWSLOGS);
            toRegister = request.toBuilder().executionRoleArn(EXECUTION_ROLE).build();
        }
        String family = unique(request.family());
        toRegister = toRegister.toBuilder().family(family).build();

        TaskDefinition registered = ecs.registerTaskDefinition(toRegister).taskDefinition();
        TaskDefinition described =
                ecs.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();

        assertThat(described).isEqualTo(registered);
        assertThat(registered.family()).isEqualTo(family);
        assertThat(registered.revision()).isEqualTo(1);
        assertThat(registered.statusAsString()).isEqualTo("ACTIVE");
        if (fargate) {
            assertThat(registered.executionRoleArn()).isEqualTo(EXECUTION_ROLE);
        }
        JsonNode actual = readTree(AwsJson.write(described).getBytes(StandardCharsets.UTF_8));
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : expected.asObject().entrySet()) {
            if (!member.getKey().equals("family")) {
                compare(member.getValue(), actual.field(member.getKey()).orElse(null), member.getKey(), differences);
            }
        }
        assertThat(differences)
                .as("members of %s that did not come back as given", name)
                .isEmpty();
    }

    /**
     * A Fargate sample runs to RUNNING; one whose containers log with awslogs cannot start without CloudWatch Logs
     * (drydock-logs-fixtures is not on this module's classpath): it stops with TaskFailedToStart and a reason that
     * names the artifact, never running with its logs silently dropped.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fargateSamples")
    void fargateSampleRunsToRunningOrNamesTheLogsModule(Path file) {
        RegisterTaskDefinitionRequest request =
                AwsJson.read(new String(read(file), StandardCharsets.UTF_8), RegisterTaskDefinitionRequest.class);
        assertThat(request.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
        String cluster = createCluster();
        String family = unique(request.family());
        ecs.registerTaskDefinition(request.toBuilder()
                .family(family)
                .executionRoleArn(EXECUTION_ROLE)
                .build());

        Task task = runOne(cluster, family);
        boolean awslogs = request.containerDefinitions().stream()
                .anyMatch(c -> c.logConfiguration() != null
                        && "awslogs".equals(c.logConfiguration().logDriverAsString()));
        if (awslogs) {
            Task stopped = awaitStopped(cluster, task.taskArn());
            assertThat(stopped.stopCodeAsString()).isEqualTo("TaskFailedToStart");
            assertThat(stopped.stoppedReason())
                    .startsWith("ResourceInitializationError: failed to validate logger args: ")
                    .contains("dev.drydock:drydock-logs-fixtures");
            return;
        }
        Task running = awaitRunning(cluster, task.taskArn());

        assertThat(running.containers())
                .extracting(c -> c.name())
                .containsExactlyElementsOf(request.containerDefinitions().stream()
                        .map(c -> c.name())
                        .toList());
        assertThat(running.containers())
                .allSatisfy(c -> assertThat(c.lastStatus()).isEqualTo("RUNNING"));
        assertThat(running.cpu()).isEqualTo(request.cpu());
        assertThat(running.memory()).isEqualTo(request.memory());
    }

    /** Records every member of {@code expected} that {@code actual} lacks or has with another value. */
    private static void compare(JsonNode expected, JsonNode actual, String path, List<String> differences) {
        if (expected.isNull()) {
            return; // a JSON null is the same as an absent member
        }
        if (actual == null || actual.isNull()) {
            differences.add(path + ": missing, expected " + expected);
            return;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                differences.add(path + ": expected an object but was " + actual);
                return;
            }
            for (Map.Entry<String, JsonNode> f : expected.asObject().entrySet()) {
                compare(f.getValue(), actual.field(f.getKey()).orElse(null), path + "." + f.getKey(), differences);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray()
                    || actual.asArray().size() != expected.asArray().size()) {
                differences.add(path + ": expected " + expected + " but was " + actual);
                return;
            }
            for (int i = 0; i < expected.asArray().size(); i++) {
                compare(expected.asArray().get(i), actual.asArray().get(i), path + "[" + i + "]", differences);
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber()
                    || new BigDecimal(expected.asNumber()).compareTo(new BigDecimal(actual.asNumber())) != 0) {
                differences.add(path + ": expected " + expected + " but was " + actual);
            }
        } else if (expected.isString()) {
            if (!actual.isString() || !expected.asString().equals(actual.asString())) {
                differences.add(path + ": expected " + expected + " but was " + actual);
            }
        } else if (expected.isBoolean()) {
            if (!actual.isBoolean() || expected.asBoolean() != actual.asBoolean()) {
                differences.add(path + ": expected " + expected + " but was " + actual);
            }
        } else {
            differences.add(path + ": unexpected JSON " + expected);
        }
    }
}
