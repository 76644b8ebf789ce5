package dev.drydock.junit.internal.plugins;

import dev.drydock.ec2.Ec2Module;
import dev.drydock.junit.spi.AnnotationBinding;
import dev.drydock.junit.spi.DrydockPlugin;
import dev.drydock.junit.spi.Injectable;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** What drydock-ec2-fixtures brings: EC2 clients (launch templates). */
public final class Ec2Plugin implements DrydockPlugin {
    /** Fails loading this plug-in when drydock-ec2-fixtures is not on the classpath. */
    private static final Class<?> MODULE = Ec2Module.class;

    @Override
    public String name() {
        return "ec2";
    }

    @Override
    public List<AnnotationBinding<?>> annotations() {
        return List.of();
    }

    @Override
    public List<Injectable<?>> injectables() {
        return List.of(Injectable.client(Ec2Client.class, Ec2Client::builder));
    }
}
