package dev.drydock.junit.internal.plugins;

import dev.drydock.cloudwatch.CloudWatchModule;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** What drydock-cloudwatch-fixtures brings: CloudWatch clients (metrics and alarms). */
public final class CloudWatchPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-cloudwatch-fixtures is not on the classpath. */
    private static final Class<?> MODULE = CloudWatchModule.class;

    @Override
    public String name() {
        return "cloudwatch";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of();
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(Injectable.client(CloudWatchClient.class, CloudWatchClient::builder));
    }
}
