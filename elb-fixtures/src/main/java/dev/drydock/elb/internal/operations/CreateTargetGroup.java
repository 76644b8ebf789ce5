package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;

/**
 * CreateTargetGroup, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html">the
 * Elastic Load Balancing API reference</a> describes it: target types {@code ip} and {@code instance} (instances come with an EC2 model; until then
 * registering one is refused), AWS's health check defaults per protocol, idempotent for the same name and settings.
 */
public final class CreateTargetGroup extends ElbOperation
        implements Operation<CreateTargetGroupRequest, CreateTargetGroupResponse> {

    public CreateTargetGroup(ElbBackend backend) {
        super(backend);
    }

    @Override
    public CreateTargetGroupResponse call(CreateTargetGroupRequest r, CallContext c) {
        String arn = backend.futureTargetGroupArn(r.name());
        c.authorize(PREFIX + "CreateTargetGroup", arn, TagConditions.request(r.tags()));
        authorizeTagOnCreate(c, arn, r.tags());
        return CreateTargetGroupResponse.builder()
                .targetGroups(backend.createTargetGroup(r).value())
                .build();
    }
}
