package dev.drydock.efs;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.Fixture;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.ClasspathResources;
import dev.drydock.efs.internal.backend.EfsBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.efs.model.CreateAccessPointRequest;
import software.amazon.awssdk.services.efs.model.CreateFileSystemRequest;
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

        @Override
        public void apply(Drydock drydock) {
            EfsModule efs = drydock.service(EfsModule.class);
            efs.explainSemanticsOnce();
            String policy =
                    policyResource == null ? null : ClasspathResources.read(policyResource, "file system policy");
            try {
                if (policy != null) {
                    EfsBackend.parsePolicy(name, policy); // before anything is created
                }
                String id = EfsBackend.newFileSystemId();
                efs.backend()
                        .createFileSystem(
                                id,
                                CreateFileSystemRequest.builder()
                                        .creationToken("drydock-" + name)
                                        .tags(Tag.builder()
                                                .key("Name")
                                                .value(name)
                                                .build())
                                        .build());
                for (CreateAccessPointRequest.Builder ap : accessPoints) {
                    efs.backend().createAccessPoint(ap.fileSystemId(id).build());
                }
                if (policy != null) {
                    efs.backend().putPolicy(id, policy);
                }
            } catch (AwsException e) {
                throw new DrydockException(
                        "EFS refuses the file system '" + name + "': " + e.errorCode() + ": "
                                + e.getMessage()
                                + (policyResource != null && e.errorCode().startsWith("InvalidPolicy")
                                        ? " Fix src/test/resources/" + policyResource + "."
                                        : ""),
                        e);
            }
        }

        @Override
        public String describe() {
            return "EfsFixtures.fileSystem(\"" + name + "\")";
        }
    }
}
