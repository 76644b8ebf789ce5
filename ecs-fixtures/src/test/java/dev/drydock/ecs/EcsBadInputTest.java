package dev.drydock.ecs;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.testing.BadInputSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

/**
 * {@link BadInputSuite} for ECS: bad input generated from ECS's model for every operation Drydock implements, plus the
 * cases below with the exact answer ECS gives (SerializationException for JSON types, InvalidParameterException or
 * ClientException for values, the not-found exceptions for references); never a 5xx, and nothing stored.
 */
class EcsBadInputTest extends BadInputSuite {
    private static final String LONG = "x".repeat(300);
    private static final String BAD_ARN = "arn:aws:ecs:us-east-1:123456789012:bogus/thing";
    private static final String TOO_MANY_TAGS;
    private static final AtomicInteger NAMES_USED = new AtomicInteger();

    static {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tags.add("{\"key\":\"k" + i + "\",\"value\":\"v\"}");
        }
        TOO_MANY_TAGS = "[" + String.join(",", tags) + "]";
    }

    /**
     * operation | body ({cluster}, {clusterArn}, {family}, {service}, {task}, {tags} are filled in) | error type |
     * message (empty: not checked).
     */
    private static final String CASES = """
            CreateCluster | {"clusterName":5} | SerializationException |
            CreateCluster | {"clusterName":"{long}"} | InvalidParameterException |
            CreateCluster | {"clusterName":"c-{n}","tags":{tags}} | InvalidParameterException | Too many tags: 51 given, a resource may have at most 50.
            CreateCluster | {"clusterName":"c-{n}","settings":[{"name":"bogus","value":"x"}]} | InvalidParameterException | Invalid settings.name 'bogus'. Valid values: containerInsights.
            DescribeClusters | {"clusters":"{cluster}"} | SerializationException |
            DescribeClusters | {"clusters":["{cluster}"],"include":["BOGUS"]} | InvalidParameterException | Invalid include 'BOGUS'. Valid values: ATTACHMENTS, CONFIGURATIONS, SETTINGS, STATISTICS, TAGS.
            ListClusters | {"maxResults":"5"} | SerializationException |
            ListClusters | {"maxResults":101} | InvalidParameterException | maxResults must be between 1 and 100.
            ListClusters | {"nextToken":"garbage"} | InvalidParameterException | Invalid token garbage
            DeleteCluster | {"cluster":[1]} | SerializationException |
            DeleteCluster | {"cluster":"{badArn}"} | ClusterNotFoundException | Cluster not found.
            DeleteCluster | {"cluster":"{long}"} | ClusterNotFoundException | Cluster not found.
            RegisterTaskDefinition | {"family":"{family}","containerDefinitions":{"name":"app"}} | SerializationException |
            RegisterTaskDefinition | {"family":"{long}","containerDefinitions":[{"name":"app","image":"x","memory":128}]} | ClientException | Family contains invalid characters.
            RegisterTaskDefinition | {"family":"{family}","networkMode":"bogus","containerDefinitions":[{"name":"app","image":"x","memory":128}]} | InvalidParameterException | Invalid networkMode 'bogus'. Valid values: bridge, host, awsvpc, none.
            RegisterTaskDefinition | {"family":"{family}","requiresCompatibilities":["BOGUS"],"containerDefinitions":[{"name":"app","image":"x","memory":128}]} | InvalidParameterException | Invalid requiresCompatibilities 'BOGUS'. Valid values: EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.
            RegisterTaskDefinition | {"family":"{family}","tags":{tags},"containerDefinitions":[{"name":"app","image":"x","memory":128}]} | InvalidParameterException | Too many tags: 51 given, a resource may have at most 50.
            RegisterTaskDefinition | {"family":"{family}","taskRoleArn":"{badArn}","containerDefinitions":[{"name":"app","image":"x","memory":128}]} | ClientException | Role is not valid
            RegisterTaskDefinition | {"family":"{family}","containerDefinitions":[{"name":"{long}","image":"x","memory":128}]} | ClientException | Container.name contains invalid characters.
            DescribeTaskDefinition | {"taskDefinition":true} | SerializationException |
            DescribeTaskDefinition | {"taskDefinition":"{badArn}"} | ClientException | Unable to describe task definition.
            DescribeTaskDefinition | {"taskDefinition":"{family}:99999999999999"} | ClientException | Unable to describe task definition.
            DescribeTaskDefinition | {"taskDefinition":"{family}","include":["BOGUS"]} | InvalidParameterException | Invalid include 'BOGUS'. Valid values: TAGS.
            ListTaskDefinitions | {"sort":1} | SerializationException |
            ListTaskDefinitions | {"sort":"UP"} | InvalidParameterException | Invalid sort 'UP'. Valid values: ASC, DESC.
            ListTaskDefinitions | {"status":"BOGUS"} | InvalidParameterException | Invalid status 'BOGUS'. Valid values: ACTIVE, INACTIVE, DELETE_IN_PROGRESS.
            ListTaskDefinitionFamilies | {"status":[]} | SerializationException |
            ListTaskDefinitionFamilies | {"status":"BOGUS"} | InvalidParameterException | Invalid status 'BOGUS'. Valid values: ACTIVE, INACTIVE, ALL.
            ListTaskDefinitionFamilies | {"maxResults":1000} | InvalidParameterException | maxResults must be between 1 and 100.
            DeregisterTaskDefinition | {"taskDefinition":{}} | SerializationException |
            DeregisterTaskDefinition | {"taskDefinition":"{badArn}"} | ClientException |
            DeregisterTaskDefinition | {"taskDefinition":"{family}:99999999999999"} | ClientException |
            RunTask | {"cluster":"{cluster}","taskDefinition":"{family}","count":"2"} | SerializationException |
            RunTask | {"cluster":"{cluster}","taskDefinition":"{family}","launchType":"BOGUS"} | InvalidParameterException | Invalid launchType 'BOGUS'. Valid values: EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.
            RunTask | {"cluster":"{cluster}","taskDefinition":"{family}","count":11} | InvalidParameterException | Task count can not be greater than 10
            RunTask | {"cluster":"{cluster}","taskDefinition":"{family}","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-12345678"]}},"tags":{tags}} | InvalidParameterException | Too many tags: 51 given, a resource may have at most 50.
            RunTask | {"cluster":"{cluster}","taskDefinition":"{family}","startedBy":"{long}"} | InvalidParameterException | startedBy longer than 36.
            RunTask | {"cluster":"{badArn}","taskDefinition":"{family}"} | ClusterNotFoundException | Cluster not found.
            RunTask | {"cluster":"{cluster}","taskDefinition":"{badArn}"} | ClientException | TaskDefinition not found.
            RunTask | {"cluster":"{cluster}","taskDefinition":"{family}","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-12345678"],"assignPublicIp":"MAYBE"}}} | InvalidParameterException | Invalid networkConfiguration.awsvpcConfiguration.assignPublicIp 'MAYBE'. Valid values: ENABLED, DISABLED.
            StopTask | {"cluster":"{cluster}","task":7} | SerializationException |
            StopTask | {"cluster":"{cluster}","task":"{badArn}"} | InvalidParameterException |
            StopTask | {"cluster":"{cluster}","task":"{task}","reason":"{long}"} | InvalidParameterException | Reason should not be longer than 255 characters.
            DescribeTasks | {"cluster":"{cluster}","tasks":"abc"} | SerializationException |
            DescribeTasks | {"cluster":"{cluster}","tasks":["{task}"],"include":["BOGUS"]} | InvalidParameterException | Invalid include 'BOGUS'. Valid values: TAGS.
            DescribeTasks | {"cluster":"{badArn}","tasks":["{task}"]} | ClusterNotFoundException | Cluster not found.
            ListTasks | {"cluster":"{cluster}","maxResults":true} | SerializationException |
            ListTasks | {"cluster":"{cluster}","desiredStatus":"BOGUS"} | InvalidParameterException | Invalid desiredStatus 'BOGUS'. Valid values: RUNNING, PENDING, STOPPED.
            ListTasks | {"cluster":"{cluster}","nextToken":"zzz"} | InvalidParameterException | Invalid token zzz
            ListTasks | {"cluster":"{cluster}","serviceName":"{long}"} | ServiceNotFoundException | Service not found.
            CreateService | {"cluster":"{cluster}","serviceName":"s-{n}","taskDefinition":"{family}","desiredCount":"one"} | SerializationException |
            CreateService | {"cluster":"{cluster}","serviceName":"{long}","taskDefinition":"{family}","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-12345678"]}}} | InvalidParameterException |
            CreateService | {"cluster":"{cluster}","serviceName":"s-{n}","taskDefinition":"{family}","schedulingStrategy":"BOGUS"} | InvalidParameterException | Invalid schedulingStrategy 'BOGUS'. Valid values: REPLICA, DAEMON.
            CreateService | {"cluster":"{cluster}","serviceName":"s-{n}","taskDefinition":"{family}","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-12345678"]}},"tags":{tags}} | InvalidParameterException | Too many tags: 51 given, a resource may have at most 50.
            CreateService | {"cluster":"{cluster}","serviceName":"s-{n}","taskDefinition":"{badArn}"} | ClientException | TaskDefinition not found.
            DescribeServices | {"cluster":"{cluster}","services":[1]} | SerializationException |
            DescribeServices | {"cluster":"{cluster}","services":["{service}"],"include":["BOGUS"]} | InvalidParameterException | Invalid include 'BOGUS'. Valid values: TAGS.
            UpdateService | {"cluster":"{cluster}","service":"{service}","desiredCount":"3"} | SerializationException |
            UpdateService | {"cluster":"{cluster}","service":"{service}","desiredCount":-1} | InvalidParameterException | Task count can not be lesser than 0
            UpdateService | {"cluster":"{cluster}","service":"{service}","propagateTags":"BOGUS"} | InvalidParameterException | Invalid propagateTags 'BOGUS'. Valid values: TASK_DEFINITION, SERVICE, NONE.
            UpdateService | {"cluster":"{cluster}","service":"{badArn}"} | ServiceNotFoundException | Service not found.
            DeleteService | {"cluster":"{cluster}","service":"{service}","force":"yes"} | SerializationException |
            DeleteService | {"cluster":"{cluster}","service":"{long}"} | ServiceNotFoundException | Service not found.
            ListServices | {"cluster":"{cluster}","maxResults":"10"} | SerializationException |
            ListServices | {"cluster":"{cluster}","launchType":"BOGUS"} | InvalidParameterException | Invalid launchType 'BOGUS'. Valid values: EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES.
            ListServices | {"cluster":"{cluster}","maxResults":0} | InvalidParameterException | maxResults must be between 1 and 100.
            ListContainerInstances | {"cluster":"{cluster}","maxResults":"1"} | SerializationException |
            ListContainerInstances | {"cluster":"{cluster}","status":"BOGUS"} | InvalidParameterException |
            ListContainerInstances | {"cluster":"{badArn}"} | ClusterNotFoundException | Cluster not found.
            TagResource | {"resourceArn":"{clusterArn}","tags":{"k":"v"}} | SerializationException |
            TagResource | {"resourceArn":"{clusterArn}","tags":{tags}} | InvalidParameterException | Too many tags: 51 given, a resource may have at most 50.
            TagResource | {"resourceArn":"{clusterArn}","tags":[{"key":"aws:owner","value":"v"}]} | InvalidParameterException | Invalid tag key 'aws:owner': the aws: prefix is reserved for AWS use.
            TagResource | {"resourceArn":"{clusterArn}","tags":[{"key":"k","value":"{long}"}]} | InvalidParameterException | Invalid value for tag 'k': a tag value may be at most 256 characters long.
            TagResource | {"resourceArn":"{badArn}","tags":[{"key":"k","value":"v"}]} | InvalidParameterException |
            UntagResource | {"resourceArn":"{clusterArn}","tagKeys":"k"} | SerializationException |
            UntagResource | {"resourceArn":"not-an-arn","tagKeys":["k"]} | InvalidParameterException |
            ListTagsForResource | {"resourceArn":["x"]} | SerializationException |
            ListTagsForResource | {"resourceArn":"{badArn}"} | InvalidParameterException |
            ListAccountSettings | {"effectiveSettings":"yes"} | SerializationException |
            ListAccountSettings | {"maxResults":11} | InvalidParameterException | maxResults must be between 1 and 10.
            ListAccountSettings | {"nextToken":"garbage"} | InvalidParameterException | Invalid token garbage
            ListAccountSettings | {"value":"enabled"} | InvalidParameterException |
            ListAccountSettings | {"principalArn":"{badArn}"} | InvalidParameterException |
            PutAccountSetting | {"name":"awsvpcTrunking","value":true} | SerializationException |
            PutAccountSetting | {"name":"bogus","value":"enabled"} | InvalidParameterException | Invalid name 'bogus'. Valid values: serviceLongArnFormat, ...
            PutAccountSetting | {"name":"serviceLongArnFormat","value":"ENABLED"} | InvalidParameterException | Invalid setting 'value'
            PutAccountSetting | {"name":"containerInsights","value":"on"} | InvalidParameterException | Invalid setting 'value'
            PutAccountSetting | {"name":"fargateTaskRetirementWaitPeriod","value":"14"} | InvalidParameterException |
            PutAccountSetting | {"name":"awsvpcTrunking","value":"enabled","principalArn":"arn:aws:iam::999999999999:root"} | InvalidParameterException |
            PutAccountSetting | {"name":"awsvpcTrunking"} | InvalidParameterException | value can not be blank.
            PutAccountSettingDefault | {"value":"enabled"} | InvalidParameterException | name can not be blank.
            PutAccountSettingDefault | {"name":"guardDutyActivate","value":"on"} | InvalidParameterException |
            PutAccountSettingDefault | {"name":"tagResourceAuthorization","value":"enabled"} | InvalidParameterException | Invalid setting 'value'
            DeleteAccountSetting | {"name":["awsvpcTrunking"]} | SerializationException |
            DeleteAccountSetting | {"name":"awsvpcTrunking","principalArn":"not-an-arn"} | InvalidParameterException |
            CreateCapacityProvider | {"name":5,"autoScalingGroupProvider":{"autoScalingGroupArn":"asg"}} | SerializationException |
            CreateCapacityProvider | {"name":"ecs-capacity","autoScalingGroupProvider":{"autoScalingGroupArn":"asg"}} | ClientException | The specified capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed with "aws", "ecs", or "fargate". Specify a valid name and try again.
            CreateCapacityProvider | {"name":"FargateMore","autoScalingGroupProvider":{"autoScalingGroupArn":"asg"}} | ClientException | The specified capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed with "aws", "ecs", or "fargate". Specify a valid name and try again.
            CreateCapacityProvider | {"name":"cp-{n}"} | ClientException | autoScalingGroupProvider can not be null: specify the Auto Scaling group of the capacity provider.
            CreateCapacityProvider | {"name":"cp-{n}","autoScalingGroupProvider":{"autoScalingGroupArn":"asg","managedScaling":{"targetCapacity":0}}} | InvalidParameterException |
            CreateCapacityProvider | {"name":"cp-{n}","autoScalingGroupProvider":{"autoScalingGroupArn":"asg","managedScaling":{"minimumScalingStepSize":5,"maximumScalingStepSize":2}}} | ClientException | The managed scaling setting minimumScalingStepSize (5) is greater than maximumScalingStepSize (2). Specify a minimum step size no greater than the maximum and try again.
            CreateCapacityProvider | {"name":"cp-{n}","autoScalingGroupProvider":{"autoScalingGroupArn":"asg"}} | ClientException | Amazon EC2 Auto Scaling is not available: add dev.drydock:drydock-autoscaling-fixtures to the test classpath to use Auto Scaling group capacity providers.
            DescribeCapacityProviders | {"capacityProviders":"FARGATE"} | SerializationException |
            DescribeCapacityProviders | {"maxResults":11} | InvalidParameterException | maxResults must be between 1 and 10.
            DescribeCapacityProviders | {"include":["BOGUS"]} | InvalidParameterException | Invalid include 'BOGUS'. Valid values: TAGS.
            UpdateCapacityProvider | {"name":"nothing-{n}","autoScalingGroupProvider":{}} | ClientException | The specified capacity provider does not exist. Specify a valid name or ARN and try again.
            UpdateCapacityProvider | {"name":"FARGATE","autoScalingGroupProvider":{"managedDraining":"DISABLED"}} | ClientException |
            UpdateCapacityProvider | {"name":"nothing","autoScalingGroupProvider":{"managedDraining":"SOMETIMES"}} | InvalidParameterException |
            DeleteCapacityProvider | {"capacityProvider":["x"]} | SerializationException |
            DeleteCapacityProvider | {"capacityProvider":"FARGATE_SPOT"} | ClientException | The capacity provider FARGATE_SPOT is an AWS Fargate capacity provider, which every account has and cannot be updated or deleted. Specify an Auto Scaling group capacity provider.
            DeleteCapacityProvider | {"capacityProvider":"nothing-{n}"} | ClientException | The specified capacity provider does not exist. Specify a valid name or ARN and try again.
            """;

    private EcsClient ecs;
    private String cluster;
    private String clusterArn;
    private String family;
    private String service;
    private String task;

    EcsBadInputTest() {
        super(EcsClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        ecs = drydock.client(EcsClient.builder());
        drydock.apply(IamFixtures.role("ecsTaskExecutionRole")
                .managedPolicy("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
        cluster = "bad-input";
        clusterArn = ecs.createCluster(r -> r.clusterName(cluster)).cluster().clusterArn();
        family = "bad";
        ecs.registerTaskDefinition(EcsApiTestBase.fargate(family)
                .tags(Tag.builder().key("team").value("orders").build())
                .build());
        service = "web";
        ecs.createService(r -> r.cluster(cluster)
                .serviceName(service)
                .taskDefinition(family)
                .desiredCount(0)
                .launchType("FARGATE")
                .networkConfiguration(EcsApiTestBase.network())
                .tags(Tag.builder().key("tier").value("web").build()));
        task = ecs.runTask(EcsApiTestBase.runFargate(cluster, family).build())
                .tasks()
                .get(0)
                .taskArn();
        ecs.tagResource(r -> r.resourceArn(clusterArn)
                .tags(Tag.builder().key("env").value("test").build()));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of(
                "cluster", cluster,
                "taskDefinition", family,
                "family", "bad-input-family",
                "service", service,
                "serviceName", "bad-input-service",
                "task", task,
                "resourceArn", clusterArn);
    }

    @Override
    protected List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        CASES.lines().filter(l -> !l.isBlank()).forEach(l -> {
            String[] parts = l.split("\\|", -1);
            String body = parts[1].trim()
                    .replace("{cluster}", cluster)
                    .replace("{clusterArn}", clusterArn)
                    .replace("{family}", family)
                    .replace("{service}", service)
                    .replace("{task}", task)
                    .replace("{tags}", TOO_MANY_TAGS)
                    .replace("{long}", LONG)
                    .replace("{badArn}", BAD_ARN)
                    .replace("{n}", Integer.toString(NAMES_USED.incrementAndGet()));
            String message = parts[3].trim();
            cases.add(jsonCase(parts[0].trim(), body, parts[2].trim(), message.isEmpty() ? null : message));
        });
        return cases;
    }

    /**
     * Everything a bad request could have changed: clusters, definitions, tasks, services, tags, account settings (the
     * test principal's and the root user's).
     */
    @Override
    protected Object state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("clusters", ecs.listClusters().clusterArns());
        s.put("families", ecs.listTaskDefinitionFamilies(r -> r.status("ALL")).families());
        s.put(
                "active definitions",
                ecs.listTaskDefinitions(r -> r.status(TaskDefinitionStatus.ACTIVE))
                        .taskDefinitionArns());
        s.put(
                "inactive definitions",
                ecs.listTaskDefinitions(r -> r.status(TaskDefinitionStatus.INACTIVE))
                        .taskDefinitionArns());
        s.put("running tasks", ecs.listTasks(r -> r.cluster(cluster)).taskArns());
        s.put(
                "stopped tasks",
                ecs.listTasks(r -> r.cluster(cluster).desiredStatus(DesiredStatus.STOPPED))
                        .taskArns());
        s.put("services", ecs.listServices(r -> r.cluster(cluster)).serviceArns());
        s.put(
                "capacity providers",
                ecs.describeCapacityProviders(r -> r.include(CapacityProviderField.TAGS))
                        .capacityProviders());
        Service svc = ecs.describeServices(r -> r.cluster(cluster).services(service))
                .services()
                .get(0);
        s.put(
                "service",
                List.of(
                        svc.status(),
                        svc.desiredCount(),
                        svc.taskDefinition(),
                        svc.deployments().size()));
        s.put(
                "task desired status",
                ecs.describeTasks(r -> r.cluster(cluster).tasks(task))
                        .tasks()
                        .get(0)
                        .desiredStatus());
        for (String principal :
                List.of("arn:aws:iam::123456789012:user/drydock-test", "arn:aws:iam::123456789012:root")) {
            s.put(
                    "account settings of " + principal,
                    ecs.listAccountSettings(r -> r.principalArn(principal)
                                    .effectiveSettings(true)
                                    .maxResults(10))
                            .settings());
            s.put(
                    "account settings set for " + principal,
                    ecs.listAccountSettings(r -> r.principalArn(principal)).settings());
        }
        for (String arn : List.of(
                clusterArn,
                task,
                svc.serviceArn(),
                ecs.describeTaskDefinition(r -> r.taskDefinition(family))
                        .taskDefinition()
                        .taskDefinitionArn())) {
            s.put(
                    "tags of " + arn,
                    ecs.listTagsForResource(r -> r.resourceArn(arn)).tags());
        }
        return s;
    }
}
