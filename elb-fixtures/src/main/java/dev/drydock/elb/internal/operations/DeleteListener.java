package dev.drydock.elb.internal.operations;

import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Operation;
import dev.drydock.elb.internal.backend.ElbBackend;
import dev.drydock.elb.internal.support.ElbOperation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerResponse;

/**
 * DeleteListener, as <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeleteListener.html">the
 * Elastic Load Balancing API reference</a> describes it: with its rules; its proxy stops.
 */
public final class DeleteListener extends ElbOperation
        implements Operation<DeleteListenerRequest, DeleteListenerResponse> {

    public DeleteListener(ElbBackend backend) {
        super(backend);
    }

    @Override
    public DeleteListenerResponse call(DeleteListenerRequest r, CallContext c) {
        authorizeOn(c, "DeleteListener", r.listenerArn());
        backend.deleteListener(r.listenerArn());
        return DeleteListenerResponse.builder().build();
    }
}
