package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;

/**
 * CreateLoadBalancer, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html">the
 * Elastic Load Balancing API reference</a> describes it: application and network load balancers in subnets of Drydock's VPC (two zones for an application load balancer),
 * idempotent for the same name and settings; the answer says {@code provisioning}, later ones {@code active}.
 */
public final class CreateLoadBalancer extends ElbOperation
        implements Operation<CreateLoadBalancerRequest, CreateLoadBalancerResponse> {

    public CreateLoadBalancer(ElbBackend backend) {
        super(backend);
    }

    @Override
    public CreateLoadBalancerResponse call(CreateLoadBalancerRequest r, CallContext c) {
        Map<String, List<String>> keys = TagConditions.request(r.tags());
        keys.put(PREFIX + "Scheme", List.of(r.schemeAsString() == null ? "internet-facing" : r.schemeAsString()));
        List<String> subnets = new ArrayList<>(r.subnets());
        r.subnetMappings().forEach(m -> subnets.add(m.subnetId()));
        if (!subnets.isEmpty()) {
            keys.put(PREFIX + "Subnet", subnets);
        }
        if (r.hasSecurityGroups() && !r.securityGroups().isEmpty()) {
            keys.put(PREFIX + "SecurityGroup", r.securityGroups());
        }
        String arn = backend.futureLoadBalancerArn(r);
        c.authorize(PREFIX + "CreateLoadBalancer", arn, keys);
        authorizeTagOnCreate(c, arn, r.tags());
        return CreateLoadBalancerResponse.builder()
                .loadBalancers(backend.createLoadBalancer(r).value())
                .build();
    }
}
