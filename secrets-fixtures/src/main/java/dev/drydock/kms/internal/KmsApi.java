package dev.drydock.kms.internal;

import dev.drydock.core.spi.JsonService;
import dev.drydock.kms.KmsModule;
import dev.drydock.kms.internal.operations.CancelKeyDeletion;
import dev.drydock.kms.internal.operations.CreateAlias;
import dev.drydock.kms.internal.operations.CreateKey;
import dev.drydock.kms.internal.operations.Decrypt;
import dev.drydock.kms.internal.operations.DeleteAlias;
import dev.drydock.kms.internal.operations.DescribeKey;
import dev.drydock.kms.internal.operations.DisableKey;
import dev.drydock.kms.internal.operations.EnableKey;
import dev.drydock.kms.internal.operations.Encrypt;
import dev.drydock.kms.internal.operations.GenerateDataKey;
import dev.drydock.kms.internal.operations.GenerateDataKeyWithoutPlaintext;
import dev.drydock.kms.internal.operations.GenerateRandom;
import dev.drydock.kms.internal.operations.GetKeyPolicy;
import dev.drydock.kms.internal.operations.ListAliases;
import dev.drydock.kms.internal.operations.ListKeyPolicies;
import dev.drydock.kms.internal.operations.ListKeys;
import dev.drydock.kms.internal.operations.ListResourceTags;
import dev.drydock.kms.internal.operations.PutKeyPolicy;
import dev.drydock.kms.internal.operations.ReEncrypt;
import dev.drydock.kms.internal.operations.ScheduleKeyDeletion;
import dev.drydock.kms.internal.operations.TagResource;
import dev.drydock.kms.internal.operations.UntagResource;
import dev.drydock.kms.internal.operations.UpdateAlias;
import dev.drydock.kms.internal.operations.UpdateKeyDescription;
import dev.drydock.kms.internal.support.KeyAccess;
import java.time.Clock;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CancelKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DeleteAliasRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.EnableKeyRequest;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateRandomRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.ListAliasesRequest;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesRequest;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionRequest;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.kms.model.UpdateAliasRequest;
import software.amazon.awssdk.services.kms.model.UpdateKeyDescriptionRequest;

/**
 * The AWS KMS API's routing table (AWS JSON 1.1, {@code X-Amz-Target: TrentService.<Operation>}, signing name
 * {@code kms}; https://docs.aws.amazon.com/kms/latest/APIReference/API_Operations.html): each implemented operation, its
 * SDK request shape and its handler in {@code operations}. Requests are checked against the KMS model first and
 * answered with AWS's common {@code ValidationException}, as KMS answers them ({@code Plaintext} is sensitive and left
 * out of the message). Built on first use.
 */
public final class KmsApi {
    private KmsApi() {}

    /**
     * The routing table over {@code access}.
     *
     * @param clock stamps each call's {@code receivedAt}
     */
    public static JsonService routingTable(KeyAccess access, Clock clock) {
        return JsonService.builder(KmsModule.SIGNING_NAME, KmsModule.TARGET_PREFIX, KmsClient.class)
                .clock(clock)
                .operation("CreateKey", CreateKeyRequest.class, new CreateKey(access))
                .operation("DescribeKey", DescribeKeyRequest.class, new DescribeKey(access))
                .operation("ListKeys", ListKeysRequest.class, new ListKeys(access))
                .operation("CreateAlias", CreateAliasRequest.class, new CreateAlias(access))
                .operation("UpdateAlias", UpdateAliasRequest.class, new UpdateAlias(access))
                .operation("DeleteAlias", DeleteAliasRequest.class, new DeleteAlias(access))
                .operation("ListAliases", ListAliasesRequest.class, new ListAliases(access))
                .operation("GetKeyPolicy", GetKeyPolicyRequest.class, new GetKeyPolicy(access))
                .operation("PutKeyPolicy", PutKeyPolicyRequest.class, new PutKeyPolicy(access))
                .operation("ListKeyPolicies", ListKeyPoliciesRequest.class, new ListKeyPolicies(access))
                .operation("Encrypt", EncryptRequest.class, new Encrypt(access))
                .operation("Decrypt", DecryptRequest.class, new Decrypt(access))
                .operation("ReEncrypt", ReEncryptRequest.class, new ReEncrypt(access))
                .operation("GenerateDataKey", GenerateDataKeyRequest.class, new GenerateDataKey(access))
                .operation(
                        "GenerateDataKeyWithoutPlaintext",
                        GenerateDataKeyWithoutPlaintextRequest.class,
                        new GenerateDataKeyWithoutPlaintext(access))
                .operation("GenerateRandom", GenerateRandomRequest.class, new GenerateRandom(access))
                .operation("EnableKey", EnableKeyRequest.class, new EnableKey(access))
                .operation("DisableKey", DisableKeyRequest.class, new DisableKey(access))
                .operation("ScheduleKeyDeletion", ScheduleKeyDeletionRequest.class, new ScheduleKeyDeletion(access))
                .operation("CancelKeyDeletion", CancelKeyDeletionRequest.class, new CancelKeyDeletion(access))
                .operation("UpdateKeyDescription", UpdateKeyDescriptionRequest.class, new UpdateKeyDescription(access))
                .operation("TagResource", TagResourceRequest.class, new TagResource(access))
                .operation("UntagResource", UntagResourceRequest.class, new UntagResource(access))
                .operation("ListResourceTags", ListResourceTagsRequest.class, new ListResourceTags(access))
                .build();
    }
}
