package dev.drydock.core.internal.host;

import dev.drydock.core.DrydockException;
import dev.drydock.core.spi.Cidr;
import dev.drydock.core.spi.Settings;
import dev.drydock.core.spi.VpcModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@link VpcModel} of one Drydock instance: one VPC, the region's zones ({@code vpc.availability-zones}) and the
 * subnets declared with {@code vpc.subnets}; every other subnet is placed by its id's last hexadecimal digit.
 */
final class SettingsVpc implements VpcModel {
    private static final Pattern SUBNET = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final List<Cidr> PRIVATE =
            List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"));

    private final String region;
    private final String vpcId;
    private final List<String> zones;
    private final Map<String, String> declared = new HashMap<>();
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();

    /**
     * @throws DrydockException when {@code vpc.subnets} or {@code vpc.availability-zones} is malformed
     */
    SettingsVpc(String accountId, String region, Settings settings) {
        this.region = region;
        this.vpcId = "vpc-" + sha256(accountId + "/" + region).substring(0, 17);
        List<String> z = new ArrayList<>();
        for (String name : settings.get("vpc.availability-zones", region + "a," + region + "b," + region + "c")
                .split("[,\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            if (!name.startsWith(region) || name.length() != region.length() + 1) {
                throw new DrydockException("The setting vpc.availability-zones names '" + name + "', which is not a "
                        + "zone of the region " + region + ": list zone names such as " + region + "a, " + region
                        + "b.");
            }
            z.add(name);
        }
        if (z.isEmpty()) {
            throw new DrydockException("The setting vpc.availability-zones lists no zone: list zone names such as "
                    + region + "a, " + region + "b.");
        }
        this.zones = List.copyOf(z);
        for (String entry : settings.get("vpc.subnets", "").split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String subnet = eq < 0 ? entry : entry.substring(0, eq);
            String zone = eq < 0 ? "" : entry.substring(eq + 1);
            if (!isSubnetId(subnet) || !zones.contains(zone)) {
                throw new DrydockException("The setting vpc.subnets has '" + entry + "': write subnet-id=zone pairs, "
                        + "e.g. subnet-0a1b2c3d=" + zones.get(0) + ", with zones among " + zones + ".");
            }
            declared.put(subnet, zone);
        }
    }

    @Override
    public String defaultVpcId() {
        return vpcId;
    }

    @Override
    public List<String> availabilityZones() {
        return zones;
    }

    @Override
    public boolean isSubnetId(String subnetId) {
        return subnetId != null && SUBNET.matcher(subnetId).matches();
    }

    @Override
    public Subnet subnet(String subnetId) {
        if (!isSubnetId(subnetId)) {
            throw new IllegalArgumentException("Not a subnet id: " + subnetId);
        }
        String zone = declared.get(subnetId);
        if (zone == null) {
            int digit = Character.digit(subnetId.charAt(subnetId.length() - 1), 16);
            zone = zones.get(digit % zones.size());
        }
        return new Subnet(subnetId, vpcId, zone, availabilityZoneId(zone));
    }

    @Override
    public List<Cidr> cidrBlocks(String vpcId) {
        return this.vpcId.equals(vpcId) ? PRIVATE : List.of();
    }

    @Override
    public String availabilityZoneId(String availabilityZone) {
        if (availabilityZone == null
                || !availabilityZone.startsWith(region)
                || availabilityZone.length() != region.length() + 1) {
            return null;
        }
        char letter = availabilityZone.charAt(availabilityZone.length() - 1);
        if (letter < 'a' || letter > 'z') {
            return null;
        }
        return regionCode() + "-az" + (letter - 'a' + 1);
    }

    /** AWS's short form of a region in zone ids: {@code use1} for us-east-1, {@code apse2} for ap-southeast-2. */
    private String regionCode() {
        String[] parts = region.split("-");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            for (String dir : new String[] {"north", "south", "east", "west", "central", "gov"}) {
                if (p.startsWith(dir)) {
                    b.append(dir.charAt(0));
                    p = p.substring(dir.length());
                }
            }
        }
        return b.append(parts[parts.length - 1]).toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void putInstance(Instance instance) {
        instances.put(instance.instanceId(), instance);
    }

    @Override
    public Optional<Instance> instance(String instanceId) {
        return instanceId == null ? Optional.empty() : Optional.ofNullable(instances.get(instanceId));
    }
}
