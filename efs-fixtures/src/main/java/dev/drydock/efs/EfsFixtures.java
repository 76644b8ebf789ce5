package dev.drydock.efs;

import dev.drydock.core.Drydock;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.ClasspathResources;
import dev.drydock.efs.internal.EfsServiceModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.efs.model.CreateAccessPointRequest;
import software.amazon.awssdk.services.efs.model.CreateAccessPointResponse;
import software.amazon.awssdk.services.efs.model.CreateFileSystemRequest;
import software.amazon.awssdk.services.efs.model.CreateFileSystemResponse;
import software.amazon.awssdk.services.efs.model.DeleteAccessPointRequest;
import software.amazon.awssdk.services.efs.model.DeleteAccessPointResponse;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemRequest;
import software.amazon.awssdk.services.efs.model.DeleteFileSystemResponse;
import software.amazon.awssdk.services.efs.model.PutFileSystemPolicyRequest;
import software.amazon.awssdk.services.efs.model.PutFileSystemPolicyResponse;
import software.amazon.awssdk.services.efs.model.Tag;

/**
 * EFS infrastructure to declare in a {@link Drydock} instance: the programmatic twin of {@code @EfsFileSystem}.
 *
 * <pre>{@code
 * Drydock.builder()
 *         .fixture(EfsFixtures.fileSystem("uploads")
 *                 .accessPoint("app", "/app", 1000, 1000, "755", 1000L, 1000L)
 *                 .policy("efs/uploads-policy.json"))
 *         .start();
 * }</pre>
 *
 * Task definitions may then name the file system by its name ({@code "fileSystemId": "uploads"}) or its id, and the
 * access point by its name or id.
 */
public final class EfsFixtures {
    private EfsFixtures() {}

    /**
     * A file system (CreateFileSystem with creation token {@code drydock-<name>} and the tag {@code Name=<name>}).
     *
     * @param name the file system's name (its {@code Name} tag), unique among the declared file systems
     */
    public static FileSystemFixture fileSystem(String name) {
        return new FileSystemFixture(name);
    }

    /** A file system to create; see {@link EfsFixtures#fileSystem(String)}. */
    public static final class FileSystemFixture implements Fixture {
        private final String name;
        private final List<CreateAccessPointRequest.Builder> accessPoints = new ArrayList<>();
        private String policyResource;

        private FileSystemFixture(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * An access point on the file system (CreateAccessPoint, tagged {@code Name=<name>}).
         *
         * @param name the access point's name (its {@code Name} tag)
         * @param rootDirectory its root directory, e.g. {@code /app} ({@code /} for the file system's root)
         * @param ownerUid the creation info's owner uid, used when the root directory is created on first mount;
         *     {@code null} with {@code ownerGid} and {@code permissions} for no creation info
         * @param ownerGid the creation info's owner gid
         * @param permissions the creation info's octal mode, e.g. {@code 755}
         * @param posixUid the POSIX user every access through the access point acts as, or {@code null} for none
         * @param posixGid that user's group id (required with {@code posixUid})
         */
        public FileSystemFixture accessPoint(
                String name,
                String rootDirectory,
                Long ownerUid,
                Long ownerGid,
                String permissions,
                Long posixUid,
                Long posixGid) {
            CreateAccessPointRequest.Builder b = CreateAccessPointRequest.builder()
                    .clientToken("drydock-" + name)
                    .tags(Tag.builder().key("Name").value(name).build())
                    .rootDirectory(d -> {
                        d.path(rootDirectory);
                        if (ownerUid != null || ownerGid != null || permissions != null) {
                            d.creationInfo(
                                    c -> c.ownerUid(ownerUid).ownerGid(ownerGid).permissions(permissions));
                        }
                    });
            if (posixUid != null || posixGid != null) {
                b.posixUser(u -> u.uid(posixUid).gid(posixGid));
            }
            accessPoints.add(b);
            return this;
        }

        /**
         * The file system policy, from a classpath resource holding a resource-based policy document (JSON), e.g.
         * {@code efs/uploads-policy.json}.
         */
        public FileSystemFixture policy(String resource) {
            this.policyResource = resource;
            return this;
        }

        /**
         * CreateFileSystem, CreateAccessPoint for each access point and PutFileSystemPolicy, as the test principal; when
         * one fails, what was created is deleted again, so a refused declaration leaves nothing behind.
         */
        @Override
        public void apply(Drydock drydock) {
            EfsServiceModule efs = EfsServiceModule.of(drydock);
            efs.explainSemanticsOnce();
            String policy =
                    policyResource == null ? null : ClasspathResources.read(policyResource, "file system policy");
            AdminCalls admin = efs.adminCalls();
            AdminCalls.undoingOnRefusal(
                    "EFS refuses the file system '" + name + "'", policyResource, "InvalidPolicy", undo -> {
                        String id = admin.call(
                                        "elasticfilesystem",
                                        CreateFileSystemRequest.builder()
                                                .creationToken("drydock-" + name)
                                                .tags(Tag.builder()
                                                        .key("Name")
                                                        .value(name)
                                                        .build())
                                                .build(),
                                        CreateFileSystemResponse.class)
                                .fileSystemId();
                        undo.onRefusal(() -> admin.call(
                                "elasticfilesystem",
                                DeleteFileSystemRequest.builder()
                                        .fileSystemId(id)
                                        .build(),
                                DeleteFileSystemResponse.class));
                        for (CreateAccessPointRequest.Builder ap : accessPoints) {
                            String apId = admin.call(
                                            "elasticfilesystem",
                                            ap.fileSystemId(id).build(),
                                            CreateAccessPointResponse.class)
                                    .accessPointId();
                            undo.onRefusal(() -> admin.call(
                                    "elasticfilesystem",
                                    DeleteAccessPointRequest.builder()
                                            .accessPointId(apId)
                                            .build(),
                                    DeleteAccessPointResponse.class));
                        }
                        if (policy != null) {
                            admin.call(
                                    "elasticfilesystem",
                                    PutFileSystemPolicyRequest.builder()
                                            .fileSystemId(id)
                                            .policy(policy)
                                            .build(),
                                    PutFileSystemPolicyResponse.class);
                        }
                        return id;
                    });
        }

        @Override
        public String describe() {
            return "EfsFixtures.fileSystem(\"" + name + "\")";
        }
    }
}
