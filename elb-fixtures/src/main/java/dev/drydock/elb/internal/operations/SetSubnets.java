package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSubnetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SetSubnetsResponse;

/**
 * SetSubnets, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSubnets.html">the
 * Elastic Load Balancing API reference</a> describes it.
 */
public final class SetSubnets extends ElbOperation implements Operation<SetSubnetsRequest, SetSubnetsResponse> {

    public SetSubnets(ElbBackend backend) {
        super(backend);
    }

    @Override
    public SetSubnetsResponse call(SetSubnetsRequest r, CallContext c) {
        List<String> subnets = new ArrayList<>(r.subnets());
        r.subnetMappings().forEach(m -> subnets.add(m.subnetId()));
        c.authorize(
                PREFIX + "SetSubnets",
                r.loadBalancerArn(),
                resourceKeys(r.loadBalancerArn(), Map.of(PREFIX + "Subnet", subnets)));
        var lb = backend.setSubnets(r.loadBalancerArn(), subnets);
        return SetSubnetsResponse.builder()
                .availabilityZones(lb.availabilityZones())
                .ipAddressType(lb.ipAddressType())
                .build();
    }
}
