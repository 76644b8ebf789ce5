package dev.drydock.ecs.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.ecs.internal.backend.EcsBackend;
import dev.drydock.ecs.internal.support.EcsOperation;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsRequest;
import software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsResponse;

/**
 * UpdateClusterSettings: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateClusterSettings.html.
 * The settings given (containerInsights: enhanced, enabled or disabled) replace the cluster's of the same name; stored
 * and described back only.
 *
 * <p>Authorization, per the Service Authorization Reference (SAR)
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerservice.html):
 * {@code ecs:UpdateClusterSettings} on the cluster's ARN, with {@code ecs:ResourceTag/*}.
 */
public final class UpdateClusterSettings extends EcsOperation
        implements Operation<UpdateClusterSettingsRequest, UpdateClusterSettingsResponse> {
    public UpdateClusterSettings(EcsBackend backend) {
        super(backend);
    }

    @Override
    public UpdateClusterSettingsResponse call(UpdateClusterSettingsRequest request, CallContext context) {
        String arn = clusterArnOf(request.cluster());
        context.authorize(
                "ecs:UpdateClusterSettings", arn, keys().resourceTags(arn).build());
        return UpdateClusterSettingsResponse.builder()
                .cluster(backend.capacityProviders().updateClusterSettings(request.cluster(), request.settings()))
                .build();
    }
}
