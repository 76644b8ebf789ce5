package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Map;

/** The volumes part of {@link DockerRuntime}: create a labelled local volume, remove one. */
final class DockerVolumes {
    private final DockerClient client;

    DockerVolumes(DockerClient client) {
        this.client = client;
    }

    String createVolume(String name, Map<String, String> labels, Map<String, String> driverOptions) {
        try {
            var cmd =
                    client.createVolumeCmd().withName(name).withDriver("local").withLabels(labels);
            if (!driverOptions.isEmpty()) {
                cmd.withDriverOpts(driverOptions);
            }
            String mountpoint = cmd.exec().getMountpoint();
            if (mountpoint == null || mountpoint.isEmpty()) {
                mountpoint = client.inspectVolumeCmd(name).exec().getMountpoint();
            }
            return mountpoint;
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "create volume " + name);
        }
    }

    void removeVolume(String name) {
        try {
            client.removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "remove volume " + name);
        }
    }
}
