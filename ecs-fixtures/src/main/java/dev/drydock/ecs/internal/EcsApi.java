package dev.drydock.ecs.internal;

import dev.drydock.core.spi.JsonService;
import dev.drydock.ecs.EcsModule;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.capacity.AutoScalingCalls;
import dev.drydock.ecs.internal.capacity.ManagedScalingPolicies;
import dev.drydock.ecs.internal.operations.CreateCapacityProvider;
import dev.drydock.ecs.internal.operations.CreateCluster;
import dev.drydock.ecs.internal.operations.CreateService;
import dev.drydock.ecs.internal.operations.DeleteAccountSetting;
import dev.drydock.ecs.internal.operations.DeleteAttributes;
import dev.drydock.ecs.internal.operations.DeleteCapacityProvider;
import dev.drydock.ecs.internal.operations.DeleteCluster;
import dev.drydock.ecs.internal.operations.DeleteService;
import dev.drydock.ecs.internal.operations.DeregisterContainerInstance;
import dev.drydock.ecs.internal.operations.DeregisterTaskDefinition;
import dev.drydock.ecs.internal.operations.DescribeCapacityProviders;
import dev.drydock.ecs.internal.operations.DescribeClusters;
import dev.drydock.ecs.internal.operations.DescribeContainerInstances;
import dev.drydock.ecs.internal.operations.DescribeServices;
import dev.drydock.ecs.internal.operations.DescribeTaskDefinition;
import dev.drydock.ecs.internal.operations.DescribeTasks;
import dev.drydock.ecs.internal.operations.ListAccountSettings;
import dev.drydock.ecs.internal.operations.ListAttributes;
import dev.drydock.ecs.internal.operations.ListClusters;
import dev.drydock.ecs.internal.operations.ListContainerInstances;
import dev.drydock.ecs.internal.operations.ListServices;
import dev.drydock.ecs.internal.operations.ListTagsForResource;
import dev.drydock.ecs.internal.operations.ListTaskDefinitionFamilies;
import dev.drydock.ecs.internal.operations.ListTaskDefinitions;
import dev.drydock.ecs.internal.operations.ListTasks;
import dev.drydock.ecs.internal.operations.PutAccountSetting;
import dev.drydock.ecs.internal.operations.PutAccountSettingDefault;
import dev.drydock.ecs.internal.operations.PutAttributes;
import dev.drydock.ecs.internal.operations.PutClusterCapacityProviders;
import dev.drydock.ecs.internal.operations.RegisterContainerInstance;
import dev.drydock.ecs.internal.operations.RegisterTaskDefinition;
import dev.drydock.ecs.internal.operations.RunTask;
import dev.drydock.ecs.internal.operations.StartTask;
import dev.drydock.ecs.internal.operations.StopTask;
import dev.drydock.ecs.internal.operations.SubmitAttachmentStateChanges;
import dev.drydock.ecs.internal.operations.SubmitContainerStateChange;
import dev.drydock.ecs.internal.operations.SubmitTaskStateChange;
import dev.drydock.ecs.internal.operations.TagResource;
import dev.drydock.ecs.internal.operations.UntagResource;
import dev.drydock.ecs.internal.operations.UpdateCapacityProvider;
import dev.drydock.ecs.internal.operations.UpdateCluster;
import dev.drydock.ecs.internal.operations.UpdateClusterSettings;
import dev.drydock.ecs.internal.operations.UpdateContainerInstancesState;
import dev.drydock.ecs.internal.operations.UpdateService;
import dev.drydock.ecs.internal.support.AccountPrincipals;
import dev.drydock.ecs.internal.support.TaskRoles;
import java.time.Clock;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CreateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAttributesRequest;
import software.amazon.awssdk.services.ecs.model.DeleteCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.DeleteClusterRequest;
import software.amazon.awssdk.services.ecs.model.DeleteServiceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.DeregisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsRequest;
import software.amazon.awssdk.services.ecs.model.ListAttributesRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListContainerInstancesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionFamiliesRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.PutAttributesRequest;
import software.amazon.awssdk.services.ecs.model.PutClusterCapacityProvidersRequest;
import software.amazon.awssdk.services.ecs.model.RegisterContainerInstanceRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.StartTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.SubmitAttachmentStateChangesRequest;
import software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateCapacityProviderRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsRequest;
import software.amazon.awssdk.services.ecs.model.UpdateContainerInstancesStateRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The ECS API's routing table (AWS JSON 1.1, {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>}):
 * each implemented operation, its SDK request shape and its handler in {@code operations}
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Operations.html). A member ECS requires but the
 * SDK's model does not mark is refused as ECS refuses it ({@link EcsErrors#missingMember}); every request passes
 * {@link EcsRequestChecks} before its handler. docs/ecs-operations.md lists what is implemented.
 */
public final class EcsApi {
    private EcsApi() {}

    /**
     * The routing table over {@code backend}.
     *
     * @param taskRoles the task role check RunTask, CreateService and UpdateService make
     * @param principals whose account settings a call without principalArn addresses
     * @param clock stamps each call's {@code receivedAt}
     * @param autoScaling what ECS asks EC2 Auto Scaling about capacity providers' groups
     * @param policies ECS's target tracking policies on those groups
     */
    public static JsonService routingTable(
            EcsBackend backend,
            TaskRoles taskRoles,
            AccountPrincipals principals,
            Clock clock,
            AutoScalingCalls autoScaling,
            ManagedScalingPolicies policies) {
        return JsonService.builder("ecs", EcsModule.TARGET_PREFIX, EcsClient.class)
                .clock(clock)
                .validation(EcsErrors.VALIDATION)
                .requestCheck(EcsRequestChecks::check)
                .operation("CreateCluster", CreateClusterRequest.class, new CreateCluster(backend, policies))
                .operation("DescribeClusters", DescribeClustersRequest.class, new DescribeClusters(backend))
                .operation("ListClusters", ListClustersRequest.class, new ListClusters(backend))
                .operation("DeleteCluster", DeleteClusterRequest.class, new DeleteCluster(backend))
                .operation("UpdateCluster", UpdateClusterRequest.class, new UpdateCluster(backend))
                .operation(
                        "UpdateClusterSettings", UpdateClusterSettingsRequest.class, new UpdateClusterSettings(backend))
                .operation(
                        "PutClusterCapacityProviders",
                        PutClusterCapacityProvidersRequest.class,
                        new PutClusterCapacityProviders(backend, policies))
                .operation(
                        "CreateCapacityProvider",
                        CreateCapacityProviderRequest.class,
                        new CreateCapacityProvider(backend, autoScaling, policies))
                .operation(
                        "DescribeCapacityProviders",
                        DescribeCapacityProvidersRequest.class,
                        new DescribeCapacityProviders(backend))
                .operation(
                        "UpdateCapacityProvider",
                        UpdateCapacityProviderRequest.class,
                        new UpdateCapacityProvider(backend, autoScaling, policies))
                .operation(
                        "DeleteCapacityProvider",
                        DeleteCapacityProviderRequest.class,
                        new DeleteCapacityProvider(backend, policies))
                .operation(
                        "RegisterTaskDefinition",
                        RegisterTaskDefinitionRequest.class,
                        new RegisterTaskDefinition(backend))
                .operation(
                        "DescribeTaskDefinition",
                        DescribeTaskDefinitionRequest.class,
                        new DescribeTaskDefinition(backend))
                .operation("ListTaskDefinitions", ListTaskDefinitionsRequest.class, new ListTaskDefinitions(backend))
                .operation(
                        "ListTaskDefinitionFamilies",
                        ListTaskDefinitionFamiliesRequest.class,
                        new ListTaskDefinitionFamilies(backend))
                .operation(
                        "DeregisterTaskDefinition",
                        DeregisterTaskDefinitionRequest.class,
                        new DeregisterTaskDefinition(backend))
                .operation("RunTask", RunTaskRequest.class, new RunTask(backend, taskRoles))
                .operation("StartTask", StartTaskRequest.class, new StartTask(backend, taskRoles))
                .operation("StopTask", StopTaskRequest.class, new StopTask(backend))
                .operation("DescribeTasks", DescribeTasksRequest.class, new DescribeTasks(backend))
                .operation("ListTasks", ListTasksRequest.class, new ListTasks(backend))
                .operation(
                        "CreateService",
                        CreateServiceRequest.class,
                        new CreateService(backend, taskRoles),
                        "taskDefinition")
                .operation("DescribeServices", DescribeServicesRequest.class, new DescribeServices(backend))
                .operation("UpdateService", UpdateServiceRequest.class, new UpdateService(backend, taskRoles))
                .operation("DeleteService", DeleteServiceRequest.class, new DeleteService(backend))
                .operation("ListServices", ListServicesRequest.class, new ListServices(backend))
                .operation(
                        "RegisterContainerInstance",
                        RegisterContainerInstanceRequest.class,
                        new RegisterContainerInstance(backend, autoScaling))
                .operation(
                        "DeregisterContainerInstance",
                        DeregisterContainerInstanceRequest.class,
                        new DeregisterContainerInstance(backend))
                .operation(
                        "DescribeContainerInstances",
                        DescribeContainerInstancesRequest.class,
                        new DescribeContainerInstances(backend))
                .operation(
                        "ListContainerInstances",
                        ListContainerInstancesRequest.class,
                        new ListContainerInstances(backend))
                .operation(
                        "UpdateContainerInstancesState",
                        UpdateContainerInstancesStateRequest.class,
                        new UpdateContainerInstancesState(backend))
                .operation("PutAttributes", PutAttributesRequest.class, new PutAttributes(backend))
                .operation("DeleteAttributes", DeleteAttributesRequest.class, new DeleteAttributes(backend))
                .operation("ListAttributes", ListAttributesRequest.class, new ListAttributes(backend))
                .operation(
                        "SubmitTaskStateChange", SubmitTaskStateChangeRequest.class, new SubmitTaskStateChange(backend))
                .operation(
                        "SubmitContainerStateChange",
                        SubmitContainerStateChangeRequest.class,
                        new SubmitContainerStateChange(backend))
                .operation(
                        "SubmitAttachmentStateChanges",
                        SubmitAttachmentStateChangesRequest.class,
                        new SubmitAttachmentStateChanges(backend))
                .operation("TagResource", TagResourceRequest.class, new TagResource(backend))
                .operation("UntagResource", UntagResourceRequest.class, new UntagResource(backend))
                .operation("ListTagsForResource", ListTagsForResourceRequest.class, new ListTagsForResource(backend))
                .operation(
                        "ListAccountSettings",
                        ListAccountSettingsRequest.class,
                        new ListAccountSettings(backend, principals))
                .operation(
                        "PutAccountSetting", PutAccountSettingRequest.class, new PutAccountSetting(backend, principals))
                .operation(
                        "PutAccountSettingDefault",
                        PutAccountSettingDefaultRequest.class,
                        new PutAccountSettingDefault(backend))
                .operation(
                        "DeleteAccountSetting",
                        DeleteAccountSettingRequest.class,
                        new DeleteAccountSetting(backend, principals))
                .build();
    }
}
