package dev.drydock.junit.internal.plugins;

import dev.drydock.core.Fixture;
import dev.drydock.efs.EfsFiles;
import dev.drydock.efs.EfsFixtures;
import dev.drydock.efs.EfsModule;
import dev.drydock.junit.EfsAccessPoint;
import dev.drydock.junit.EfsFileSystem;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import dev.drydock.junit.spi.Stage;
import java.util.List;
import software.amazon.awssdk.services.efs.EfsClient;

/** What drydock-efs-fixtures brings: {@link EfsFileSystem}, EFS clients and {@link EfsFiles}. */
public final class EfsPlugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-efs-fixtures is not on the classpath. */
    private static final Class<?> MODULE = EfsModule.class;

    @Override
    public String name() {
        return "efs";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of(AnnotationBinding.of(
                EfsFileSystem.class,
                Stage.STORAGE,
                f -> "@EfsFileSystem(name = \"" + f.name() + "\")",
                "a file system's name is unique",
                EfsPlugin::fileSystem));
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(
                Injectable.client(EfsClient.class, EfsClient::builder), Injectable.value(EfsFiles.class, EfsFiles::of));
    }

    private static Fixture fileSystem(EfsFileSystem f) {
        var fixture = EfsFixtures.fileSystem(f.name());
        for (EfsAccessPoint ap : f.accessPoints()) {
            boolean creation = ap.creationOwnerUid() >= 0
                    || ap.creationOwnerGid() >= 0
                    || !ap.creationPermissions().isEmpty();
            fixture.accessPoint(
                    ap.name(),
                    ap.rootDirectory(),
                    creation ? ap.creationOwnerUid() : null,
                    creation ? ap.creationOwnerGid() : null,
                    creation ? ap.creationPermissions() : null,
                    ap.posixUid() >= 0 ? ap.posixUid() : null,
                    ap.posixGid() >= 0 ? ap.posixGid() : null);
        }
        if (!f.policy().isEmpty()) {
            fixture.policy(f.policy());
        }
        return fixture.describedAs("@EfsFileSystem(name = \"" + f.name() + "\")");
    }
}
