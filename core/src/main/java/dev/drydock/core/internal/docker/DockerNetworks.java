package dev.drydock.core.internal.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.drydock.core.runtime.NetworkInfo;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The networks part of {@link DockerRuntime}: create a labelled bridge network, remove one (disconnecting what is
 * still attached).
 */
final class DockerNetworks {
    private static final Logger LOG = LoggerFactory.getLogger(DockerNetworks.class);

    private final DockerClient client;

    DockerNetworks(DockerClient client) {
        this.client = client;
    }

    NetworkInfo createNetwork(String name, Map<String, String> labels) {
        try {
            String id = client.createNetworkCmd()
                    .withName(name)
                    .withDriver("bridge")
                    .withLabels(labels)
                    .exec()
                    .getId();
            Network network = client.inspectNetworkCmd().withNetworkId(id).exec();
            String subnet = null;
            String gateway = null;
            if (network.getIpam() != null && network.getIpam().getConfig() != null) {
                for (Network.Ipam.Config config : network.getIpam().getConfig()) {
                    if (config.getSubnet() != null && config.getSubnet().contains(".")) {
                        subnet = config.getSubnet();
                        gateway = config.getGateway();
                        break;
                    }
                }
            }
            return new NetworkInfo(id, name, subnet, gateway);
        } catch (RuntimeException e) {
            throw DockerErrors.translate(e, "create network " + name);
        }
    }

    /**
     * Removes a network. Containers still attached (for example a Testcontainers container a test joined to Drydock's
     * network and has not stopped yet) are disconnected first: they keep running, without this network.
     */
    void removeNetwork(String networkId) {
        try {
            client.removeNetworkCmd(networkId).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            if (!disconnectAll(networkId)) {
                throw DockerErrors.translate(e, "remove network " + networkId);
            }
            try {
                client.removeNetworkCmd(networkId).exec();
            } catch (NotFoundException gone) {
                // already gone
            } catch (RuntimeException again) {
                throw DockerErrors.translate(again, "remove network " + networkId);
            }
        }
    }

    /** Disconnects every container attached to a network; whether there was any. */
    private boolean disconnectAll(String networkId) {
        Network network;
        try {
            network = client.inspectNetworkCmd().withNetworkId(networkId).exec();
        } catch (RuntimeException e) {
            return false;
        }
        if (network.getContainers() == null || network.getContainers().isEmpty()) {
            return false;
        }
        for (String container : network.getContainers().keySet()) {
            try {
                client.disconnectFromNetworkCmd()
                        .withNetworkId(networkId)
                        .withContainerId(container)
                        .withForce(true)
                        .exec();
                LOG.debug("Disconnected container {} from network {} to remove the network", container, networkId);
            } catch (RuntimeException e) {
                LOG.debug("Could not disconnect {} from {}: {}", container, networkId, e.getMessage());
            }
        }
        return true;
    }
}
