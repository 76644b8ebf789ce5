package dev.drydock.junit.internal.plugins;

import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.junit.ServiceAutoScaling;
import dev.drydock.junit.TargetTrackingPolicy;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import dev.drydock.junit.spi.Stage;
import dev.drydock.scaling.ApplicationAutoScalingFixtures;
import dev.drydock.scaling.ApplicationAutoScalingModule;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;

/** What drydock-scaling-fixtures brings: {@code @ServiceAutoScaling} and Application Auto Scaling clients. */
public final class ScalingPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-scaling-fixtures is not on the classpath. */
    private static final Class<?> MODULE = ApplicationAutoScalingModule.class;

    @Override
    public String name() {
        return "scaling";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of(AnnotationBinding.of(
                ServiceAutoScaling.class,
                Stage.SCALING,
                ScalingPlugin::describe,
                "a service has one scalable target",
                ScalingPlugin::serviceScaling));
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(Injectable.client(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder));
    }

    private static String describe(ServiceAutoScaling s) {
        return "@ServiceAutoScaling(cluster = \"" + s.cluster() + "\", service = \"" + s.service() + "\")";
    }

    private static Fixture serviceScaling(ServiceAutoScaling s) {
        var fixture = ApplicationAutoScalingFixtures.serviceScaling(
                s.cluster(), s.service(), s.minCapacity(), s.maxCapacity());
        for (TargetTrackingPolicy p : s.targetTracking()) {
            if (p.scaleOutCooldown() < -1 || p.scaleInCooldown() < -1) {
                throw new DrydockException(describe(s) + ": the policy '" + p.name() + "' has a cooldown below 0; give "
                        + "seconds, or leave it out (-1) for Application Auto Scaling's 300.");
            }
            fixture.targetTracking(
                    p.name(),
                    TargetTrackingScalingPolicyConfiguration.builder()
                            .targetValue(p.targetValue())
                            .predefinedMetricSpecification(m -> m.predefinedMetricType(p.metric()))
                            .scaleOutCooldown(p.scaleOutCooldown() >= 0 ? p.scaleOutCooldown() : null)
                            .scaleInCooldown(p.scaleInCooldown() >= 0 ? p.scaleInCooldown() : null)
                            .disableScaleIn(p.disableScaleIn() ? Boolean.TRUE : null)
                            .build());
        }
        return fixture.describedAs(describe(s));
    }
}
