package dev.drydock.ecs.internal.support;

import dev.drydock.core.spi.TagConditions;
import dev.drydock.ecs.internal.backend.EcsBackend;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The ECS-specific condition keys of one authorization, as the Service Authorization Reference defines them
 * ("Condition keys for Amazon Elastic Container Service",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html): a key
 * is set only when the request or the model gives it a value, so a policy's {@code Null} and {@code ...IfExists}
 * conditions see what AWS's would. The global keys ({@code aws:PrincipalArn}, {@code aws:ResourceTag/*}, ...) are the
 * authorizer's.
 */
public final class ConditionKeys {
    private static final Pattern VCPU = Pattern.compile("(?i)\\s*([0-9.]+)\\s*vcpu\\s*");
    private static final Pattern GB = Pattern.compile("(?i)\\s*([0-9.]+)\\s*gb\\s*");

    private final EcsBackend backend;
    private final Map<String, List<String>> keys = new LinkedHashMap<>();

    private ConditionKeys(EcsBackend backend) {
        this.backend = backend;
    }

    public static ConditionKeys of(EcsBackend backend) {
        return new ConditionKeys(backend);
    }

    public Map<String, List<String>> build() {
        return keys;
    }

    /** A single-valued key; nothing when {@code value} is null. */
    public ConditionKeys put(String key, String value) {
        if (value != null) {
            keys.put(key, List.of(value));
        }
        return this;
    }

    /** A multivalued key; nothing when {@code values} is empty. */
    public ConditionKeys put(String key, List<String> values) {
        if (values != null && !values.isEmpty()) {
            keys.put(key, List.copyOf(values));
        }
        return this;
    }

    /** A Bool key ({@code true} / {@code false}); nothing when {@code value} is null. */
    public ConditionKeys put(String key, Boolean value) {
        return put(key, value == null ? null : value.toString());
    }

    public ConditionKeys putAll(Map<String, List<String>> more) {
        keys.putAll(more);
        return this;
    }

    /** {@code ecs:cluster}: the cluster's ARN. */
    public ConditionKeys cluster(String clusterArn) {
        return put("ecs:cluster", clusterArn);
    }

    /** {@code ecs:account-setting}: the name of the account setting a request changes. */
    public ConditionKeys accountSetting(String name) {
        return put("ecs:account-setting", name);
    }

    /** {@code aws:RequestTag/<key>} and {@code aws:TagKeys} of the tags in the request. */
    public ConditionKeys requestTags(List<Tag> tags) {
        return putAll(Tags.requestKeys(tags));
    }

    /**
     * {@code ecs:ResourceTag/<key>}: the tags the resource has now (the resource types table lists it for clusters,
     * container instances, services, tasks and task definitions). Nothing for {@code *} or a resource that does not
     * exist.
     */
    public ConditionKeys resourceTags(String arn) {
        if (arn != null && !"*".equals(arn)) {
            keys.putAll(TagConditions.resource("ecs", backend.tagMap(arn)));
        }
        return this;
    }

    /** {@code ecs:task-definition}: the revision's ARN. */
    public ConditionKeys taskDefinition(TaskDefinition td) {
        return td == null ? this : put("ecs:task-definition", td.taskDefinitionArn());
    }

    /**
     * {@code ecs:task-cpu} and {@code ecs:task-memory}, as integers (1024 = 1 vCPU; MiB): {@code "1 vCPU"} is 1024,
     * {@code "2 GB"} is 2048. A value ECS would refuse sets no key (the backend answers the validation error).
     */
    public ConditionKeys taskSize(String cpu, String memory) {
        put("ecs:task-cpu", units(cpu, VCPU));
        return put("ecs:task-memory", units(memory, GB));
    }

    /** {@code ecs:task-cpu} and {@code ecs:task-memory} of a registered task definition. */
    public ConditionKeys taskSize(TaskDefinition td) {
        return td == null ? this : taskSize(td.cpu(), td.memory());
    }

    /**
     * {@code ecs:capacity-provider}: the ARNs of the capacity providers named in the request
     * ({@code arn:aws:ecs:<region>:<account>:capacity-provider/<name>}).
     */
    public ConditionKeys capacityProviders(List<CapacityProviderStrategyItem> strategy, List<String> more) {
        Set<String> arns = new LinkedHashSet<>();
        if (more != null) {
            for (String name : more) {
                arns.add(capacityProviderArn(name));
            }
        }
        if (strategy != null) {
            for (CapacityProviderStrategyItem item : strategy) {
                if (item.capacityProvider() != null) {
                    arns.add(capacityProviderArn(item.capacityProvider()));
                }
            }
        }
        return put("ecs:capacity-provider", new ArrayList<>(arns));
    }

    /**
     * {@code ecs:subnet} (the subnets) and {@code ecs:auto-assign-public-ip} ({@code true} for ENABLED; an awsvpc
     * configuration without it is DISABLED) of an awsvpc network configuration.
     */
    public ConditionKeys network(NetworkConfiguration network) {
        AwsVpcConfiguration vpc = network == null ? null : network.awsvpcConfiguration();
        if (vpc == null) {
            return this;
        }
        put("ecs:subnet", vpc.subnets());
        return put("ecs:auto-assign-public-ip", vpc.assignPublicIp() == AssignPublicIp.ENABLED);
    }

    /**
     * {@code ecs:enable-service-connect} and {@code ecs:namespace} (only when the namespace is given as an ARN: a
     * Cloud Map namespace name is not resolved) of a Service Connect configuration.
     */
    public ConditionKeys serviceConnect(ServiceConnectConfiguration sc) {
        if (sc == null) {
            return this;
        }
        put("ecs:enable-service-connect", sc.enabled());
        return put(
                "ecs:namespace", sc.namespace() != null && sc.namespace().startsWith("arn:") ? sc.namespace() : null);
    }

    /** {@code ecs:fargate-ephemeral-storage-kms-key}: the KMS key of a cluster configuration's managed storage. */
    public ConditionKeys storageKmsKey(ClusterConfiguration configuration) {
        return put(
                "ecs:fargate-ephemeral-storage-kms-key",
                configuration == null || configuration.managedStorageConfiguration() == null
                        ? null
                        : configuration.managedStorageConfiguration().fargateEphemeralStorageKmsKeyId());
    }

    private String capacityProviderArn(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : backend.arns().capacityProvider(nameOrArn);
    }

    private static String units(String value, Pattern scaled) {
        if (value == null) {
            return null;
        }
        try {
            Matcher m = scaled.matcher(value);
            if (m.matches()) {
                return new BigDecimal(m.group(1))
                        .multiply(BigDecimal.valueOf(1024))
                        .toBigIntegerExact()
                        .toString();
            }
            return Integer.toString(Integer.parseInt(value.trim()));
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
