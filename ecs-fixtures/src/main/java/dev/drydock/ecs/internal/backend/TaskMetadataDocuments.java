package dev.drydock.ecs.internal.backend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.NetworkMode;

/**
 * The task metadata endpoint's JSON documents (version 4, as Fargate answers them), built from the model as plain
 * maps and lists in AWS's member order:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-metadata-endpoint-v4-fargate-response.html and
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-metadata-endpoint-v4-fargate-examples.html.
 * Version 3 (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-metadata-endpoint-v3-fargate.html)
 * answers the same without what version 4 added: the network details beyond {@code NetworkMode} and
 * {@code IPv4Addresses}, {@code ContainerARN}, the log driver, {@code ServiceName} and {@code LaunchType}.
 *
 * <p>Called with the backend's lock held ({@link EcsBackend#read}).
 */
public final class TaskMetadataDocuments {
    private TaskMetadataDocuments() {}

    /**
     * The network the task's ENI sits on, as the metadata reports it.
     *
     * @param subnetCidr the subnet in CIDR form, e.g. {@code 172.18.0.0/16}, or {@code null}
     * @param gateway the subnet's gateway address, e.g. {@code 172.18.0.1}, or {@code null}
     * @param dnsServer the DNS server containers use, or {@code null}
     */
    public record Network(String subnetCidr, String gateway, String dnsServer) {}

    /**
     * {@code ${ECS_CONTAINER_METADATA_URI_V4}}: one container.
     *
     * @param version 4, or 3 for {@code ${ECS_CONTAINER_METADATA_URI}}
     */
    public static Map<String, Object> container(TaskRecord t, ContainerRecord c, Network network, int version) {
        ContainerDefinition d = c.definition;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("DockerId", c.metadataId);
        m.put("Name", d.name());
        m.put("DockerName", d.name());
        m.put("Image", d.image());
        m.put("ImageID", c.imageDigest == null ? "" : c.imageDigest);
        Map<String, Object> labels = new LinkedHashMap<>();
        if (d.dockerLabels() != null) {
            labels.putAll(d.dockerLabels());
        }
        labels.put("com.amazonaws.ecs.cluster", t.clusterArn);
        labels.put("com.amazonaws.ecs.container-name", d.name());
        labels.put("com.amazonaws.ecs.task-arn", t.arn);
        labels.put("com.amazonaws.ecs.task-definition-family", t.taskDefinition.family());
        labels.put("com.amazonaws.ecs.task-definition-version", Integer.toString(t.taskDefinition.revision()));
        m.put("Labels", labels);
        m.put("DesiredStatus", t.desiredStatus.toString());
        m.put("KnownStatus", c.lastStatus.name());
        if (c.exitCode != null) {
            m.put("ExitCode", c.exitCode);
        }
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("CPU", d.cpu() == null ? 0 : d.cpu());
        if (d.memory() != null) {
            limits.put("Memory", d.memory());
        }
        m.put("Limits", limits);
        putTime(m, "CreatedAt", c.createdAt);
        putTime(m, "StartedAt", c.startedAt);
        putTime(m, "FinishedAt", c.finishedAt);
        m.put("Type", "NORMAL");
        if (c.hasHealthCheck()) {
            Map<String, Object> health = new LinkedHashMap<>();
            health.put("status", c.healthStatus.toString());
            putTime(health, "statusSince", c.healthSince);
            m.put("Health", health);
        }
        if (!c.networkBindings.isEmpty()) {
            // bridge and host mode: the container's host port bindings on its instance, as the agent's PortResponse
            List<Map<String, Object>> ports = new ArrayList<>();
            for (NetworkBinding b : c.networkBindings) {
                Map<String, Object> port = new LinkedHashMap<>();
                port.put("ContainerPort", b.containerPort());
                port.put("Protocol", b.protocolAsString());
                port.put("HostPort", b.hostPort());
                port.put("HostIp", b.bindIP());
                ports.add(port);
            }
            m.put("Ports", ports);
        }
        if (t.privateIp != null) {
            m.put("Networks", List.of(network(t, network, version)));
        }
        if (version < 4) {
            return m;
        }
        m.put("ContainerARN", c.arn);
        if (d.logConfiguration() != null) {
            if (d.logConfiguration().options() != null
                    && !d.logConfiguration().options().isEmpty()) {
                m.put(
                        "LogOptions",
                        new LinkedHashMap<String, Object>(d.logConfiguration().options()));
            }
            m.put("LogDriver", d.logConfiguration().logDriverAsString());
        }
        m.put("Snapshotter", "overlayfs");
        return m;
    }

    /**
     * {@code ${ECS_CONTAINER_METADATA_URI_V4}/task}, and {@code /taskWithTags} with {@code tags}.
     *
     * @param tags the task's tags, or {@code null} for {@code /task}
     * @param version 4, or 3 for {@code ${ECS_CONTAINER_METADATA_URI}/task}
     */
    public static Map<String, Object> task(TaskRecord t, Network network, Map<String, String> tags, int version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Cluster", t.clusterArn);
        if (t.serviceName != null && version >= 4) {
            m.put("ServiceName", t.serviceName);
        }
        m.put("TaskARN", t.arn);
        m.put("Family", t.taskDefinition.family());
        m.put("Revision", Integer.toString(t.taskDefinition.revision()));
        m.put("DesiredStatus", t.desiredStatus.toString());
        m.put("KnownStatus", t.lastStatus.name());
        Map<String, Object> limits = new LinkedHashMap<>();
        if (t.cpu() != null) {
            limits.put("CPU", Double.parseDouble(t.cpu()) / 1024.0);
        }
        if (t.memory() != null) {
            limits.put("Memory", Integer.parseInt(t.memory()));
        }
        if (!limits.isEmpty()) {
            m.put("Limits", limits);
        }
        putTime(m, "PullStartedAt", t.pullStartedAt);
        putTime(m, "PullStoppedAt", t.pullStoppedAt);
        putTime(m, "ExecutionStoppedAt", t.executionStoppedAt);
        m.put("AvailabilityZone", t.availabilityZone);
        if (tags != null) {
            m.put("TaskTags", new LinkedHashMap<String, Object>(tags));
        }
        List<Object> containers = new ArrayList<>();
        for (ContainerRecord c : t.containers) {
            containers.add(container(t, c, network, version));
        }
        m.put("Containers", containers);
        if (version >= 4) {
            m.put("LaunchType", t.launchType.toString());
        }
        return m;
    }

    private static Map<String, Object> network(TaskRecord t, Network network, int version) {
        Map<String, Object> n = new LinkedHashMap<>();
        NetworkMode mode = t.networkMode();
        n.put("NetworkMode", mode.toString());
        if (mode == NetworkMode.HOST) {
            return n; // the instance's own network: no address of the task's
        }
        n.put("IPv4Addresses", List.of(t.privateIp));
        if (version < 4 || mode != NetworkMode.AWSVPC) {
            return n; // bridge: the container's address behind the instance, no ENI
        }
        n.put("AttachmentIndex", 0);
        n.put("MACAddress", t.macAddress);
        if (network.subnetCidr() != null) {
            n.put("IPv4SubnetCIDRBlock", network.subnetCidr());
        }
        if (network.dnsServer() != null) {
            n.put("DomainNameServers", List.of(network.dnsServer()));
        }
        String dns = t.privateDnsName();
        n.put("DomainNameSearchList", List.of(dns.substring(dns.indexOf('.') + 1)));
        n.put("PrivateDNSName", dns);
        if (network.gateway() != null
                && network.subnetCidr() != null
                && network.subnetCidr().contains("/")) {
            n.put(
                    "SubnetGatewayIpv4Address",
                    network.gateway()
                            + network.subnetCidr()
                                    .substring(network.subnetCidr().indexOf('/')));
        }
        return n;
    }

    private static void putTime(Map<String, Object> m, String key, Instant at) {
        if (at != null) {
            m.put(key, at.toString());
        }
    }
}
