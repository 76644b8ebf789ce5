package dev.drydock.scaling;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * {@link BadInputSuite} for Application Auto Scaling: bad input generated from its model for every operation Drydock
 * implements, and its own rules (a range with the minimum above the maximum, a policy for a target not registered, a
 * namespace Drydock does not scale), each answered with the service's error, nothing stored.
 */
class ApplicationAutoScalingBadInputTest extends BadInputSuite {
    private static final String RESOURCE = "service/bad/web";
    private ApplicationAutoScalingClient aas;

    ApplicationAutoScalingBadInputTest() {
        super(ApplicationAutoScalingClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        aas = drydock.client(ApplicationAutoScalingClient.builder());
        EcsClient ecs = drydock.client(EcsClient.builder());
        ecs.createCluster(r -> r.clusterName("bad"));
        ecs.registerTaskDefinition(r -> r.family("web")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(
                        ContainerDefinition.builder().name("app").image("nginx").build()));
        ecs.createService(r -> r.cluster("bad")
                .serviceName("web")
                .taskDefinition("web")
                .desiredCount(1)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-0123456789abcdef0"))));
        aas.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(3));
        aas.putScalingPolicy(r -> r.policyName("cpu")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(60.0)
                        .predefinedMetricSpecification(
                                m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of(
                "ServiceNamespace", "ecs",
                "ResourceId", RESOURCE,
                "ScalableDimension", "ecs:service:DesiredCount",
                "PolicyName", "cpu");
    }

    @Override
    protected List<Case> cases() {
        var wire = service().wire();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(
                "RegisterScalableTarget with the minimum above the maximum",
                wire.json(
                        "RegisterScalableTarget",
                        ("{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"" + RESOURCE + "\",\"ScalableDimension\":"
                                        + "\"ecs:service:DesiredCount\",\"MinCapacity\":5,\"MaxCapacity\":2}")
                                .getBytes(UTF_8)),
                "ValidationException",
                "Minimum capacity cannot be greater than maximum capacity"));
        cases.add(new Case(
                "PutScalingPolicy for a target not registered",
                wire.json(
                        "PutScalingPolicy",
                        ("{\"PolicyName\":\"p\",\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/bad/other\","
                                        + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"PolicyType\":"
                                        + "\"StepScaling\"}")
                                .getBytes(UTF_8)),
                "ObjectNotFoundException",
                "No scalable target registered for service namespace: ecs, resource ID: service/bad/other, scalable "
                        + "dimension: ecs:service:DesiredCount"));
        cases.add(new Case(
                "RegisterScalableTarget for DynamoDB",
                wire.json(
                        "RegisterScalableTarget",
                        ("{\"ServiceNamespace\":\"dynamodb\",\"ResourceId\":\"table/orders\",\"ScalableDimension\":"
                                        + "\"dynamodb:table:ReadCapacityUnits\",\"MinCapacity\":1,\"MaxCapacity\":2}")
                                .getBytes(UTF_8)),
                "ValidationException",
                null));
        return cases;
    }

    @Override
    protected Object state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(
                "targets",
                aas.describeScalableTargets(r -> r.serviceNamespace(ServiceNamespace.ECS))
                        .scalableTargets());
        s.put(
                "policies",
                aas.describeScalingPolicies(r -> r.serviceNamespace(ServiceNamespace.ECS))
                        .scalingPolicies());
        s.put(
                "activities",
                aas.describeScalingActivities(r -> r.serviceNamespace(ServiceNamespace.ECS))
                        .scalingActivities()
                        .size());
        return s;
    }
}
