package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerResponse;

/**
 * ModifyListener, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyListener.html">the
 * Elastic Load Balancing API reference</a> describes it: a new port or protocol restarts the proxy; new default actions apply to the next request.
 */
public final class ModifyListener extends ElbOperation
        implements Operation<ModifyListenerRequest, ModifyListenerResponse> {

    public ModifyListener(ElbBackend backend) {
        super(backend);
    }

    @Override
    public ModifyListenerResponse call(ModifyListenerRequest r, CallContext c) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (r.protocolAsString() != null) {
            keys.put(PREFIX + "ListenerProtocol", List.of(r.protocolAsString()));
        }
        if (r.sslPolicy() != null) {
            keys.put(PREFIX + "SecurityPolicy", List.of(r.sslPolicy()));
        }
        c.authorize(PREFIX + "ModifyListener", r.listenerArn(), resourceKeys(r.listenerArn(), keys));
        return ModifyListenerResponse.builder()
                .listeners(backend.modifyListener(r))
                .build();
    }
}
