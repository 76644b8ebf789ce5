package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import dev.drydock.core.runtime.RuntimeFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and removes the Docker objects carrying given labels for {@link DockerRuntime}: containers, images,
 * networks and volumes (sweeping a session's or a test's objects).
 */
final class LabelledObjects {
    private static final Logger LOG = LoggerFactory.getLogger(LabelledObjects.class);

    private final DockerClient client;
    private final DockerContainers lifecycle;
    private final DockerNetworks networks;

    LabelledObjects(DockerClient client, DockerContainers lifecycle, DockerNetworks networks) {
        this.client = client;
        this.lifecycle = lifecycle;
        this.networks = networks;
    }

    int removeLabelled(Map<String, String> labels) {
        int removed = 0;
        try {
            removed += removeContainers(client.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(labels)
                    .exec());
            for (Image image : client.listImagesCmd().withLabelFilter(labels).exec()) {
                try {
                    client.removeImageCmd(image.getId()).withForce(true).exec();
                    removed++;
                } catch (NotFoundException e) {
                    // gone
                }
            }
            for (Network n : networks(labels)) {
                networks.removeNetwork(n.getId());
                removed++;
            }
            for (InspectVolumeResponse v : volumes(labels)) {
                try {
                    client.removeVolumeCmd(v.getName()).exec();
                    removed++;
                } catch (NotFoundException e) {
                    // gone
                } catch (RuntimeException e) {
                    // e.g. still in use, or a mount under it went stale: the others are removed all the same
                    LOG.warn("Could not remove volume {}: {}", v.getName(), DockerErrors.rootMessage(e));
                }
            }
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "remove objects labelled " + labels);
        }
        return removed;
    }

    /**
     * Removes containers, those that join another's network namespace ({@code container:<id>}: a task's containers
     * joining its sandbox) first: Podman refuses to remove a container others depend on, even forced ("has dependent
     * containers which must be removed before it"). What still fails is tried once more after the others.
     */
    private int removeContainers(List<Container> containers) {
        List<Container> ordered = new ArrayList<>(containers);
        ordered.sort(Comparator.comparing(c -> joinsAnother(c) ? 0 : 1));
        List<Container> failed = new ArrayList<>();
        int removed = 0;
        for (Container c : ordered) {
            try {
                lifecycle.removeContainer(c.getId());
                removed++;
            } catch (RuntimeFailure e) {
                failed.add(c);
            }
        }
        for (Container c : failed) {
            lifecycle.removeContainer(c.getId());
            removed++;
        }
        return removed;
    }

    private static boolean joinsAnother(Container c) {
        return c.getHostConfig() != null
                && c.getHostConfig().getNetworkMode() != null
                && c.getHostConfig().getNetworkMode().startsWith("container:");
    }

    List<Map<String, String>> labelledObjects(Map<String, String> labels) {
        List<Map<String, String>> result = new ArrayList<>();
        try {
            for (Container c : client.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(labels)
                    .exec()) {
                result.add(c.getLabels() == null ? Map.of() : c.getLabels());
            }
            for (Network n : networks(labels)) {
                result.add(n.getLabels());
            }
            volumes(labels).forEach(v -> result.add(v.getLabels() == null ? Map.of() : v.getLabels()));
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "list objects labelled " + labels);
        }
        return result;
    }

    /** The networks carrying all the labels. */
    private List<Network> networks(Map<String, String> labels) {
        List<Network> result = new ArrayList<>();
        for (Network n : client.listNetworksCmd().exec()) {
            if (n.getLabels() != null && n.getLabels().entrySet().containsAll(labels.entrySet())) {
                result.add(n);
            }
        }
        return result;
    }

    /** The volumes carrying all the labels. */
    private List<InspectVolumeResponse> volumes(Map<String, String> labels) {
        List<String> volumeFilter = new ArrayList<>();
        labels.forEach((k, v) -> volumeFilter.add(k + "=" + v));
        List<InspectVolumeResponse> volumes =
                client.listVolumesCmd().withFilter("label", volumeFilter).exec().getVolumes();
        return volumes == null ? List.of() : volumes;
    }
}
