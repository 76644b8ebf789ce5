package dev.drydock.ec2.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.LaunchTemplateSource;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.ec2.Ec2Module;
import dev.drydock.ec2.internal.backend.LaunchTemplates;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/**
 * The EC2 module: launch templates ({@link LaunchTemplates}) and their routing table ({@link Ec2Api}); the
 * {@link LaunchTemplateSource} EC2 Auto Scaling launches from. Starts no thread. Found by {@link java.util.ServiceLoader}; its public face is {@link Ec2Module}.
 */
public final class Ec2ServiceModule implements Ec2Module, LaunchTemplateSource {
    private ServiceContext context;
    private LaunchTemplates templates;

    @Override
    public String name() {
        return "ec2";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("Ec2");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        templates = new LaunchTemplates(context.region(), context.accountId(), context.clock());
        // built on first use (or in the background once the runtime is connected), so start() loads none of its classes
        context.registerQueryOnFirstUse("ec2", Ec2Api.VERSION, () -> Ec2Api.routingTable(templates, context.clock()));
    }

    /**
     * The EC2 module of a Drydock instance, for Drydock's own tests. Not a stable API.
     *
     * @throws DrydockException when drydock-ec2-fixtures is not on the classpath
     */
    public static Ec2ServiceModule of(Drydock drydock) {
        return (Ec2ServiceModule) drydock.service(Ec2Module.class);
    }

    /** The EC2 API's operations, called as the test principal. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The launch templates, for Drydock's other parts and tests. Not a stable API. */
    public LaunchTemplates launchTemplates() {
        return templates;
    }

    @Override
    public Optional<LaunchSpec> launchTemplate(String id, String name, String version) {
        LaunchTemplateVersion v;
        try {
            v = templates.version(id, name, version);
        } catch (AwsException e) {
            return Optional.empty();
        }
        ResponseLaunchTemplateData d = v.launchTemplateData();
        String profile = d.iamInstanceProfile() == null
                ? null
                : d.iamInstanceProfile().arn() != null
                        ? d.iamInstanceProfile().arn()
                        : d.iamInstanceProfile().name();
        return Optional.of(new LaunchSpec(
                v.launchTemplateId(),
                v.launchTemplateName(),
                v.versionNumber(),
                d.instanceTypeAsString(),
                d.imageId(),
                profile,
                d.userData()));
    }

    @Override
    public String diagnostics() {
        return "";
    }

    @Override
    public void close() {}
}
