package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.core.spi.TagConditions;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;

/**
 * CreateListener, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html">the
 * Elastic Load Balancing API reference</a> describes it: HTTP listeners of application load balancers and TCP listeners of network load balancers
 * run a real proxy on a local port; HTTPS, TLS and UDP listeners are kept but not served.
 */
public final class CreateListener extends ElbOperation
        implements Operation<CreateListenerRequest, CreateListenerResponse> {

    public CreateListener(ElbBackend backend) {
        super(backend);
    }

    @Override
    public CreateListenerResponse call(CreateListenerRequest r, CallContext c) {
        String lb = r.loadBalancerArn();
        Map<String, List<String>> keys = TagConditions.request(r.tags());
        if (r.protocolAsString() != null) {
            keys.put(PREFIX + "ListenerProtocol", List.of(r.protocolAsString()));
        }
        if (r.sslPolicy() != null) {
            keys.put(PREFIX + "SecurityPolicy", List.of(r.sslPolicy()));
        }
        c.authorize(PREFIX + "CreateListener", lb, resourceKeys(lb, keys));
        authorizeTagOnCreate(c, lb.replace(":loadbalancer/", ":listener/") + "/*", r.tags());
        return CreateListenerResponse.builder()
                .listeners(backend.createListener(r))
                .build();
    }
}
