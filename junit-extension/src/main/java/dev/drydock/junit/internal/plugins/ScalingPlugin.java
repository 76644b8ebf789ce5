package dev.drydock.junit.internal.plugins;

import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import dev.drydock.scaling.ApplicationAutoScalingModule;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;

/** What drydock-scaling-fixtures brings: Application Auto Scaling clients. */
public final class ScalingPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-scaling-fixtures is not on the classpath. */
    private static final Class<?> MODULE = ApplicationAutoScalingModule.class;

    @Override
    public String name() {
        return "scaling";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of();
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(Injectable.client(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder));
    }
}
