package dev.drydock.kms.internal;

import dev.drydock.core.internal.service.ApiRoutes;
import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.JsonService;
import dev.drydock.core.internal.service.Operation;
import dev.drydock.core.internal.service.RequestConstraints;
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
import java.time.Clock;
import software.amazon.awssdk.core.SdkPojo;
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
 * {@code kms}): one handler per operation, the members each requires and the model's constraints (from botocore's
 * {@code kms/2014-11-01/service-2.json}), checked before any handler runs. Built on first use.
 */
public final class KmsApi {
    /** The {@code X-Amz-Target} prefix. */
    public static final String TARGET_PREFIX = "TrentService";

    /** The model's constraints on the members of the implemented operations; violations are ValidationException. */
    static final RequestConstraints CONSTRAINTS = RequestConstraints.builder("ValidationException")
            .required(DescribeKeyRequest.class, "KeyId")
            .required(CreateAliasRequest.class, "AliasName", "TargetKeyId")
            .required(UpdateAliasRequest.class, "AliasName", "TargetKeyId")
            .required(DeleteAliasRequest.class, "AliasName")
            .required(GetKeyPolicyRequest.class, "KeyId")
            .required(PutKeyPolicyRequest.class, "KeyId", "Policy")
            .required(ListKeyPoliciesRequest.class, "KeyId")
            .required(EncryptRequest.class, "KeyId", "Plaintext")
            .required(DecryptRequest.class, "CiphertextBlob")
            .required(ReEncryptRequest.class, "CiphertextBlob", "DestinationKeyId")
            .required(GenerateDataKeyRequest.class, "KeyId")
            .required(GenerateDataKeyWithoutPlaintextRequest.class, "KeyId")
            .required(EnableKeyRequest.class, "KeyId")
            .required(DisableKeyRequest.class, "KeyId")
            .required(ScheduleKeyDeletionRequest.class, "KeyId")
            .required(CancelKeyDeletionRequest.class, "KeyId")
            .required(UpdateKeyDescriptionRequest.class, "KeyId", "Description")
            .required(TagResourceRequest.class, "KeyId", "Tags")
            .required(UntagResourceRequest.class, "KeyId", "TagKeys")
            .required(ListResourceTagsRequest.class, "KeyId")
            .length("KeyId", 1, 2048)
            .length("TargetKeyId", 1, 2048)
            .length("SourceKeyId", 1, 2048)
            .length("DestinationKeyId", 1, 2048)
            .length("AliasName", 1, 256, "^[a-zA-Z0-9:/_-]+$")
            .length("Description", 0, 8192)
            .length("Policy", 1, 131072, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+")
            .length("PolicyName", 1, 128, "[\\w]+")
            .length("Plaintext", 1, 4096)
            .length("CiphertextBlob", 1, 6144)
            .length("TagKey", 1, 128)
            .length("TagValue", 0, 256)
            .length("GrantTokens", 0, 10)
            .range("Limit", 1, 1000)
            .length("Marker", 1, 1024, "[\\u0020-\\u00FF]*")
            .range("NumberOfBytes", 1, 1024)
            .range("PendingWindowInDays", 1, 365)
            .oneOf(
                    "KeySpec",
                    "RSA_2048",
                    "RSA_3072",
                    "RSA_4096",
                    "ECC_NIST_P256",
                    "ECC_NIST_P384",
                    "ECC_NIST_P521",
                    "ECC_SECG_P256K1",
                    "SYMMETRIC_DEFAULT",
                    "HMAC_224",
                    "HMAC_256",
                    "HMAC_384",
                    "HMAC_512",
                    "SM2",
                    "ML_DSA_44",
                    "ML_DSA_65",
                    "ML_DSA_87",
                    "ECC_NIST_EDWARDS25519",
                    "AES_256",
                    "AES_128")
            .oneOf("KeyUsage", "SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT")
            .oneOf("Origin", "AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE")
            .oneOf("EncryptionAlgorithm", "SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE")
            .requiredNested("Tags.TagKey", "Tags.TagValue")
            .sensitive("Plaintext")
            .build();

    private final ApiRoutes routes = new ApiRoutes("kms", CONSTRAINTS);

    public KmsApi(KeyAccess access) {
        route("CreateKey", CreateKeyRequest.class, new CreateKey(access));
        route("DescribeKey", DescribeKeyRequest.class, new DescribeKey(access));
        route("ListKeys", ListKeysRequest.class, new ListKeys(access));
        route("CreateAlias", CreateAliasRequest.class, new CreateAlias(access));
        route("UpdateAlias", UpdateAliasRequest.class, new UpdateAlias(access));
        route("DeleteAlias", DeleteAliasRequest.class, new DeleteAlias(access));
        route("ListAliases", ListAliasesRequest.class, new ListAliases(access));
        route("GetKeyPolicy", GetKeyPolicyRequest.class, new GetKeyPolicy(access));
        route("PutKeyPolicy", PutKeyPolicyRequest.class, new PutKeyPolicy(access));
        route("ListKeyPolicies", ListKeyPoliciesRequest.class, new ListKeyPolicies(access));
        route("Encrypt", EncryptRequest.class, new Encrypt(access));
        route("Decrypt", DecryptRequest.class, new Decrypt(access));
        route("ReEncrypt", ReEncryptRequest.class, new ReEncrypt(access));
        route("GenerateDataKey", GenerateDataKeyRequest.class, new GenerateDataKey(access));
        route(
                "GenerateDataKeyWithoutPlaintext",
                GenerateDataKeyWithoutPlaintextRequest.class,
                new GenerateDataKeyWithoutPlaintext(access));
        route("GenerateRandom", GenerateRandomRequest.class, new GenerateRandom(access));
        route("EnableKey", EnableKeyRequest.class, new EnableKey(access));
        route("DisableKey", DisableKeyRequest.class, new DisableKey(access));
        route("ScheduleKeyDeletion", ScheduleKeyDeletionRequest.class, new ScheduleKeyDeletion(access));
        route("CancelKeyDeletion", CancelKeyDeletionRequest.class, new CancelKeyDeletion(access));
        route("UpdateKeyDescription", UpdateKeyDescriptionRequest.class, new UpdateKeyDescription(access));
        route("TagResource", TagResourceRequest.class, new TagResource(access));
        route("UntagResource", UntagResourceRequest.class, new UntagResource(access));
        route("ListResourceTags", ListResourceTagsRequest.class, new ListResourceTags(access));
    }

    private <I extends SdkPojo, O extends SdkPojo> void route(String name, Class<I> type, Operation<I, O> handler) {
        routes.add(name, type, handler);
    }

    /** The KMS service on Drydock's endpoint. */
    public JsonService service(Clock clock) {
        return routes.addTo(JsonService.builder("kms", TARGET_PREFIX, KmsClient.class)
                        .clock(clock))
                .build();
    }

    /** Calls an operation's handler directly, after the wire's request checks (for fixtures). */
    public <O extends SdkPojo> O call(SdkPojo request, CallContext context) {
        return routes.call(request, context);
    }
}
