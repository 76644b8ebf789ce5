package dev.drydock.efs;

import dev.drydock.core.Drydock;
import dev.drydock.core.testing.BadInputSuite;
import dev.drydock.core.testing.RawAws.Signing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.PolicyNotFoundException;

/**
 * {@link BadInputSuite} for EFS: bad input generated from EFS's model for every operation Drydock implements, plus the
 * cases the issue reported (CreateFileSystem without a creation token or with a null one, a 100,000-character
 * availability zone, a 5 MB KMS key id, oversized markers); never a 5xx, and nothing stored.
 */
class EfsBadInputTest extends BadInputSuite {
    private EfsClient efs;
    private String fileSystemId;
    private String accessPointId;
    private String mountTargetId;

    EfsBadInputTest() {
        super(EfsClient.class);
    }

    @Override
    protected void prepare(Drydock drydock) {
        efs = drydock.client(EfsClient.builder());
        fileSystemId = efs.createFileSystem(r ->
                        r.creationToken("bad-input").tags(t -> t.key("Name").value("data")))
                .fileSystemId();
        accessPointId = efs.createAccessPoint(r -> r.clientToken("bad-input").fileSystemId(fileSystemId))
                .accessPointId();
        mountTargetId = efs.createMountTarget(r -> r.fileSystemId(fileSystemId).subnetId("subnet-0123456789abcdef0"))
                .mountTargetId();
        efs.putFileSystemPolicy(r -> r.fileSystemId(fileSystemId)
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"*\"},\"Action\":\"elasticfilesystem:ClientMount\"}]}"));
    }

    @Override
    protected Map<String, Object> knownValues() {
        return Map.of(
                "FileSystemId", fileSystemId,
                "AccessPointId", accessPointId,
                "MountTargetId", mountTargetId,
                "ResourceId", fileSystemId,
                "SubnetId", "subnet-0123456789abcdef0",
                "ClientToken", "bad-input-token",
                "CreationToken", "bad-input-token");
    }

    @Override
    protected List<Case> cases() {
        var wire = service().wire();
        List<Case> cases = new ArrayList<>();
        // routed to EFS by its path although it names no service (no SigV4 scope), answered in EFS's JSON error form
        cases.add(new Case(
                "GET /2015-02-01/file-systems unsigned",
                wire.rest("DescribeFileSystems", Map.of()).orElseThrow(),
                Signing.UNSIGNED,
                403,
                "MissingAuthenticationTokenException",
                "Missing Authentication Token"));
        cases.add(new Case(
                "CreateFileSystem {}",
                wire.rest("CreateFileSystem", Map.of(), "{}".getBytes()).orElseThrow(),
                "ValidationException",
                "1 validation error detected: Value null at 'creationToken' failed to satisfy constraint: Member must "
                        + "not be null"));
        cases.add(new Case(
                "CreateFileSystem {\"CreationToken\": null}",
                wire.rest("CreateFileSystem", Map.of(), "{\"CreationToken\":null}".getBytes())
                        .orElseThrow(),
                "ValidationException",
                "1 validation error detected: Value null at 'creationToken' failed to satisfy constraint: Member must "
                        + "not be null"));
        cases.add(new Case(
                "CreateFileSystem with a 100,000-character AvailabilityZoneName",
                wire.rest(
                                "CreateFileSystem",
                                Map.of("CreationToken", "az", "AvailabilityZoneName", "a".repeat(100_000)))
                        .orElseThrow(),
                "ValidationException",
                null));
        cases.add(new Case(
                "CreateFileSystem with a 5 MB KmsKeyId",
                wire.rest("CreateFileSystem", Map.of("CreationToken", "kms", "KmsKeyId", "k".repeat(5 << 20)))
                        .orElseThrow(),
                "ValidationException",
                null));
        cases.add(new Case(
                "DescribeFileSystems with a 100,000-character Marker",
                wire.rest("DescribeFileSystems", Map.of("Marker", "m".repeat(100_000)))
                        .orElseThrow(),
                "ValidationException",
                null));
        return cases;
    }

    @Override
    protected Object state() {
        Map<String, Object> s = new LinkedHashMap<>();
        for (FileSystemDescription f : efs.describeFileSystems().fileSystems()) {
            String policy;
            try {
                policy = efs.describeFileSystemPolicy(p -> p.fileSystemId(f.fileSystemId()))
                        .policy();
            } catch (PolicyNotFoundException e) {
                policy = null;
            }
            s.put(
                    f.fileSystemId(),
                    Arrays.asList(
                            f.creationToken(),
                            f.name(),
                            f.tags(),
                            f.performanceModeAsString(),
                            f.throughputModeAsString(),
                            efs.describeAccessPoints(a -> a.fileSystemId(f.fileSystemId())).accessPoints().stream()
                                    .map(a -> List.of(a.accessPointId(), a.tags()))
                                    .toList(),
                            efs.describeMountTargets(m -> m.fileSystemId(f.fileSystemId())).mountTargets().stream()
                                    .map(m -> m.mountTargetId())
                                    .toList(),
                            policy));
        }
        return s;
    }
}
