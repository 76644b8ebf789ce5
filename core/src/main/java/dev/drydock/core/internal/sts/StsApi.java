package dev.drydock.core.internal.sts;

import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.service.QueryProtocol;
import dev.drydock.core.internal.sts.operations.AssumeRole;
import dev.drydock.core.internal.sts.operations.GetCallerIdentity;
import dev.drydock.core.internal.sts.operations.GetSessionToken;
import dev.drydock.core.spi.ValidationStyle;
import java.time.Clock;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;

/**
 * The STS API's routing table (AWS query protocol, version 2011-06-15): GetCallerIdentity, AssumeRole and
 * GetSessionToken, each with the members STS requires and its handler in {@code operations}
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html). STS works on the account's IAM state.
 */
public final class StsApi {
    /** The STS API version. */
    public static final String VERSION = "2011-06-15";
    /** The namespace of STS's XML answers. */
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsApi() {}

    /** The STS API over {@code iam}. */
    public static QueryProtocol routingTable(IamBackend iam, Clock clock) {
        return QueryProtocol.builder("sts", VERSION, NAMESPACE, StsClient.class)
                .clock(clock)
                // AssumeRole checks the role ARN ("... is invalid") before the session name's constraints
                .validation(ValidationStyle.awsValidation("ValidationError")
                        .withHandlerCheck("AssumeRole", "RoleSessionName"))
                .operation("GetCallerIdentity", GetCallerIdentityRequest.class, new GetCallerIdentity())
                .operation("AssumeRole", AssumeRoleRequest.class, new AssumeRole(iam), "RoleArn", "RoleSessionName")
                .operation("GetSessionToken", GetSessionTokenRequest.class, new GetSessionToken(iam))
                .build();
    }
}
