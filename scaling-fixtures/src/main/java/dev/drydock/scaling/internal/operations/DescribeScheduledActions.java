package dev.drydock.scaling.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.scaling.internal.ScalingErrors;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.support.ScalingOperation;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScheduledActionsRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScheduledActionsResponse;

/**
 * DescribeScheduledActions, as <a
 * href="https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScheduledActions.html">the
 * Application Auto Scaling API reference</a> describes it: a namespace's scheduled actions filtered by names, resource
 * id and dimension; MaxResults up to 50. IAM: {@code application-autoscaling:DescribeScheduledActions} on {@code *}.
 */
public final class DescribeScheduledActions extends ScalingOperation
        implements Operation<DescribeScheduledActionsRequest, DescribeScheduledActionsResponse> {

    public DescribeScheduledActions(ScalingBackend backend) {
        super(backend);
    }

    @Override
    public DescribeScheduledActionsResponse call(DescribeScheduledActionsRequest r, CallContext c) {
        authorizeDescribe(c, "DescribeScheduledActions");
        var all = backend.scheduledActions(a -> a.serviceNamespaceAsString().equals(r.serviceNamespaceAsString())
                && (!r.hasScheduledActionNames()
                        || r.scheduledActionNames().isEmpty()
                        || r.scheduledActionNames().contains(a.scheduledActionName()))
                && (r.resourceId() == null || r.resourceId().equals(a.resourceId()))
                && (r.scalableDimensionAsString() == null
                        || r.scalableDimensionAsString().equals(a.scalableDimensionAsString())));
        var page = ScalingErrors.PAGINATOR.page(all, r.maxResults(), r.nextToken());
        return DescribeScheduledActionsResponse.builder()
                .scheduledActions(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
