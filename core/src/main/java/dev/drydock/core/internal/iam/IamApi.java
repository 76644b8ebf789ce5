package dev.drydock.core.internal.iam;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.iam.operations.AttachRolePolicy;
import dev.drydock.core.internal.iam.operations.CreatePolicy;
import dev.drydock.core.internal.iam.operations.CreatePolicyVersion;
import dev.drydock.core.internal.iam.operations.CreateRole;
import dev.drydock.core.internal.iam.operations.DeletePolicy;
import dev.drydock.core.internal.iam.operations.DeletePolicyVersion;
import dev.drydock.core.internal.iam.operations.DeleteRole;
import dev.drydock.core.internal.iam.operations.DeleteRolePermissionsBoundary;
import dev.drydock.core.internal.iam.operations.DeleteRolePolicy;
import dev.drydock.core.internal.iam.operations.DetachRolePolicy;
import dev.drydock.core.internal.iam.operations.GetPolicy;
import dev.drydock.core.internal.iam.operations.GetPolicyVersion;
import dev.drydock.core.internal.iam.operations.GetRole;
import dev.drydock.core.internal.iam.operations.GetRolePolicy;
import dev.drydock.core.internal.iam.operations.GetUser;
import dev.drydock.core.internal.iam.operations.ListAttachedRolePolicies;
import dev.drydock.core.internal.iam.operations.ListPolicies;
import dev.drydock.core.internal.iam.operations.ListPolicyTags;
import dev.drydock.core.internal.iam.operations.ListPolicyVersions;
import dev.drydock.core.internal.iam.operations.ListRolePolicies;
import dev.drydock.core.internal.iam.operations.ListRoleTags;
import dev.drydock.core.internal.iam.operations.ListRoles;
import dev.drydock.core.internal.iam.operations.PutRolePermissionsBoundary;
import dev.drydock.core.internal.iam.operations.PutRolePolicy;
import dev.drydock.core.internal.iam.operations.SetDefaultPolicyVersion;
import dev.drydock.core.internal.iam.operations.SimulateCustomPolicy;
import dev.drydock.core.internal.iam.operations.SimulatePrincipalPolicy;
import dev.drydock.core.internal.iam.operations.TagPolicy;
import dev.drydock.core.internal.iam.operations.TagRole;
import dev.drydock.core.internal.iam.operations.UntagPolicy;
import dev.drydock.core.internal.iam.operations.UntagRole;
import dev.drydock.core.internal.iam.operations.UpdateAssumeRolePolicy;
import dev.drydock.core.internal.iam.operations.UpdateRole;
import dev.drydock.core.internal.iam.operations.UpdateRoleDescription;
import dev.drydock.core.internal.service.QueryProtocol;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.ValidationStyle;
import dev.drydock.core.spi.Violation;
import java.time.Clock;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;

/**
 * The IAM API's routing table (AWS query protocol, version 2010-05-08): each implemented operation, its SDK request
 * shape, the members IAM requires (the SDK's query models do not mark them) and its handler in {@code operations}
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Operations.html). Credentials from STS GetSessionToken
 * cannot call IAM (see {@link #guarded}).
 */
public final class IamApi {
    /** The IAM API version. */
    public static final String VERSION = "2010-05-08";
    /** The namespace of IAM's XML answers. */
    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private IamApi() {}

    /** The IAM API over {@code iam}: roles, managed policies, users (GetUser), the policy simulator. */
    public static QueryProtocol routingTable(IamBackend iam, Clock clock) {
        return QueryProtocol.builder("iam", VERSION, NAMESPACE, IamClient.class)
                .clock(clock)
                // IAM words a bad path in its own way (IamErrors.path), not with its model's pattern
                .validation(ValidationStyle.awsValidation("ValidationError")
                        .withHandlerCheck("*", "Path", Violation.Kind.PATTERN))
                .operation(
                        "CreateRole",
                        CreateRoleRequest.class,
                        guarded(new CreateRole(iam)),
                        "RoleName",
                        "AssumeRolePolicyDocument")
                .operation("GetRole", GetRoleRequest.class, guarded(new GetRole(iam)), "RoleName")
                .operation("DeleteRole", DeleteRoleRequest.class, guarded(new DeleteRole(iam)), "RoleName")
                .operation("ListRoles", ListRolesRequest.class, guarded(new ListRoles(iam)))
                .operation("UpdateRole", UpdateRoleRequest.class, guarded(new UpdateRole(iam)), "RoleName")
                .operation(
                        "UpdateRoleDescription",
                        UpdateRoleDescriptionRequest.class,
                        guarded(new UpdateRoleDescription(iam)),
                        "RoleName",
                        "Description")
                .operation(
                        "UpdateAssumeRolePolicy",
                        UpdateAssumeRolePolicyRequest.class,
                        guarded(new UpdateAssumeRolePolicy(iam)),
                        "RoleName",
                        "PolicyDocument")
                .operation(
                        "PutRolePolicy",
                        PutRolePolicyRequest.class,
                        guarded(new PutRolePolicy(iam)),
                        "RoleName",
                        "PolicyName",
                        "PolicyDocument")
                .operation(
                        "GetRolePolicy",
                        GetRolePolicyRequest.class,
                        guarded(new GetRolePolicy(iam)),
                        "RoleName",
                        "PolicyName")
                .operation(
                        "DeleteRolePolicy",
                        DeleteRolePolicyRequest.class,
                        guarded(new DeleteRolePolicy(iam)),
                        "RoleName",
                        "PolicyName")
                .operation(
                        "ListRolePolicies",
                        ListRolePoliciesRequest.class,
                        guarded(new ListRolePolicies(iam)),
                        "RoleName")
                .operation(
                        "AttachRolePolicy",
                        AttachRolePolicyRequest.class,
                        guarded(new AttachRolePolicy(iam)),
                        "RoleName",
                        "PolicyArn")
                .operation(
                        "DetachRolePolicy",
                        DetachRolePolicyRequest.class,
                        guarded(new DetachRolePolicy(iam)),
                        "RoleName",
                        "PolicyArn")
                .operation(
                        "ListAttachedRolePolicies",
                        ListAttachedRolePoliciesRequest.class,
                        guarded(new ListAttachedRolePolicies(iam)),
                        "RoleName")
                .operation(
                        "PutRolePermissionsBoundary",
                        PutRolePermissionsBoundaryRequest.class,
                        guarded(new PutRolePermissionsBoundary(iam)),
                        "RoleName",
                        "PermissionsBoundary")
                .operation(
                        "DeleteRolePermissionsBoundary",
                        DeleteRolePermissionsBoundaryRequest.class,
                        guarded(new DeleteRolePermissionsBoundary(iam)),
                        "RoleName")
                .operation("TagRole", TagRoleRequest.class, guarded(new TagRole(iam)), "RoleName", "Tags")
                .operation("UntagRole", UntagRoleRequest.class, guarded(new UntagRole(iam)), "RoleName", "TagKeys")
                .operation("ListRoleTags", ListRoleTagsRequest.class, guarded(new ListRoleTags(iam)), "RoleName")
                .operation(
                        "CreatePolicy",
                        CreatePolicyRequest.class,
                        guarded(new CreatePolicy(iam)),
                        "PolicyName",
                        "PolicyDocument")
                .operation("GetPolicy", GetPolicyRequest.class, guarded(new GetPolicy(iam)), "PolicyArn")
                .operation("DeletePolicy", DeletePolicyRequest.class, guarded(new DeletePolicy(iam)), "PolicyArn")
                .operation("ListPolicies", ListPoliciesRequest.class, guarded(new ListPolicies(iam)))
                .operation(
                        "GetPolicyVersion",
                        GetPolicyVersionRequest.class,
                        guarded(new GetPolicyVersion(iam)),
                        "PolicyArn",
                        "VersionId")
                .operation(
                        "CreatePolicyVersion",
                        CreatePolicyVersionRequest.class,
                        guarded(new CreatePolicyVersion(iam)),
                        "PolicyArn",
                        "PolicyDocument")
                .operation(
                        "ListPolicyVersions",
                        ListPolicyVersionsRequest.class,
                        guarded(new ListPolicyVersions(iam)),
                        "PolicyArn")
                .operation(
                        "DeletePolicyVersion",
                        DeletePolicyVersionRequest.class,
                        guarded(new DeletePolicyVersion(iam)),
                        "PolicyArn",
                        "VersionId")
                .operation(
                        "SetDefaultPolicyVersion",
                        SetDefaultPolicyVersionRequest.class,
                        guarded(new SetDefaultPolicyVersion(iam)),
                        "PolicyArn",
                        "VersionId")
                .operation("TagPolicy", TagPolicyRequest.class, guarded(new TagPolicy(iam)), "PolicyArn", "Tags")
                .operation(
                        "UntagPolicy", UntagPolicyRequest.class, guarded(new UntagPolicy(iam)), "PolicyArn", "TagKeys")
                .operation("ListPolicyTags", ListPolicyTagsRequest.class, guarded(new ListPolicyTags(iam)), "PolicyArn")
                .operation("GetUser", GetUserRequest.class, guarded(new GetUser(iam)))
                .operation(
                        "SimulatePrincipalPolicy",
                        SimulatePrincipalPolicyRequest.class,
                        guarded(new SimulatePrincipalPolicy(iam)),
                        "PolicySourceArn",
                        "ActionNames")
                .operation(
                        "SimulateCustomPolicy",
                        SimulateCustomPolicyRequest.class,
                        guarded(new SimulateCustomPolicy(iam)),
                        "PolicyInputList",
                        "ActionNames")
                .build();
    }

    /**
     * An IAM operation that credentials from STS GetSessionToken cannot call: IAM answers them InvalidClientTokenId
     * "The security token included in the request is invalid" (403) unless MFA was used, which Drydock does not
     * model (aws/aws-sdk-js#460, cloudyr/aws.iam#15; IAM User Guide, "Comparing the AWS STS API operations").
     */
    private static <I extends SdkPojo, O extends SdkPojo> Operation<I, O> guarded(Operation<I, O> operation) {
        return (request, context) -> {
            rejectUserSessionCredentials(context);
            return operation.call(request, context);
        };
    }

    private static void rejectUserSessionCredentials(CallContext context) {
        if (AuthenticatedCaller.principalOf(context.caller()).type() == Principal.Type.USER
                && context.caller().accessKeyId().startsWith("ASIA")) {
            throw new AwsException(
                    "InvalidClientTokenId", 403, "The security token included in the request is " + "invalid");
        }
    }
}
