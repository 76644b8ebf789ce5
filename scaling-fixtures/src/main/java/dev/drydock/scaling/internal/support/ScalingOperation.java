package dev.drydock.scaling.internal.support;

import dev.drydock.core.spi.CallContext;
import dev.drydock.scaling.internal.backend.ScalingBackend;
import dev.drydock.scaling.internal.backend.TargetKey;

/**
 * What Application Auto Scaling's handlers share: the backend, and authorization as the Service Authorization
 * Reference lists it for Application Auto Scaling
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_applicationautoscaling.html): action
 * {@code application-autoscaling:<Operation>}; the operations on one target on its {@code scalable-target} ARN once it
 * is registered ({@code *} before), the Describe* operations on {@code *}.
 */
public abstract class ScalingOperation {
    /** The IAM service prefix. */
    protected static final String PREFIX = "application-autoscaling:";

    protected final ScalingBackend backend;

    protected ScalingOperation(ScalingBackend backend) {
        this.backend = backend;
    }

    /** Authorizes {@code application-autoscaling:<action>} on the target's ARN, or {@code *}. */
    protected void authorizeOn(CallContext c, String action, TargetKey k) {
        c.authorize(PREFIX + action, backend.targetArn(k).orElse("*"));
    }

    /** Authorizes a Describe* action on {@code *}. */
    protected static void authorizeDescribe(CallContext c, String action) {
        c.authorize(PREFIX + action, "*");
    }
}
