package dev.drydock.secretsmanager.internal;

import dev.drydock.core.spi.JsonService;
import dev.drydock.secretsmanager.SecretsManagerModule;
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
import dev.drydock.secretsmanager.internal.support.SecretAccess;
import java.time.Clock;
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
 * signing name {@code secretsmanager}; https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Operations.html):
 * each implemented operation, its SDK request shape and its handler in {@code operations}. Requests are checked
 * against Secrets Manager's model first, answered with AWS's common {@code ValidationException} as Secrets Manager
 * answers them (sensitive values such as {@code SecretString} left out of the message). Built on first use.
 */
public final class SecretsManagerApi {
    private SecretsManagerApi() {}

    /**
     * The routing table over {@code access}.
     *
     * @param clock stamps each call's {@code receivedAt}
     */
    public static JsonService routingTable(SecretAccess access, Clock clock) {
        return JsonService.builder(
                        SecretsManagerModule.SIGNING_NAME,
                        SecretsManagerModule.TARGET_PREFIX,
                        SecretsManagerClient.class)
                .clock(clock)
                .operation("CreateSecret", CreateSecretRequest.class, new CreateSecret(access))
                .operation("GetSecretValue", GetSecretValueRequest.class, new GetSecretValue(access))
                .operation("BatchGetSecretValue", BatchGetSecretValueRequest.class, new BatchGetSecretValue(access))
                .operation("PutSecretValue", PutSecretValueRequest.class, new PutSecretValue(access))
                .operation("UpdateSecret", UpdateSecretRequest.class, new UpdateSecret(access))
                .operation("DescribeSecret", DescribeSecretRequest.class, new DescribeSecret(access))
                .operation("ListSecrets", ListSecretsRequest.class, new ListSecrets(access))
                .operation("ListSecretVersionIds", ListSecretVersionIdsRequest.class, new ListSecretVersionIds(access))
                .operation(
                        "UpdateSecretVersionStage",
                        UpdateSecretVersionStageRequest.class,
                        new UpdateSecretVersionStage(access))
                .operation("DeleteSecret", DeleteSecretRequest.class, new DeleteSecret(access))
                .operation("RestoreSecret", RestoreSecretRequest.class, new RestoreSecret(access))
                .operation("TagResource", TagResourceRequest.class, new TagResource(access))
                .operation("UntagResource", UntagResourceRequest.class, new UntagResource(access))
                .operation("PutResourcePolicy", PutResourcePolicyRequest.class, new PutResourcePolicy(access))
                .operation("GetResourcePolicy", GetResourcePolicyRequest.class, new GetResourcePolicy(access))
                .operation("DeleteResourcePolicy", DeleteResourcePolicyRequest.class, new DeleteResourcePolicy(access))
                .operation(
                        "ValidateResourcePolicy",
                        ValidateResourcePolicyRequest.class,
                        new ValidateResourcePolicy(access))
                .operation("GetRandomPassword", GetRandomPasswordRequest.class, new GetRandomPassword(access))
                .build();
    }
}
