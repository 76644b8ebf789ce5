package dev.drydock.ssm.internal;

import dev.drydock.core.internal.service.ApiRoutes;
import dev.drydock.core.internal.service.CallContext;
import dev.drydock.core.internal.service.JsonService;
import dev.drydock.core.internal.service.RequestConstraints;
import dev.drydock.ssm.internal.operations.AddTagsToResource;
import dev.drydock.ssm.internal.operations.DeleteParameter;
import dev.drydock.ssm.internal.operations.DeleteParameters;
import dev.drydock.ssm.internal.operations.DescribeParameters;
import dev.drydock.ssm.internal.operations.GetParameter;
import dev.drydock.ssm.internal.operations.GetParameterHistory;
import dev.drydock.ssm.internal.operations.GetParameters;
import dev.drydock.ssm.internal.operations.GetParametersByPath;
import dev.drydock.ssm.internal.operations.LabelParameterVersion;
import dev.drydock.ssm.internal.operations.ListTagsForResource;
import dev.drydock.ssm.internal.operations.PutParameter;
import dev.drydock.ssm.internal.operations.RemoveTagsFromResource;
import dev.drydock.ssm.internal.operations.UnlabelParameterVersion;
import java.time.Clock;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParameterRequest;
import software.amazon.awssdk.services.ssm.model.DeleteParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionRequest;
import software.amazon.awssdk.services.ssm.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionRequest;

/**
 * The Parameter Store part of the AWS Systems Manager API's routing table (AWS JSON 1.1,
 * {@code X-Amz-Target: AmazonSSM.<Operation>}, signing name {@code ssm}): one handler per operation, the members each
 * requires and the model's constraints (from botocore's {@code ssm/2014-11-06/service-2.json}), checked before any
 * handler runs. Systems Manager's other operations (documents, Run Command, ...) answer NotImplementedException. Built
 * on first use.
 */
public final class SsmApi {
    /** The {@code X-Amz-Target} prefix. */
    public static final String TARGET_PREFIX = "AmazonSSM";

    private static final String TAG_PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$";

    /** The model's constraints on the implemented operations' members; violations are ValidationException. */
    static final RequestConstraints CONSTRAINTS = RequestConstraints.builder("ValidationException")
            .required(PutParameterRequest.class, "Name", "Value")
            .required(GetParameterRequest.class, "Name")
            .required(GetParametersRequest.class, "Names")
            .required(GetParametersByPathRequest.class, "Path")
            .required(GetParameterHistoryRequest.class, "Name")
            .required(DeleteParameterRequest.class, "Name")
            .required(DeleteParametersRequest.class, "Names")
            .required(LabelParameterVersionRequest.class, "Name", "Labels")
            .required(UnlabelParameterVersionRequest.class, "Name", "ParameterVersion", "Labels")
            .required(AddTagsToResourceRequest.class, "ResourceType", "ResourceId", "Tags")
            .required(RemoveTagsFromResourceRequest.class, "ResourceType", "ResourceId", "TagKeys")
            .required(ListTagsForResourceRequest.class, "ResourceType", "ResourceId")
            .length("Name", 1, 2048)
            .length("Names", 1, 10)
            .length("Path", 1, 2048)
            .length("Description", 0, 1024)
            .length("AllowedPattern", 0, 1024)
            .length("KeyId", 1, 256, "^([a-zA-Z0-9:/_-]+)$")
            .length("DataType", 0, 128)
            .length("Labels", 1, 10)
            .length("Policies", 1, 4096)
            .length("Tags", 0, 1000)
            .range("MaxResults", 1, 50)
            .length(GetParametersByPathRequest.class, "MaxResults", 1, 10)
            .length("Option", 1, 10)
            .oneOf("Type", "String", "StringList", "SecureString")
            .oneOf("Tier", "Standard", "Advanced", "Intelligent-Tiering")
            .oneOf(
                    "ResourceType",
                    "Document",
                    "ManagedInstance",
                    "MaintenanceWindow",
                    "Parameter",
                    "PatchBaseline",
                    "OpsItem",
                    "OpsMetadata",
                    "Automation",
                    "Association")
            .length("Tags.Key", 1, 128, TAG_PATTERN)
            .length("Tags.Value", 0, 256, TAG_PATTERN)
            .length("ParameterFilters.Key", 1, 132, "tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType")
            .length("ParameterFilters.Values", 1, 50)
            .oneOf("Filters.Key", "Name", "Type", "KeyId")
            .length("Filters.Values", 1, 50)
            .requiredNested("Tags.Key", "Tags.Value", "ParameterFilters.Key", "Filters.Key", "Filters.Values")
            .sensitive("Value")
            .build();

    private final ApiRoutes routes;

    public SsmApi(ParameterAccess access) {
        routes = new ApiRoutes("ssm", CONSTRAINTS)
                .add("PutParameter", PutParameterRequest.class, new PutParameter(access))
                .add("GetParameter", GetParameterRequest.class, new GetParameter(access))
                .add("GetParameters", GetParametersRequest.class, new GetParameters(access))
                .add("GetParametersByPath", GetParametersByPathRequest.class, new GetParametersByPath(access))
                .add("GetParameterHistory", GetParameterHistoryRequest.class, new GetParameterHistory(access))
                .add("DeleteParameter", DeleteParameterRequest.class, new DeleteParameter(access))
                .add("DeleteParameters", DeleteParametersRequest.class, new DeleteParameters(access))
                .add("DescribeParameters", DescribeParametersRequest.class, new DescribeParameters(access))
                .add("LabelParameterVersion", LabelParameterVersionRequest.class, new LabelParameterVersion(access))
                .add(
                        "UnlabelParameterVersion",
                        UnlabelParameterVersionRequest.class,
                        new UnlabelParameterVersion(access))
                .add("AddTagsToResource", AddTagsToResourceRequest.class, new AddTagsToResource(access))
                .add("RemoveTagsFromResource", RemoveTagsFromResourceRequest.class, new RemoveTagsFromResource(access))
                .add("ListTagsForResource", ListTagsForResourceRequest.class, new ListTagsForResource(access));
    }

    /** The Parameter Store service on Drydock's endpoint. */
    public JsonService service(Clock clock) {
        return routes.addTo(JsonService.builder("ssm", TARGET_PREFIX, SsmClient.class)
                        .clock(clock))
                .build();
    }

    /** Calls an operation's handler directly, after the wire's request checks (fixtures, other services). */
    public <O extends SdkPojo> O call(SdkPojo request, CallContext context) {
        return routes.call(request, context);
    }
}
