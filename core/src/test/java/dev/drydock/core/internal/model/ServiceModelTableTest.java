package dev.drydock.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Keeps the service model tables (META-INF/drydock/service-models, made by scripts/service-models.py from botocore)
 * in step with the AWS SDK for Java on the classpath: every operation of each SDK client interface, and every member
 * of its request shapes, nested ones included, is in the table with a matching type (the tables may have more:
 * botocore is newer than the SDK). When the SDK version changes and this fails, regenerate the tables as the folder's
 * README.md says.
 */
class ServiceModelTableTest {

    static Stream<Class<?>> clients() {
        return Stream.of(
                EcsClient.class,
                EcrClient.class,
                EfsClient.class,
                IamClient.class,
                StsClient.class,
                SecretsManagerClient.class,
                SsmClient.class,
                KmsClient.class,
                CloudWatchLogsClient.class,
                ElasticLoadBalancingV2Client.class,
                ApplicationAutoScalingClient.class,
                AutoScalingClient.class,
                CloudWatchClient.class,
                Ec2Client.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void everySdkOperationAndRequestMemberIsInTheTable(Class<?> client) throws ReflectiveOperationException {
        ServiceModel model = ServiceModel.forClient(client).orElseThrow();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> request : requestTypes(client)) {
            String sdkName =
                    request.getSimpleName().substring(0, request.getSimpleName().length() - 7);
            var awsName = model.operationNamed(sdkName);
            if (awsName.isEmpty()) {
                if (model.allOperations()) {
                    problems.add("operation " + sdkName + " is not in the table");
                }
                continue;
            }
            checked++;
            var input = model.input(awsName.get());
            SdkPojo builder = (SdkPojo) request.getMethod("builder").invoke(null);
            if (input.isEmpty()) {
                if (!builder.sdkFields().isEmpty()) {
                    problems.add(awsName.get() + " takes no input in the table, but the SDK's request has members");
                }
                continue;
            }
            compare(model, input.get(), builder.sdkFields(), awsName.get(), problems, new HashSet<>());
        }
        assertThat(problems)
                .as("%s: %s", client.getSimpleName(), model.source())
                .isEmpty();
        assertThat(checked)
                .as("operations checked for %s", client.getSimpleName())
                .isPositive();
        if (!model.allOperations()) {
            assertThat(checked).isEqualTo(model.operations().size());
        }
    }

    @Test
    void everyPatternCompilesInJava() {
        List<String> broken = new ArrayList<>();
        clients().forEach(c -> {
            ServiceModel model = ServiceModel.forClient(c).orElseThrow();
            for (Shape s : model.shapes().values()) {
                if (s.pattern() != null && s.compiledPattern() == null) {
                    broken.add(model.service() + " " + s.name() + ": " + s.pattern());
                }
            }
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void aServiceWithoutATableHasNoModel() {
        assertThat(ServiceModel.forSdkPackage("nosuchservice")).isEmpty();
    }

    private static void compare(
            ServiceModel model,
            Shape shape,
            List<SdkField<?>> fields,
            String path,
            List<String> problems,
            Set<String> visited) {
        if (!visited.add(shape.name())) {
            return;
        }
        for (SdkField<?> f : fields) {
            String at = path + "." + f.memberName();
            String memberShape = shape.members().get(f.memberName());
            if (memberShape == null) {
                problems.add(at + " is not in the table (shape " + shape.name() + ")");
                continue;
            }
            field(model, model.shape(memberShape), f, at, problems, visited);
        }
    }

    private static void field(
            ServiceModel model, Shape shape, SdkField<?> f, String at, List<String> problems, Set<String> visited) {
        MarshallingType<?> t = f.marshallingType();
        Map<MarshallingType<?>, Set<Shape.Type>> compatible = Map.ofEntries(
                Map.entry(MarshallingType.STRING, Set.of(Shape.Type.STRING)),
                Map.entry(MarshallingType.INTEGER, Set.of(Shape.Type.INTEGER)),
                Map.entry(MarshallingType.LONG, Set.of(Shape.Type.LONG)),
                Map.entry(MarshallingType.DOUBLE, Set.of(Shape.Type.DOUBLE)),
                Map.entry(MarshallingType.FLOAT, Set.of(Shape.Type.FLOAT)),
                Map.entry(MarshallingType.BOOLEAN, Set.of(Shape.Type.BOOLEAN)),
                Map.entry(MarshallingType.SDK_BYTES, Set.of(Shape.Type.BLOB)),
                Map.entry(MarshallingType.INSTANT, Set.of(Shape.Type.TIMESTAMP)),
                Map.entry(MarshallingType.SDK_POJO, Set.of(Shape.Type.STRUCTURE)),
                Map.entry(MarshallingType.LIST, Set.of(Shape.Type.LIST)),
                Map.entry(MarshallingType.MAP, Set.of(Shape.Type.MAP)),
                Map.entry(MarshallingType.DOCUMENT, Set.of(Shape.Type.DOCUMENT, Shape.Type.STRUCTURE)));
        Set<Shape.Type> ok = compatible.get(t);
        if (ok != null && !ok.contains(shape.type())) {
            problems.add(at + " is " + t + " in the SDK, " + shape.type() + " in the table");
            return;
        }
        if (t == MarshallingType.SDK_POJO) {
            compare(model, shape, f.constructor().get().sdkFields(), at, problems, visited);
        } else if (t == MarshallingType.LIST) {
            field(
                    model,
                    model.shape(shape.member()),
                    f.getTrait(ListTrait.class).memberFieldInfo(),
                    at + "[]",
                    problems,
                    visited);
        } else if (t == MarshallingType.MAP) {
            field(
                    model,
                    model.shape(shape.value()),
                    f.getTrait(MapTrait.class).valueFieldInfo(),
                    at + "{}",
                    problems,
                    visited);
        }
    }

    private static Set<Class<?>> requestTypes(Class<?> client) {
        Set<Class<?>> types = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (Method m : client.getMethods()) {
            if (m.getParameterCount() == 1
                    && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                    && !Modifier.isStatic(m.getModifiers())) {
                types.add(m.getParameterTypes()[0]);
            }
        }
        return types;
    }
}
