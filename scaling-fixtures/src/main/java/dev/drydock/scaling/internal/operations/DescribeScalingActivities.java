package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.ScalingErrors;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesResponse;

/**
 * DescribeScalingActivities, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalingActivities.html">the
 * Application Auto Scaling API reference</a> describes it: newest first, filtered by resource id and dimension, with
 * ECS's descriptions, causes and status messages. Not supported: {@code IncludeNotScaledActivities} (activities that
 * did not scale are not recorded). IAM: {@code application-autoscaling:DescribeScalingActivities} on {@code *}.
 */
public final class DescribeScalingActivities extends ScalingOperation
        implements Operation<DescribeScalingActivitiesRequest, DescribeScalingActivitiesResponse> {

    public DescribeScalingActivities(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public DescribeScalingActivitiesResponse call(DescribeScalingActivitiesRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeScalingActivities");
        var all = backend.activities(a -> a.serviceNamespaceAsString().equals(r.serviceNamespaceAsString())
                && (r.resourceId() == null || r.resourceId().equals(a.resourceId()))
                && (r.scalableDimensionAsString() == null
                        || r.scalableDimensionAsString().equals(a.scalableDimensionAsString())));
        var page = ScalingErrors.PAGINATOR.page(all, r.maxResults(), r.nextToken());
        return DescribeScalingActivitiesResponse.builder()
                .scalingActivities(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
