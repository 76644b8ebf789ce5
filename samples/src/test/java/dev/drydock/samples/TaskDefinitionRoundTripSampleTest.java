package dev.drydock.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drydock.core.AwsJson;
import dev.drydock.junit.EcsCluster;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Registers every task definition of the aws-samples "aws-containers-task-definitions" collection
 * (src/test/resources/aws-samples-task-definitions, Apache-2.0) through the SDK, describes each back and checks it
 * field for field.
 *
 * <p>Real ECS refuses some of the collection's definitions as they are: the Fargate ones log with awslogs but name
 * no execution role, and two awsvpc ones map host port 80 to another container port. Drydock refuses them the same
 * way, with ECS's messages, so the sample asserts that, applies the fix the message asks for, and registers again.
 */
@EcsCluster(name = "catalog")
class TaskDefinitionRoundTripSampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    static Stream<String> taskDefinitionFiles() {
        return Stream.of(
                "consul/ConsulClient.json",
                "consul/ConsulServer.json",
                "gunicorn/gunicorn_ec2.json",
                "gunicorn/gunicorn_fargate.json",
                "jetty/jetty_ec2.json",
                "jetty/jetty_fargate.json",
                "kibana/kibana_ec2.json",
                "kibana/kibana_fargate.json",
                "nginx/nginx_ec2.json",
                "nginx/nginx_fargate.json",
                "tomcat/tomcat_ec2.json",
                "tomcat/tomcat_fargate.json",
                "wildfly/wildfly_ec2.json",
                "wildfly/wildfly_fargate.json");
    }

    @ParameterizedTest
    @MethodSource("taskDefinitionFiles")
    void registersAndDescribesBackFieldForField(String file, EcsClient ecs) throws IOException {
        ObjectNode given = (ObjectNode) read("aws-samples-task-definitions/" + file);
        String refusal = refusalFor(given);
        if (refusal != null) {
            assertThatThrownBy(() -> ecs.registerTaskDefinition(request(given)))
                    .isInstanceOf(ClientException.class)
                    .hasMessageStartingWith(refusal);
            fix(given);
        }

        TaskDefinition registered = ecs.registerTaskDefinition(request(given)).taskDefinition();
        TaskDefinition described = ecs.describeTaskDefinition(r -> r.taskDefinition(registered.taskDefinitionArn()))
                .taskDefinition();

        assertThat(described).isEqualTo(registered);
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.revision()).isPositive();
        assertContains(given, JSON.readTree(json(described)), described.family());
    }

    /**
     * What real ECS answers for the two mistakes in this collection: awsvpc port mappings whose hostPort differs from
     * the containerPort, and Fargate definitions that log with awslogs but name no execution role.
     */
    private static String refusalFor(ObjectNode td) {
        if ("awsvpc".equals(td.path("networkMode").asText())) {
            for (JsonNode c : td.path("containerDefinitions")) {
                for (JsonNode p : c.path("portMappings")) {
                    if (p.has("hostPort")
                            && p.get("hostPort").asInt()
                                    != p.path("containerPort").asInt()) {
                        return "When networkMode=awsvpc, the host ports and container ports in port mappings must "
                                + "match.";
                    }
                }
            }
        }
        boolean fargate = td.path("requiresCompatibilities").toString().contains("FARGATE");
        if (fargate && !td.has("executionRoleArn")) {
            return "Fargate requires task definition to have execution role ARN to support log driver awslogs.";
        }
        return null;
    }

    /** The fixes the messages ask for. */
    private static void fix(ObjectNode td) {
        for (JsonNode c : td.path("containerDefinitions")) {
            for (JsonNode p : c.path("portMappings")) {
                ((ObjectNode) p).set("hostPort", p.get("containerPort"));
            }
        }
        if (td.path("requiresCompatibilities").toString().contains("FARGATE") && !td.has("executionRoleArn")) {
            td.put("executionRoleArn", EXECUTION_ROLE);
        }
    }

    /** The file as the CLI's --cli-input-json sends it: a RegisterTaskDefinitionRequest read by the SDK itself. */
    private static RegisterTaskDefinitionRequest request(JsonNode given) {
        return AwsJson.read(given.toString(), RegisterTaskDefinitionRequest.class);
    }

    private static String json(TaskDefinition td) {
        return AwsJson.write(td);
    }

    /** Every member of {@code given} is in {@code actual} with the same value (ECS may add members of its own). */
    private static void assertContains(JsonNode given, JsonNode actual, String path) {
        if (given.isObject()) {
            assertThat(actual.isObject()).as(path).isTrue();
            Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getValue().isNull()) {
                    continue;
                }
                assertThat(actual.has(f.getKey()))
                        .as(path + "." + f.getKey() + " comes back")
                        .isTrue();
                assertContains(f.getValue(), actual.get(f.getKey()), path + "." + f.getKey());
            }
        } else if (given.isArray()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(given.size());
            for (int i = 0; i < given.size(); i++) {
                assertContains(given.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual.asText()).as(path).isEqualTo(given.asText());
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in =
                TaskDefinitionRoundTripSampleTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
