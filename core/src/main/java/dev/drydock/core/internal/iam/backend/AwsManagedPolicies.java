package dev.drydock.core.internal.iam.backend;

import java.time.Instant;
import java.util.List;

/**
 * The AWS managed policies Drydock knows, with the documents AWS publishes for them. Attaching any other
 * {@code arn:aws:iam::aws:policy/...} answers NoSuchEntity; write the policy you need as a customer managed or inline
 * policy instead.
 */
public final class AwsManagedPolicies {
    /** {@code arn:aws:iam::aws:policy/AdministratorAccess}: every action on every resource. */
    public static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
    /** {@code arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy}: ECR pulls and CloudWatch logs. */
    public static final String ECS_TASK_EXECUTION =
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
    /** {@code arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly}. */
    public static final String ECR_READ_ONLY = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly";

    private AwsManagedPolicies() {}

    static List<ManagedPolicyRecord> all(Instant now) {
        return List.of(
                policy(
                        "AdministratorAccess",
                        "/",
                        ADMINISTRATOR_ACCESS,
                        "ANPAIWMBCKSKIEE64ZLYK",
                        now,
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                                + "\"Resource\":\"*\"}]}"),
                policy(
                        "AmazonECSTaskExecutionRolePolicy",
                        "/service-role/",
                        ECS_TASK_EXECUTION,
                        "ANPAJG4T4G4PV56DE72PY",
                        now,
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                                + "\"ecr:GetAuthorizationToken\",\"ecr:BatchCheckLayerAvailability\","
                                + "\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchGetImage\",\"logs:CreateLogStream\","
                                + "\"logs:PutLogEvents\"],\"Resource\":\"*\"}]}"),
                policy(
                        "AmazonEC2ContainerRegistryReadOnly",
                        "/",
                        ECR_READ_ONLY,
                        "ANPAIFYZPA37OOHVIH7KQ",
                        now,
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                                + "\"ecr:GetAuthorizationToken\",\"ecr:BatchCheckLayerAvailability\","
                                + "\"ecr:GetDownloadUrlForLayer\",\"ecr:GetRepositoryPolicy\","
                                + "\"ecr:DescribeRepositories\",\"ecr:ListImages\",\"ecr:DescribeImages\","
                                + "\"ecr:BatchGetImage\",\"ecr:GetLifecyclePolicy\",\"ecr:GetLifecyclePolicyPreview\","
                                + "\"ecr:ListTagsForResource\",\"ecr:DescribeImageScanFindings\"],\"Resource\":\"*\"}]}"));
    }

    private static ManagedPolicyRecord policy(
            String name, String path, String arn, String id, Instant now, String json) {
        return new ManagedPolicyRecord(name, path, arn, id, true, now, json, null);
    }
}
