package dev.drydock.junit.internal.plugins;

import dev.drydock.autoscaling.AutoScalingModule;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/** What drydock-autoscaling-fixtures brings: EC2 Auto Scaling clients (groups). */
public final class AutoScalingPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-autoscaling-fixtures is not on the classpath. */
    private static final Class<?> MODULE = AutoScalingModule.class;

    @Override
    public String name() {
        return "autoscaling";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of();
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(Injectable.client(AutoScalingClient.class, AutoScalingClient::builder));
    }
}
