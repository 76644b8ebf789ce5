package dev.drydock.core.spi;

import java.util.concurrent.CompletionStage;

/**
 * What the Amazon ECS container agent does on an EC2 instance, for the EC2 instances Drydock launches (EC2 Auto
 * Scaling's): when the instance has booted, the agent registers it as a container instance of the cluster its
 * configuration names ({@code ECS_CLUSTER} in {@code /etc/ecs/ecs.config}, usually written by the user data), and
 * when the instance terminates, the container instance is deregistered. Found with
 * {@code context.module(EcsAgent.class)}; implemented by drydock-ecs-fixtures.
 */
public interface EcsAgent extends ServiceModule {

    /**
     * Registers an EC2 instance as a container instance of {@code cluster}, as the agent's RegisterContainerInstance
     * does (with the instance identity document: its id, type, zone and image; resources from the instance type), with
     * the instance profile it was launched with: its instance metadata service then serves the role's credentials (the
     * agent itself calls ECS with them on AWS, so an instance profile whose role does not exist or does not trust EC2
     * registers nothing).
     *
     * @param cluster the cluster's name (ECS_CLUSTER)
     * @param ec2InstanceId e.g. {@code i-0123456789abcdef0}
     * @param instanceType e.g. {@code m5.large}: its vCPUs and memory are what the container instance offers
     * @param availabilityZone e.g. {@code us-east-1a}
     * @param imageId the AMI, or null
     * @param instanceProfileRole the role of the instance's instance profile (its name or ARN), or null without one
     * @return the container instance's ARN
     * @throws AwsException ECS's error when it refuses (no such cluster, an instance type whose size Drydock does not
     *     know)
     * @throws dev.drydock.core.DrydockException when the instance profile's role does not exist or does not trust EC2
     */
    String registerContainerInstance(
            String cluster,
            String ec2InstanceId,
            String instanceType,
            String availabilityZone,
            String imageId,
            String instanceProfileRole);

    /**
     * Deregisters a container instance whose EC2 instance terminated (DeregisterContainerInstance with force: its
     * tasks are stopped, as when an instance goes away under them).
     *
     * @param cluster the cluster's name
     * @param containerInstanceArn the ARN {@link #registerContainerInstance} answered
     * @throws AwsException ECS's error when the cluster or container instance no longer exists
     */
    void deregisterContainerInstance(String cluster, String containerInstanceArn);

    /**
     * EC2 Auto Scaling is terminating the EC2 instance of a container instance (scale-in): the group keeps the instance
     * {@code Terminating:Wait} until the stage completes, then terminates it. ECS's capacity providers with managed
     * draining drain the instance first (its tasks stopped, services' tasks replaced elsewhere); without them the
     * container instance is deregistered with force and the stage completes at once.
     *
     * @param cluster the cluster's name
     * @param containerInstanceArn the ARN {@link #registerContainerInstance} answered
     * @return completes when the instance may terminate; completing exceptionally lets it terminate too
     */
    CompletionStage<Void> instanceTerminating(String cluster, String containerInstanceArn);
}
