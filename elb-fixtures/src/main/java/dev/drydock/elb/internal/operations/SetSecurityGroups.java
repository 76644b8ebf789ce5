package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSecurityGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSecurityGroupsResponse;

/**
 * SetSecurityGroups, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSecurityGroups.html">the
 * Elastic Load Balancing API reference</a> describes it: security groups are kept and reported; Drydock's proxies do not filter traffic by them.
 */
public final class SetSecurityGroups extends ElbOperation
        implements Operation<SetSecurityGroupsRequest, SetSecurityGroupsResponse> {

    public SetSecurityGroups(ElbBackend backend) {
        super(backend);
    }

    @Override
    public SetSecurityGroupsResponse call(SetSecurityGroupsRequest r, CallContext c) {
        c.authorize(
                PREFIX + "SetSecurityGroups",
                r.loadBalancerArn(),
                resourceKeys(r.loadBalancerArn(), Map.of(PREFIX + "SecurityGroup", r.securityGroups())));
        return SetSecurityGroupsResponse.builder()
                .securityGroupIds(backend.setSecurityGroups(r.loadBalancerArn(), r.securityGroups()))
                .build();
    }
}
