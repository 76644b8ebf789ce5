package dev.drydock.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.core.Drydock;
import dev.drydock.core.IamFixtures;
import dev.drydock.core.runtime.SimulatedRuntime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.AccessPointDescription;
import software.amazon.awssdk.services.efs.model.AccessPointNotFoundException;
import software.amazon.awssdk.services.efs.model.CreateAccessPointResponse;
import software.amazon.awssdk.services.efs.model.CreateFileSystemResponse;
import software.amazon.awssdk.services.efs.model.EfsException;
import software.amazon.awssdk.services.efs.model.FileSystemAlreadyExistsException;
import software.amazon.awssdk.services.efs.model.FileSystemInUseException;
import software.amazon.awssdk.services.efs.model.FileSystemNotFoundException;
import software.amazon.awssdk.services.efs.model.InvalidPolicyException;
import software.amazon.awssdk.services.efs.model.LifeCycleState;
import software.amazon.awssdk.services.efs.model.PolicyNotFoundException;
import software.amazon.awssdk.services.efs.model.Tag;
import software.amazon.awssdk.services.efs.model.ValidationException;

/** The EFS API through the real SDK v2 {@link EfsClient} against Drydock's endpoint (no Docker). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EfsApiTest {
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"*\"},\"Action\":\"elasticfilesystem:ClientMount\",\"Resource\":\"*\"}]}";

    Drydock drydock;
    EfsClient efs;

    @BeforeAll
    void start() {
        drydock = Drydock.builder()
                .runtime(SimulatedRuntime::new)
                .fixture(IamFixtures.role("efs-reader").policy("iam/efs-reader.json"))
                .start();
        efs = drydock.client(EfsClient.builder());
    }

    @AfterAll
    void stop() {
        efs.close();
        drydock.close();
    }

    private CreateFileSystemResponse create(String name) {
        return efs.createFileSystem(r -> r.creationToken(UUID.randomUUID().toString())
                .tags(Tag.builder().key("Name").value(name).build()));
    }

    @Test
    void createFileSystemIsIdempotentByCreationTokenAndBecomesAvailable() {
        CreateFileSystemResponse created = efs.createFileSystem(r -> r.creationToken("token-1")
                .encrypted(true)
                .tags(Tag.builder().key("Name").value("uploads").build()));
        assertThat(created.fileSystemId()).matches("fs-[0-9a-f]{17}");
        assertThat(created.fileSystemArn())
                .isEqualTo("arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/" + created.fileSystemId());
        assertThat(created.lifeCycleState()).isEqualTo(LifeCycleState.CREATING);
        assertThat(created.name()).isEqualTo("uploads");
        assertThat(created.encrypted()).isTrue();

        var again = catchThrowableOfType(
                FileSystemAlreadyExistsException.class, () -> efs.createFileSystem(r -> r.creationToken("token-1")));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.awsErrorDetails().errorCode()).isEqualTo("FileSystemAlreadyExists");
        assertThat(again.getMessage()).contains(created.fileSystemId());
        assertThat(again.fileSystemId()).isEqualTo(created.fileSystemId());
        assertThat(again.errorCode()).isEqualTo("FileSystemAlreadyExists");

        var described = efs.describeFileSystems(r -> r.fileSystemId(created.fileSystemId()))
                .fileSystems();
        assertThat(described).singleElement().satisfies(fs -> {
            assertThat(fs.lifeCycleState()).isEqualTo(LifeCycleState.AVAILABLE);
            assertThat(fs.creationToken()).isEqualTo("token-1");
            assertThat(fs.numberOfMountTargets()).isZero();
        });
        assertThat(efs.describeFileSystems(r -> r.creationToken("token-1")).fileSystems())
                .hasSize(1);
        assertThat(efs.describeFileSystems(r -> r.fileSystemId(created.fileSystemArn()))
                        .fileSystems())
                .hasSize(1);
    }

    @Test
    void unknownAndMalformedIdsGetEfsErrors() {
        var missing = catchThrowableOfType(
                FileSystemNotFoundException.class,
                () -> efs.describeFileSystems(r -> r.fileSystemId("fs-0123456789abcdef0")));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("FileSystemNotFound");
        assertThat(missing.getMessage()).contains("File system 'fs-0123456789abcdef0' does not exist.");

        // EFS checks ids against its model's pattern, answering ValidationException as it does for every constraint
        // of its model (kubernetes-sigs/aws-efs-csi-driver#1073 quotes one for an access point's path)
        var malformed = catchThrowableOfType(
                ValidationException.class, () -> efs.deleteFileSystem(r -> r.fileSystemId("fake-id")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.awsErrorDetails().errorMessage())
                .startsWith("1 validation error detected: Value 'fake-id' at 'fileSystemId' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: ");

        var noAp = catchThrowableOfType(
                AccessPointNotFoundException.class,
                () -> efs.describeAccessPoints(r -> r.accessPointId("fsap-0123456789abcdef0")));
        assertThat(noAp.statusCode()).isEqualTo(404);
    }

    @Test
    void accessPointsAreCreatedDescribedAndDeleted() {
        String fs = create("ap-fs").fileSystemId();
        CreateAccessPointResponse ap = efs.createAccessPoint(r -> r.clientToken("ap-1")
                .fileSystemId(fs)
                .posixUser(u -> u.uid(1000L).gid(1000L))
                .rootDirectory(d -> d.path("/uploads")
                        .creationInfo(c -> c.ownerUid(1000L).ownerGid(1000L).permissions("750")))
                .tags(Tag.builder().key("Name").value("app").build()));
        assertThat(ap.accessPointId()).matches("fsap-[0-9a-f]{17}");
        assertThat(ap.accessPointArn()).endsWith(":access-point/" + ap.accessPointId());
        assertThat(ap.name()).isEqualTo("app");
        assertThat(ap.posixUser().uid()).isEqualTo(1000L);
        assertThat(ap.lifeCycleState()).isEqualTo(LifeCycleState.CREATING);

        CreateAccessPointResponse same =
                efs.createAccessPoint(r -> r.clientToken("ap-1").fileSystemId(fs));
        assertThat(same.accessPointId()).isEqualTo(ap.accessPointId());

        List<AccessPointDescription> listed =
                efs.describeAccessPoints(r -> r.fileSystemId(fs)).accessPoints();
        assertThat(listed).extracting(AccessPointDescription::accessPointId).containsExactly(ap.accessPointId());
        assertThat(listed.get(0).rootDirectory().creationInfo().permissions()).isEqualTo("750");
        assertThat(listed.get(0).lifeCycleState()).isEqualTo(LifeCycleState.AVAILABLE);

        efs.deleteAccessPoint(r -> r.accessPointId(ap.accessPointId()));
        assertThat(efs.describeAccessPoints(r -> r.fileSystemId(fs)).accessPoints())
                .isEmpty();
    }

    @Test
    void invalidAccessPointSettingsAreRejectedAndNothingIsStored() {
        String fs = create("bad-ap-fs").fileSystemId();
        var badPermissions = catchThrowableOfType(
                ValidationException.class,
                () -> efs.createAccessPoint(r -> r.clientToken("bad-1")
                        .fileSystemId(fs)
                        .rootDirectory(d -> d.path("/x")
                                .creationInfo(c -> c.ownerUid(1L).ownerGid(1L).permissions("999")))));
        assertThat(badPermissions.getMessage())
                .contains("Value '999' at 'rootDirectory.creationInfo.permissions' failed to satisfy constraint");
        var relative = catchThrowableOfType(
                ValidationException.class,
                () -> efs.createAccessPoint(
                        r -> r.clientToken("bad-2").fileSystemId(fs).rootDirectory(d -> d.path("relative"))));
        assertThat(relative.getMessage()).contains("Value 'relative' at 'rootDirectory.path' failed to satisfy");
        var missingInfo = catchThrowableOfType(
                ValidationException.class,
                () -> efs.createAccessPoint(r -> r.clientToken("bad-3")
                        .fileSystemId(fs)
                        .rootDirectory(d ->
                                d.path("/x").creationInfo(c -> c.ownerUid(1L).permissions("755")))));
        assertThat(missingInfo.getMessage())
                .contains("Value null at 'rootDirectory.creationInfo.ownerGid' failed to satisfy constraint: Member "
                        + "must not be null");
        assertThat(efs.describeAccessPoints(r -> r.fileSystemId(fs)).accessPoints())
                .isEmpty();
    }

    @Test
    void mountTargetsKeepTheFileSystemInUse() {
        String fs = create("mt-fs").fileSystemId();
        var mt = efs.createMountTarget(r -> r.fileSystemId(fs).subnetId("subnet-0123456789abcdef0"));
        assertThat(mt.mountTargetId()).matches("fsmt-[0-9a-f]{17}");
        assertThat(efs.describeMountTargets(r -> r.fileSystemId(fs)).mountTargets())
                .hasSize(1);
        assertThat(efs.describeFileSystems(r -> r.fileSystemId(fs))
                        .fileSystems()
                        .get(0)
                        .numberOfMountTargets())
                .isEqualTo(1);

        var inUse = catchThrowableOfType(
                FileSystemInUseException.class, () -> efs.deleteFileSystem(r -> r.fileSystemId(fs)));
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(efs.describeFileSystems(r -> r.fileSystemId(fs)).fileSystems())
                .hasSize(1);

        efs.deleteMountTarget(r -> r.mountTargetId(mt.mountTargetId()));
        efs.deleteFileSystem(r -> r.fileSystemId(fs));
        assertThat(catchThrowableOfType(
                        FileSystemNotFoundException.class, () -> efs.describeFileSystems(r -> r.fileSystemId(fs))))
                .isNotNull();
    }

    @Test
    void fileSystemPolicyRoundTripsAndMalformedPoliciesChangeNothing() {
        String fs = create("policy-fs").fileSystemId();
        assertThat(catchThrowableOfType(
                                PolicyNotFoundException.class,
                                () -> efs.describeFileSystemPolicy(r -> r.fileSystemId(fs)))
                        .statusCode())
                .isEqualTo(404);

        assertThat(efs.putFileSystemPolicy(r -> r.fileSystemId(fs).policy(POLICY))
                        .policy())
                .isEqualTo(POLICY);
        assertThat(efs.describeFileSystemPolicy(r -> r.fileSystemId(fs)).policy())
                .isEqualTo(POLICY);

        var invalid = catchThrowableOfType(
                InvalidPolicyException.class,
                () -> efs.putFileSystemPolicy(r -> r.fileSystemId(fs).policy("{\"Statement\": 5}")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        var noPrincipal = catchThrowableOfType(
                InvalidPolicyException.class,
                () -> efs.putFileSystemPolicy(r -> r.fileSystemId(fs)
                        .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Action\":\"elasticfilesystem:ClientMount\",\"Resource\":\"*\"}]}")));
        assertThat(noPrincipal).isNotNull();
        assertThat(efs.describeFileSystemPolicy(r -> r.fileSystemId(fs)).policy())
                .isEqualTo(POLICY);

        efs.deleteFileSystemPolicy(r -> r.fileSystemId(fs));
        assertThat(catchThrowableOfType(
                        PolicyNotFoundException.class, () -> efs.describeFileSystemPolicy(r -> r.fileSystemId(fs))))
                .isNotNull();
    }

    @Test
    void tagsOnFileSystemsAndAccessPoints() {
        var created = create("tagged");
        String fs = created.fileSystemId();
        efs.tagResource(r ->
                r.resourceId(fs).tags(Tag.builder().key("team").value("media").build()));
        assertThat(efs.listTagsForResource(r -> r.resourceId(created.fileSystemArn()))
                        .tags())
                .extracting(Tag::key)
                .containsExactly("Name", "team");
        efs.untagResource(r -> r.resourceId(fs).tagKeys("team", "absent"));
        assertThat(efs.listTagsForResource(r -> r.resourceId(fs)).tags())
                .extracting(Tag::key)
                .containsExactly("Name");
        efs.tagResource(r ->
                r.resourceId(fs).tags(Tag.builder().key("Name").value("renamed").build()));
        assertThat(efs.describeFileSystems(r -> r.fileSystemId(fs))
                        .fileSystems()
                        .get(0)
                        .name())
                .isEqualTo("renamed");

        String ap = efs.createAccessPoint(r -> r.clientToken("tag-ap").fileSystemId(fs))
                .accessPointId();
        efs.tagResource(
                r -> r.resourceId(ap).tags(Tag.builder().key("k").value("v").build()));
        assertThat(efs.listTagsForResource(r -> r.resourceId(ap)).tags())
                .extracting(Tag::key)
                .containsExactly("k");
    }

    @Test
    void paginationWithMaxItems() {
        for (int i = 0; i < 3; i++) {
            create("page-" + i);
        }
        var first = efs.describeFileSystems(r -> r.maxItems(2));
        assertThat(first.fileSystems()).hasSize(2);
        assertThat(first.nextMarker()).isNotNull();
        long total = efs.describeFileSystemsPaginator(r -> r.maxItems(2)).fileSystems().stream()
                .count();
        assertThat(total)
                .isEqualTo(efs.describeFileSystems(r -> r.maxItems(100))
                        .fileSystems()
                        .size());
    }

    @Test
    void unimplementedOperationsAnswer501NamingThem() {
        var e = catchThrowableOfType(
                EfsException.class, () -> efs.describeBackupPolicy(r -> r.fileSystemId("fs-0123456789abcdef0")));
        assertThat(e.statusCode()).isEqualTo(501);
        assertThat(e.getMessage()).contains("elasticfilesystem:DescribeBackupPolicy");
    }

    @Test
    void everyCallIsAuthorizedAndRecorded() {
        EfsClient reader = drydock.clientActingAs("efs-reader", EfsClient.builder());
        String fs = create("authz").fileSystemId();
        assertThat(reader.describeFileSystems(r -> r.fileSystemId(fs)).fileSystems())
                .hasSize(1);
        var denied = catchThrowableOfType(EfsException.class, () -> reader.deleteFileSystem(r -> r.fileSystemId(fs)));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(denied.getMessage())
                .contains("elasticfilesystem:DeleteFileSystem")
                .contains(":file-system/" + fs);
        assertThat(drydock.decisionLog().decisions()).anySatisfy(d -> {
            assertThat(d.action()).isEqualTo("elasticfilesystem:DeleteFileSystem");
            assertThat(d.allowed()).isFalse();
        });
        assertThat(efs.describeFileSystems(r -> r.fileSystemId(fs)).fileSystems())
                .hasSize(1);
        reader.close();
    }

    @Test
    void aRequestSignedForAnotherRegionIsRefusedAsEfsRefusesIt() {
        try (EfsClient paris = EfsClient.builder()
                .endpointOverride(drydock.endpoint())
                .region(Region.EU_WEST_3)
                .credentialsProvider(drydock.credentialsProvider())
                .httpClient(ApacheHttpClient.create())
                .build()) {
            EfsException e = catchThrowableOfType(EfsException.class, paris::describeFileSystems);
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Credential should be scoped to a valid region, not 'eu-west-3'.");
        }
    }
}
