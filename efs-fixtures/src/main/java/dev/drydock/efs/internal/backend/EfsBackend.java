package dev.drydock.efs.internal.backend;

import dev.drydock.core.iam.policy.MalformedPolicyDocumentException;
import dev.drydock.core.iam.policy.NamedPolicy;
import dev.drydock.core.iam.policy.PolicyDocument;
import dev.drydock.core.iam.policy.PolicyKind;
import dev.drydock.core.iam.policy.PolicySourceType;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.TagStore;
import dev.drydock.efs.internal.EfsErrors;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.efs.model.AccessPointDescription;
import software.amazon.awssdk.services.efs.model.CreateAccessPointRequest;
import software.amazon.awssdk.services.efs.model.CreateFileSystemRequest;
import software.amazon.awssdk.services.efs.model.CreateMountTargetRequest;
import software.amazon.awssdk.services.efs.model.CreationInfo;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.FileSystemSize;
import software.amazon.awssdk.services.efs.model.LifeCycleState;
import software.amazon.awssdk.services.efs.model.MountTargetDescription;
import software.amazon.awssdk.services.efs.model.PerformanceMode;
import software.amazon.awssdk.services.efs.model.PosixUser;
import software.amazon.awssdk.services.efs.model.RootDirectory;
import software.amazon.awssdk.services.efs.model.Tag;
import software.amazon.awssdk.services.efs.model.ThroughputMode;

/**
 * The EFS model of one account and region: file systems, access points, mount targets, file system policies and
 * tags. Every method validates before it changes anything, so a failed call leaves the state as it was. Thread-safe
 * (one lock; nothing here touches Docker or the disk).
 */
public final class EfsBackend {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FS_ID = Pattern.compile("fs-[0-9a-f]{8,40}");
    private static final Pattern FS_ARN =
            Pattern.compile("arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-]+:\\d{12}:" + "file-system/(fs-[0-9a-f]{8,40})");
    private static final Pattern AP_ID = Pattern.compile("fsap-[0-9a-f]{8,40}");
    private static final Pattern AP_ARN = Pattern.compile(
            "arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-]+:\\d{12}:" + "access-point/(fsap-[0-9a-f]{8,40})");
    private static final Pattern PERMISSIONS = Pattern.compile("[0-7]{3,4}");

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final TagStore tagStore = new TagStore(EfsErrors.TAG_RULES);
    private final Map<String, FileSystem> fileSystems = new LinkedHashMap<>();
    private final Map<String, AccessPoint> accessPoints = new LinkedHashMap<>();
    private final Map<String, MountTargetDescription> mountTargets = new LinkedHashMap<>();

    public EfsBackend(String region, String accountId, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    /** A file system and what hangs off it. Mutable only under the backend's lock. */
    public static final class FileSystem {
        final String id;
        final String arn;
        final CreateFileSystemRequest request;
        final Instant created;
        LifeCycleState state = LifeCycleState.CREATING;
        String policy;
        NamedPolicy parsedPolicy;

        FileSystem(String id, String arn, CreateFileSystemRequest request, Instant created) {
            this.id = id;
            this.arn = arn;
            this.request = request;
            this.created = created;
        }

        public String id() {
            return id;
        }

        public String arn() {
            return arn;
        }
    }

    /** An access point. Immutable. */
    public static final class AccessPoint {
        final String id;
        final String arn;
        final String fileSystemId;
        final CreateAccessPointRequest request;

        AccessPoint(String id, String arn, String fileSystemId, CreateAccessPointRequest request) {
            this.id = id;
            this.arn = arn;
            this.fileSystemId = fileSystemId;
            this.request = request;
        }

        public String id() {
            return id;
        }

        public String arn() {
            return arn;
        }

        public String fileSystemId() {
            return fileSystemId;
        }

        /** The root directory path, {@code /} by default. */
        public String rootPath() {
            RootDirectory r = request.rootDirectory();
            return r == null || r.path() == null ? "/" : r.path();
        }

        /** The creation info for the root directory, or null. */
        public CreationInfo creationInfo() {
            return request.rootDirectory() == null
                    ? null
                    : request.rootDirectory().creationInfo();
        }

        /** The POSIX user every request through this access point acts as, or null. */
        public PosixUser posixUser() {
            return request.posixUser();
        }
    }

    /** What a mount needs to know, read under the lock: the file system and, when given, the access point. */
    public record MountView(String fileSystemId, String fileSystemArn, NamedPolicy policy, AccessPoint accessPoint) {}

    // ------------------------------------------------------------------------------------------ file systems

    /** The ARN a new file system with this id gets (for authorization before creation). */
    public String fileSystemArn(String id) {
        return "arn:aws:elasticfilesystem:" + region + ":" + accountId + ":file-system/" + id;
    }

    /** A new file system id: {@code fs-} and 17 hex digits. */
    public static String newFileSystemId() {
        return "fs-" + hex(17);
    }

    public synchronized FileSystemDescription createFileSystem(String id, CreateFileSystemRequest r) {
        // CreationToken (1 to 64 characters, required) is checked against EFS's model before any handler runs
        String token = r.creationToken();
        if (r.throughputMode() == ThroughputMode.PROVISIONED && r.provisionedThroughputInMibps() == null) {
            throw EfsErrors.badRequest("ProvisionedThroughputInMibps is required when ThroughputMode is provisioned.");
        }
        if (r.throughputMode() != ThroughputMode.PROVISIONED && r.provisionedThroughputInMibps() != null) {
            throw EfsErrors.badRequest(
                    "ProvisionedThroughputInMibps can be set only when ThroughputMode is " + "provisioned.");
        }
        if (r.throughputMode() == ThroughputMode.UNKNOWN_TO_SDK_VERSION
                || r.performanceMode() == PerformanceMode.UNKNOWN_TO_SDK_VERSION) {
            throw EfsErrors.badRequest("Invalid value for "
                    + (r.throughputMode() == ThroughputMode.UNKNOWN_TO_SDK_VERSION
                            ? "ThroughputMode: use bursting, provisioned or elastic."
                            : "PerformanceMode: use generalPurpose or maxIO."));
        }
        Map<String, String> tags = EfsErrors.TAG_RULES.checkEach(r.tags());
        for (FileSystem fs : fileSystems.values()) {
            if (fs.request.creationToken().equals(token)) {
                throw EfsErrors.fileSystemAlreadyExists(fs.id, token);
            }
        }
        FileSystem fs = new FileSystem(id, fileSystemArn(id), r, clock.instant());
        tagStore.put(fs.arn, tags);
        fileSystems.put(id, fs);
        FileSystemDescription created = describe(fs);
        fs.state = LifeCycleState.AVAILABLE; // the next Describe sees it available, as AWS reports within seconds
        return created;
    }

    public synchronized List<FileSystemDescription> describeFileSystems(String idOrArn, String creationToken) {
        List<FileSystemDescription> out = new ArrayList<>();
        if (idOrArn != null) {
            out.add(describe(fileSystem(idOrArn)));
            return out;
        }
        for (FileSystem fs : fileSystems.values()) {
            if (creationToken == null || creationToken.equals(fs.request.creationToken())) {
                out.add(describe(fs));
            }
        }
        return out;
    }

    public synchronized void deleteFileSystem(String idOrArn) {
        FileSystem fs = fileSystem(idOrArn);
        if (mountTargets.values().stream().anyMatch(m -> m.fileSystemId().equals(fs.id))) {
            throw EfsErrors.fileSystemInUse(fs.id);
        }
        accessPoints.values().removeIf(ap -> {
            if (ap.fileSystemId.equals(fs.id)) {
                tagStore.remove(ap.arn);
                return true;
            }
            return false;
        });
        fileSystems.remove(fs.id);
        tagStore.remove(fs.arn);
    }

    /** The file system by id or ARN; FileSystemNotFound or BadRequest (malformed id). */
    public synchronized FileSystem fileSystem(String idOrArn) {
        String id = fileSystemId(idOrArn);
        FileSystem fs = fileSystems.get(id);
        if (fs == null) {
            throw EfsErrors.fileSystemNotFound(id);
        }
        return fs;
    }

    /** The file system whose {@code Name} tag is {@code name}, if any. */
    public synchronized Optional<FileSystem> fileSystemNamed(String name) {
        return fileSystems.values().stream()
                .filter(fs -> name.equals(name(fs.arn)))
                .findFirst();
    }

    /**
     * A line about each file system for a failing test's report, by id: its name, policy and access points.
     */
    public synchronized Map<String, String> summaries() {
        Map<String, String> out = new LinkedHashMap<>();
        for (FileSystem fs : fileSystems.values()) {
            StringBuilder b = new StringBuilder(fs.id);
            if (name(fs.arn) != null) {
                b.append(" (").append(name(fs.arn)).append(')');
            }
            if (fs.policy != null) {
                b.append(", file system policy set");
            }
            accessPoints.values().stream()
                    .filter(ap -> ap.fileSystemId.equals(fs.id))
                    .forEach(ap -> b.append(", access point ")
                            .append(ap.id)
                            .append(' ')
                            .append(ap.rootPath())
                            .append(
                                    ap.posixUser() == null
                                            ? ""
                                            : " as " + ap.posixUser().uid() + ":"
                                                    + ap.posixUser().gid()));
            out.put(fs.id, b.toString());
        }
        return out;
    }

    /** Every file system id, in creation order. */
    public synchronized List<String> fileSystemIds() {
        return List.copyOf(fileSystems.keySet());
    }

    private static String fileSystemId(String idOrArn) {
        if (idOrArn == null) {
            throw EfsErrors.badRequest("FileSystemId is required.");
        }
        var arn = FS_ARN.matcher(idOrArn);
        if (arn.matches()) {
            return arn.group(1);
        }
        if (!FS_ID.matcher(idOrArn).matches()) {
            throw EfsErrors.badRequest("Invalid file system ID '" + idOrArn + "': a file system ID is fs- followed "
                    + "by 8 to 40 hexadecimal digits, or a file system ARN.");
        }
        return idOrArn;
    }

    private FileSystemDescription describe(FileSystem fs) {
        CreateFileSystemRequest r = fs.request;
        long mounts = mountTargets.values().stream()
                .filter(m -> m.fileSystemId().equals(fs.id))
                .count();
        return FileSystemDescription.builder()
                .ownerId(accountId)
                .creationToken(r.creationToken())
                .fileSystemId(fs.id)
                .fileSystemArn(fs.arn)
                .creationTime(fs.created)
                .lifeCycleState(fs.state)
                .name(name(fs.arn))
                .numberOfMountTargets((int) mounts)
                .sizeInBytes(FileSystemSize.builder()
                        .value(6144L)
                        .valueInStandard(6144L)
                        .valueInIA(0L)
                        .valueInArchive(0L)
                        .build())
                .performanceMode(r.performanceMode() == null ? PerformanceMode.GENERAL_PURPOSE : r.performanceMode())
                .encrypted(Boolean.TRUE.equals(r.encrypted()))
                .kmsKeyId(
                        Boolean.TRUE.equals(r.encrypted())
                                ? (r.kmsKeyId() != null
                                        ? r.kmsKeyId()
                                        : "arn:aws:kms:" + region + ":" + accountId + ":key/aws/elasticfilesystem")
                                : null)
                .throughputMode(r.throughputMode() == null ? ThroughputMode.ELASTIC : r.throughputMode())
                .provisionedThroughputInMibps(r.provisionedThroughputInMibps())
                .availabilityZoneName(r.availabilityZoneName())
                .tags(tagList(tagStore.tags(fs.arn)))
                .build();
    }

    // ------------------------------------------------------------------------------------------ policies

    /**
     * Sets a file system policy.
     *
     * @throws dev.drydock.core.spi.AwsException InvalidPolicyException with the parser's reason
     */
    public synchronized void putPolicy(String idOrArn, String policy) {
        FileSystem fs = fileSystem(idOrArn);
        NamedPolicy parsed = parsePolicy(fs.id, policy);
        fs.policy = policy;
        fs.parsedPolicy = parsed;
    }

    /** Parses a file system policy as a resource-based policy; InvalidPolicyException when IAM would reject it. */
    public static NamedPolicy parsePolicy(String fileSystemId, String policy) {
        try {
            return new NamedPolicy(
                    fileSystemId + " file system policy",
                    PolicySourceType.RESOURCE,
                    PolicyDocument.parse(policy, PolicyKind.RESOURCE));
        } catch (MalformedPolicyDocumentException e) {
            throw new AwsException(
                    "InvalidPolicyException",
                    400,
                    "Policy is malformed: " + e.iamMessage() + " (" + e.detail() + ")",
                    e);
        }
    }

    public synchronized String policy(String idOrArn) {
        FileSystem fs = fileSystem(idOrArn);
        if (fs.policy == null) {
            throw EfsErrors.policyNotFound(fs.id);
        }
        return fs.policy;
    }

    public synchronized void deletePolicy(String idOrArn) {
        FileSystem fs = fileSystem(idOrArn);
        fs.policy = null;
        fs.parsedPolicy = null;
    }

    // ------------------------------------------------------------------------------------------ access points

    public synchronized AccessPointDescription createAccessPoint(CreateAccessPointRequest r) {
        FileSystem fs = fileSystem(r.fileSystemId());
        for (AccessPoint existing : accessPoints.values()) {
            if (existing.request.clientToken().equals(r.clientToken()) && existing.fileSystemId.equals(fs.id)) {
                return describe(existing); // idempotent by client token, as AWS
            }
        }
        validateAccessPoint(r);
        Map<String, String> tags = EfsErrors.TAG_RULES.checkEach(r.tags());
        String id = "fsap-" + hex(17);
        AccessPoint ap = new AccessPoint(
                id, "arn:aws:elasticfilesystem:" + region + ":" + accountId + ":access-point/" + id, fs.id, r);
        tagStore.put(ap.arn, tags);
        accessPoints.put(id, ap);
        // EFS answers "creating"; the access point is available by the next Describe
        return describe(ap).toBuilder().lifeCycleState(LifeCycleState.CREATING).build();
    }

    private static void validateAccessPoint(CreateAccessPointRequest r) {
        RootDirectory root = r.rootDirectory();
        if (root != null && root.path() != null) {
            String path = root.path();
            if (!path.startsWith("/") || path.length() > 100) {
                throw EfsErrors.badRequest("RootDirectory.Path must be an absolute path of at most 100 characters, "
                        + "e.g. /uploads; got '" + path + "'.");
            }
            if (path.split("/").length - 1 > 4
                    || path.contains("//")
                    || path.contains("/../")
                    || path.endsWith("/..")
                    || path.contains("/./")) {
                throw EfsErrors.badRequest("RootDirectory.Path '" + path + "' is invalid: it may have at most four "
                        + "subdirectories, no empty, '.' or '..' components.");
            }
        }
        CreationInfo ci = root == null ? null : root.creationInfo();
        if (ci != null) {
            if (ci.ownerUid() == null || ci.ownerGid() == null || ci.permissions() == null) {
                throw EfsErrors.badRequest("RootDirectory.CreationInfo needs OwnerUid, OwnerGid and Permissions; "
                        + "missing "
                        + (ci.ownerUid() == null ? "OwnerUid" : ci.ownerGid() == null ? "OwnerGid" : "Permissions")
                        + ".");
            }
            if (!PERMISSIONS.matcher(ci.permissions()).matches()) {
                throw EfsErrors.badRequest("RootDirectory.CreationInfo.Permissions must be an octal mode of 3 or 4 "
                        + "digits such as 755; got '" + ci.permissions() + "'.");
            }
            checkId("RootDirectory.CreationInfo.OwnerUid", ci.ownerUid());
            checkId("RootDirectory.CreationInfo.OwnerGid", ci.ownerGid());
        }
        PosixUser u = r.posixUser();
        if (u != null) {
            checkId("PosixUser.Uid", u.uid());
            checkId("PosixUser.Gid", u.gid());
            if (u.secondaryGids().size() > 16) {
                throw EfsErrors.badRequest("PosixUser.SecondaryGids may hold at most 16 group ids.");
            }
            u.secondaryGids().forEach(g -> checkId("PosixUser.SecondaryGids", g));
        }
    }

    private static void checkId(String member, Long id) {
        if (id != null && (id < 0 || id > 4294967295L)) {
            throw EfsErrors.badRequest(member + " must be between 0 and 4294967295; got " + id + ".");
        }
    }

    public synchronized List<AccessPointDescription> describeAccessPoints(String accessPointId, String fileSystemId) {
        if (accessPointId != null && fileSystemId != null) {
            throw EfsErrors.badRequest("Specify either AccessPointId or FileSystemId, not both.");
        }
        List<AccessPointDescription> out = new ArrayList<>();
        if (accessPointId != null) {
            out.add(describe(accessPoint(accessPointId)));
            return out;
        }
        String fsId = fileSystemId == null ? null : fileSystem(fileSystemId).id;
        for (AccessPoint ap : accessPoints.values()) {
            if (fsId == null || ap.fileSystemId.equals(fsId)) {
                out.add(describe(ap));
            }
        }
        return out;
    }

    public synchronized void deleteAccessPoint(String idOrArn) {
        AccessPoint ap = accessPoint(idOrArn);
        accessPoints.remove(ap.id);
        tagStore.remove(ap.arn);
    }

    /** The access point by id or ARN; AccessPointNotFound or BadRequest (malformed id). */
    public synchronized AccessPoint accessPoint(String idOrArn) {
        var arn = AP_ARN.matcher(idOrArn);
        String id = arn.matches() ? arn.group(1) : idOrArn;
        if (!AP_ID.matcher(id).matches()) {
            throw EfsErrors.badRequest("Invalid access point ID '" + idOrArn + "': an access point ID is fsap- "
                    + "followed by 8 to 40 hexadecimal digits, or an access point ARN.");
        }
        AccessPoint ap = accessPoints.get(id);
        if (ap == null) {
            throw EfsErrors.accessPointNotFound(id);
        }
        return ap;
    }

    /** The access point of {@code fileSystemId} whose {@code Name} tag is {@code name}, if any. */
    public synchronized Optional<AccessPoint> accessPointNamed(String fileSystemId, String name) {
        return accessPoints.values().stream()
                .filter(ap ->
                        (fileSystemId == null || ap.fileSystemId.equals(fileSystemId)) && name.equals(name(ap.arn)))
                .findFirst();
    }

    private AccessPointDescription describe(AccessPoint ap) {
        CreateAccessPointRequest r = ap.request;
        return AccessPointDescription.builder()
                .clientToken(r.clientToken())
                .name(name(ap.arn))
                .tags(tagList(tagStore.tags(ap.arn)))
                .accessPointId(ap.id)
                .accessPointArn(ap.arn)
                .fileSystemId(ap.fileSystemId)
                .posixUser(r.posixUser())
                .rootDirectory(
                        r.rootDirectory() != null
                                ? r.rootDirectory()
                                : RootDirectory.builder().path("/").build())
                .ownerId(accountId)
                .lifeCycleState(LifeCycleState.AVAILABLE)
                .build();
    }

    /** What a task's mount needs, read consistently. */
    public synchronized MountView mountView(String fileSystemIdOrArn, String accessPointId) {
        FileSystem fs = fileSystem(fileSystemIdOrArn);
        AccessPoint ap = null;
        if (accessPointId != null) {
            ap = accessPoint(accessPointId);
            if (!ap.fileSystemId.equals(fs.id)) {
                throw EfsErrors.badRequest("Access point " + ap.id + " belongs to file system " + ap.fileSystemId
                        + ", not " + fs.id + ".");
            }
        }
        return new MountView(fs.id, fs.arn, fs.parsedPolicy, ap);
    }

    // ------------------------------------------------------------------------------------------ mount targets

    public synchronized MountTargetDescription createMountTarget(CreateMountTargetRequest r) {
        FileSystem fs = fileSystem(r.fileSystemId());
        if (!r.subnetId().matches("subnet-[0-9a-f]{8,17}")) {
            throw new AwsException("SubnetNotFound", 400, "The subnet ID '" + r.subnetId() + "' does not exist.");
        }
        for (MountTargetDescription m : mountTargets.values()) {
            if (m.fileSystemId().equals(fs.id) && m.subnetId().equals(r.subnetId())) {
                throw new AwsException(
                        "MountTargetConflict",
                        409,
                        "File system '"
                                + fs.id + "' already has a mount target in the availability zone of subnet '"
                                + r.subnetId() + "'.");
            }
        }
        String id = "fsmt-" + hex(17);
        MountTargetDescription created = MountTargetDescription.builder()
                .ownerId(accountId)
                .mountTargetId(id)
                .fileSystemId(fs.id)
                .subnetId(r.subnetId())
                .lifeCycleState(LifeCycleState.CREATING)
                .ipAddress(r.ipAddress() != null ? r.ipAddress() : "10.0.0." + (10 + mountTargets.size() % 240))
                .networkInterfaceId("eni-" + hex(17))
                .availabilityZoneId(zoneId())
                .availabilityZoneName(region + "a")
                .vpcId("vpc-" + hex(17))
                .build();
        mountTargets.put(
                id, created.toBuilder().lifeCycleState(LifeCycleState.AVAILABLE).build());
        return created;
    }

    public synchronized List<MountTargetDescription> describeMountTargets(
            String fileSystemId, String mountTargetId, String accessPointId) {
        int given = (fileSystemId != null ? 1 : 0) + (mountTargetId != null ? 1 : 0) + (accessPointId != null ? 1 : 0);
        if (given != 1) {
            throw EfsErrors.badRequest("Specify exactly one of FileSystemId, MountTargetId or AccessPointId.");
        }
        if (mountTargetId != null) {
            MountTargetDescription m = mountTargets.get(mountTargetId);
            if (m == null) {
                throw EfsErrors.mountTargetNotFound(mountTargetId);
            }
            return List.of(m);
        }
        String fsId = fileSystemId != null ? fileSystem(fileSystemId).id : accessPoint(accessPointId).fileSystemId;
        return mountTargets.values().stream()
                .filter(m -> m.fileSystemId().equals(fsId))
                .toList();
    }

    public synchronized void deleteMountTarget(String mountTargetId) {
        if (mountTargets.remove(mountTargetId) == null) {
            throw EfsErrors.mountTargetNotFound(mountTargetId);
        }
    }

    /** The file system a mount target belongs to; MountTargetNotFound. */
    public synchronized String mountTargetFileSystem(String mountTargetId) {
        MountTargetDescription m = mountTargets.get(mountTargetId);
        if (m == null) {
            throw EfsErrors.mountTargetNotFound(mountTargetId);
        }
        return m.fileSystemId();
    }

    private String zoneId() {
        return "use1-az1";
    }

    // ------------------------------------------------------------------------------------------ tags

    /** The ARN of a file system or access point given by id or ARN (TagResource's ResourceId). */
    public synchronized String resourceArn(String resourceId) {
        return resourceId.startsWith("fsap-") || AP_ARN.matcher(resourceId).matches()
                ? accessPoint(resourceId).arn
                : fileSystem(resourceId).arn;
    }

    /** The tags of a file system or access point given by id or ARN. */
    public synchronized Map<String, String> tags(String resourceId) {
        return tagStore.tags(resourceArn(resourceId));
    }

    /**
     * TagResource: adds tags, replacing the values of keys the resource has; at most 50 per resource.
     *
     * @throws dev.drydock.core.spi.AwsException BadRequest for a bad tag or too many, FileSystemNotFound or
     *     AccessPointNotFound
     */
    public synchronized void tag(String resourceId, List<Tag> tags) {
        String arn = resourceArn(resourceId);
        tagStore.tag(arn, EfsErrors.TAG_RULES.checkEach(tags));
    }

    /** UntagResource: removes the tags with these keys; keys the resource does not have are ignored. */
    public synchronized void untag(String resourceId, List<String> keys) {
        tagStore.untag(resourceArn(resourceId), keys);
    }

    /** The tags of every file system and access point, by ARN: where {@code aws:ResourceTag/*} values come from. */
    public TagStore tagStore() {
        return tagStore;
    }

    /** A resource's {@code Name} tag, or {@code null}. */
    private String name(String arn) {
        return tagStore.tags(arn).get("Name");
    }

    private static List<Tag> tagList(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
        return out;
    }

    private static String hex(int length) {
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            b.append(Integer.toHexString(RANDOM.nextInt(16)));
        }
        return b.toString();
    }
}
