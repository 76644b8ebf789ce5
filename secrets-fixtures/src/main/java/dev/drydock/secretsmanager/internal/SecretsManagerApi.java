package dev.drydock.secretsmanager.internal;

import dev.drydock.core.internal.service.ApiRoutes;
import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.JsonService;
import dev.drydock.core.internal.service.RequestConstraints;
import dev.drydock.secretsmanager.internal.operations.BatchGetSecretValue;
import dev.drydock.secretsmanager.internal.operations.CreateSecret;
import dev.drydock.secretsmanager.internal.operations.DeleteResourcePolicy;
import dev.drydock.secretsmanager.internal.operations.DeleteSecret;
import dev.drydock.secretsmanager.internal.operations.DescribeSecret;
import dev.drydock.secretsmanager.internal.operations.GetRandomPassword;
import dev.drydock.secretsmanager.internal.operations.GetResourcePolicy;
import dev.drydock.secretsmanager.internal.operations.GetSecretValue;
import dev.drydock.secretsmanager.internal.operations.ListSecretVersionIds;
import dev.drydock.secretsmanager.internal.operations.ListSecrets;
import dev.drydock.secretsmanager.internal.operations.PutResourcePolicy;
import dev.drydock.secretsmanager.internal.operations.PutSecretValue;
import dev.drydock.secretsmanager.internal.operations.RestoreSecret;
import dev.drydock.secretsmanager.internal.operations.TagResource;
import dev.drydock.secretsmanager.internal.operations.UntagResource;
import dev.drydock.secretsmanager.internal.operations.UpdateSecret;
import dev.drydock.secretsmanager.internal.operations.UpdateSecretVersionStage;
import dev.drydock.secretsmanager.internal.operations.ValidateResourcePolicy;
import java.time.Clock;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyRequest;

/**
 * The AWS Secrets Manager API's routing table (AWS JSON 1.1, {@code X-Amz-Target: secretsmanager.<Operation>},
 * signing name {@code secretsmanager}): one handler per operation, the members each requires and the model's
 * constraints (from botocore's {@code secretsmanager/2017-10-17/service-2.json}), checked before any handler runs.
 * Built on first use.
 */
public final class SecretsManagerApi {
    /** The {@code X-Amz-Target} prefix. */
    public static final String TARGET_PREFIX = "secretsmanager";

    /** The model's constraints on the implemented operations' members; violations are ValidationException. */
    static final RequestConstraints CONSTRAINTS = RequestConstraints.builder("ValidationException")
            .required(CreateSecretRequest.class, "Name")
            .required(GetSecretValueRequest.class, "SecretId")
            .required(PutSecretValueRequest.class, "SecretId")
            .required(UpdateSecretRequest.class, "SecretId")
            .required(DescribeSecretRequest.class, "SecretId")
            .required(ListSecretVersionIdsRequest.class, "SecretId")
            .required(UpdateSecretVersionStageRequest.class, "SecretId", "VersionStage")
            .required(DeleteSecretRequest.class, "SecretId")
            .required(RestoreSecretRequest.class, "SecretId")
            .required(TagResourceRequest.class, "SecretId", "Tags")
            .required(UntagResourceRequest.class, "SecretId", "TagKeys")
            .required(PutResourcePolicyRequest.class, "SecretId", "ResourcePolicy")
            .required(GetResourcePolicyRequest.class, "SecretId")
            .required(DeleteResourcePolicyRequest.class, "SecretId")
            .required(ValidateResourcePolicyRequest.class, "ResourcePolicy")
            .length("Name", 1, 512)
            .length("SecretId", 1, 2048)
            .length("SecretIdList", 1, 20)
            .length("ClientRequestToken", 32, 64)
            .length("VersionId", 32, 64)
            .length("MoveToVersionId", 32, 64)
            .length("RemoveFromVersionId", 32, 64)
            .length("VersionStage", 1, 256)
            .length("VersionStages", 1, 20)
            .length("Description", 0, 2048)
            .length("KmsKeyId", 0, 2048)
            .length("SecretString", 1, 65536)
            .length("SecretBinary", 1, 65536)
            .length("ResourcePolicy", 1, 20480)
            .length("NextToken", 1, 4096)
            .range("MaxResults", 1, 100)
            .length(BatchGetSecretValueRequest.class, "MaxResults", 1, 20)
            .length("Filters", 0, 10)
            .length("Values", 1, 10)
            .range("PasswordLength", 1, 4096)
            .length("ExcludeCharacters", 0, 4096)
            .oneOf("SortOrder", "asc", "desc")
            .length("Tags.Key", 1, 128)
            .length("Tags.Value", 0, 256)
            .oneOf(
                    "Filters.Key",
                    "description",
                    "name",
                    "tag-key",
                    "tag-value",
                    "primary-region",
                    "owning-service",
                    "all")
            .sensitive("SecretString", "SecretBinary")
            .build();

    private final ApiRoutes routes;

    public SecretsManagerApi(SecretAccess access) {
        routes = new ApiRoutes("secretsmanager", CONSTRAINTS)
                .add("CreateSecret", CreateSecretRequest.class, new CreateSecret(access))
                .add("GetSecretValue", GetSecretValueRequest.class, new GetSecretValue(access))
                .add("BatchGetSecretValue", BatchGetSecretValueRequest.class, new BatchGetSecretValue(access))
                .add("PutSecretValue", PutSecretValueRequest.class, new PutSecretValue(access))
                .add("UpdateSecret", UpdateSecretRequest.class, new UpdateSecret(access))
                .add("DescribeSecret", DescribeSecretRequest.class, new DescribeSecret(access))
                .add("ListSecrets", ListSecretsRequest.class, new ListSecrets(access))
                .add("ListSecretVersionIds", ListSecretVersionIdsRequest.class, new ListSecretVersionIds(access))
                .add(
                        "UpdateSecretVersionStage",
                        UpdateSecretVersionStageRequest.class,
                        new UpdateSecretVersionStage(access))
                .add("DeleteSecret", DeleteSecretRequest.class, new DeleteSecret(access))
                .add("RestoreSecret", RestoreSecretRequest.class, new RestoreSecret(access))
                .add("TagResource", TagResourceRequest.class, new TagResource(access))
                .add("UntagResource", UntagResourceRequest.class, new UntagResource(access))
                .add("PutResourcePolicy", PutResourcePolicyRequest.class, new PutResourcePolicy(access))
                .add("GetResourcePolicy", GetResourcePolicyRequest.class, new GetResourcePolicy(access))
                .add("DeleteResourcePolicy", DeleteResourcePolicyRequest.class, new DeleteResourcePolicy(access))
                .add("ValidateResourcePolicy", ValidateResourcePolicyRequest.class, new ValidateResourcePolicy(access))
                .add("GetRandomPassword", GetRandomPasswordRequest.class, new GetRandomPassword(access));
    }

    /** The Secrets Manager service on Drydock's endpoint. */
    public JsonService service(Clock clock) {
        return routes.addTo(JsonService.builder("secretsmanager", TARGET_PREFIX, SecretsManagerClient.class)
                        .clock(clock))
                .build();
    }

    /** Calls an operation's handler directly, after the wire's request checks (for fixtures). */
    public <O extends SdkPojo> O call(SdkPojo request, CallContext context) {
        return routes.call(request, context);
    }
}
