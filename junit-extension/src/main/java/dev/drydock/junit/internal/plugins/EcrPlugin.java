package dev.drydock.junit.internal.plugins;

import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.ecr.EcrFixtures;
import dev.drydock.ecr.EcrModule;
import dev.drydock.junit.EcrRepository;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import dev.drydock.junit.spi.Stage;
import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;

/** What drydock-ecr-fixtures brings: {@link EcrRepository} and ECR clients. */
public final class EcrPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-ecr-fixtures is not on the classpath. */
    private static final Class<?> MODULE = EcrModule.class;

    @Override
    public String name() {
        return "ecr";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of(AnnotationBinding.of(
                EcrRepository.class,
                Stage.IMAGES,
                r -> "@EcrRepository(name = \"" + r.name() + "\")",
                "a repository's name is unique in the registry",
                EcrPlugin::repository));
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(Injectable.client(EcrClient.class, EcrClient::builder));
    }

    private static Fixture repository(EcrRepository r) {
        String description = "@EcrRepository(name = \"" + r.name() + "\")";
        if (r.image().length > 1 || r.image().length == 1 && !r.pushImage().isEmpty()) {
            throw new DrydockException(description + ": give at most one image, either image = @ImageBuild(...) or "
                    + "pushImage = \"...\".");
        }
        var fixture = EcrFixtures.repository(r.name()).imageTagMutability(r.imageTagMutability());
        if (r.image().length == 1) {
            fixture.buildImage(r.image()[0].context(), r.image()[0].tag());
        } else if (!r.pushImage().isEmpty()) {
            fixture.pushImage(r.pushImage(), r.tag());
        }
        return fixture.describedAs(description);
    }
}
