package dev.drydock.ecs.internal.backend;

import dev.drydock.ecs.internal.EcsErrors;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.EFSAuthorizationConfigIAM;
import software.amazon.awssdk.services.ecs.model.EFSTransitEncryption;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.Volume;

/**
 * RegisterTaskDefinition's checks of {@code volumes[].efsVolumeConfiguration}, with ECS's messages: a file system id
 * is required; an access point or IAM authorization needs transit encryption; with an access point the root
 * directory is omitted or {@code /}; the transit encryption port is a port number. See
 * <a href="https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html">
 * EFSVolumeConfiguration</a>.
 */
final class EfsVolumeValidation {
    private EfsVolumeValidation() {}

    /** @throws dev.drydock.core.spi.AwsException ClientException naming the volume and the fix */
    static void validate(List<Volume> volumes) {
        for (Volume v : volumes) {
            EFSVolumeConfiguration efs = v.efsVolumeConfiguration();
            if (efs == null) {
                continue;
            }
            String prefix = "Invalid request provided: Create TaskDefinition: volume '" + v.name() + "': ";
            if (efs.fileSystemId() == null || efs.fileSystemId().isBlank()) {
                throw EcsErrors.client(prefix + "efsVolumeConfiguration.fileSystemId can not be blank.");
            }
            boolean transit = efs.transitEncryption() == EFSTransitEncryption.ENABLED;
            var auth = efs.authorizationConfig();
            boolean accessPoint = auth != null && auth.accessPointId() != null;
            if (auth != null && auth.iam() == EFSAuthorizationConfigIAM.ENABLED && !transit) {
                throw EcsErrors.client(prefix + "Transit encryption must be enabled when IAM authorization is "
                        + "enabled. Set efsVolumeConfiguration.transitEncryption to ENABLED.");
            }
            if (accessPoint && !transit) {
                throw EcsErrors.client(prefix + "When using an EFS access point, transit encryption must be "
                        + "enabled. Set efsVolumeConfiguration.transitEncryption to ENABLED.");
            }
            if (accessPoint && efs.rootDirectory() != null && !"/".equals(efs.rootDirectory())) {
                throw EcsErrors.client(prefix + "When using an EFS access point, the root directory must either be "
                        + "set to \"/\" or be omitted.");
            }
            Integer port = efs.transitEncryptionPort();
            if (port != null && (port < 1 || port > 65535)) {
                throw EcsErrors.client(prefix + "transitEncryptionPort must be between 1 and 65535.");
            }
            if (port != null && !transit) {
                throw EcsErrors.client(
                        prefix + "transitEncryptionPort can be set only when transit encryption is " + "enabled.");
            }
        }
    }
}
