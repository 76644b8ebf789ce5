package dev.drydock.ssm.internal;

import dev.drydock.core.spi.JsonService;
import dev.drydock.ssm.SsmModule;
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
import dev.drydock.ssm.internal.support.ParameterAccess;
import java.time.Clock;
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
 * The Parameter Store part of the AWS Systems Manager API's routing table (AWS JSON 1.1, {@code X-Amz-Target:
 * AmazonSSM.<Operation>}, signing name {@code ssm};
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_Operations.html): each implemented operation, its
 * SDK request shape and its handler in {@code operations}. Requests are checked against the Systems Manager model
 * first and answered with AWS's common {@code ValidationException}, as SSM answers them (a parameter's
 * {@code Value} is sensitive and left out of the message). The rest of Systems Manager answers NotImplementedException.
 * Built on first use.
 */
public final class SsmApi {
    private SsmApi() {}

    /**
     * The routing table over {@code access}.
     *
     * @param clock stamps each call's {@code receivedAt}
     */
    public static JsonService routingTable(ParameterAccess access, Clock clock) {
        return JsonService.builder(SsmModule.SIGNING_NAME, SsmModule.TARGET_PREFIX, SsmClient.class)
                .clock(clock)
                .operation("PutParameter", PutParameterRequest.class, new PutParameter(access))
                .operation("GetParameter", GetParameterRequest.class, new GetParameter(access))
                .operation("GetParameters", GetParametersRequest.class, new GetParameters(access))
                .operation("GetParametersByPath", GetParametersByPathRequest.class, new GetParametersByPath(access))
                .operation("GetParameterHistory", GetParameterHistoryRequest.class, new GetParameterHistory(access))
                .operation("DeleteParameter", DeleteParameterRequest.class, new DeleteParameter(access))
                .operation("DeleteParameters", DeleteParametersRequest.class, new DeleteParameters(access))
                .operation("DescribeParameters", DescribeParametersRequest.class, new DescribeParameters(access))
                .operation(
                        "LabelParameterVersion", LabelParameterVersionRequest.class, new LabelParameterVersion(access))
                .operation(
                        "UnlabelParameterVersion",
                        UnlabelParameterVersionRequest.class,
                        new UnlabelParameterVersion(access))
                .operation("AddTagsToResource", AddTagsToResourceRequest.class, new AddTagsToResource(access))
                .operation(
                        "RemoveTagsFromResource",
                        RemoveTagsFromResourceRequest.class,
                        new RemoveTagsFromResource(access))
                .operation("ListTagsForResource", ListTagsForResourceRequest.class, new ListTagsForResource(access))
                .build();
    }
}
