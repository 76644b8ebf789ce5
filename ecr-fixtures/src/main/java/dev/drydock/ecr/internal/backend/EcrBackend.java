package dev.drydock.ecr.internal.backend;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.spi.TagStore;
import dev.drydock.ecr.internal.EcrErrors;
import dev.drydock.ecr.internal.registry.BlobStore;
import dev.drydock.ecr.internal.registry.LayerCache;
import dev.drydock.ecr.internal.registry.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecr.model.EncryptionType;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

/**
 * The ECR model of one account and region: repositories, the images in them (manifests by digest, tags), the layer
 * blobs each repository holds (the bytes live once in the {@link BlobStore}), and the registry authorization tokens
 * GetAuthorizationToken issued. Both the ECR API and the registry v2 endpoint work on it. Thread-safe; every check
 * happens before anything changes, so a refused call changes nothing.
 */
public final class EcrBackend {
    /** ECR's repository name pattern (CreateRepository's {@code repositoryName}). */
    public static final Pattern REPOSITORY_NAME =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    /** An image tag as ECR and the distribution spec accept it. */
    public static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    /** How long a registry token lives: 12 hours, as GetAuthorizationToken documents. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String accountId;
    private final String region;
    private final Clock clock;
    private final BlobStore blobs;
    private final Object lock = new Object();
    private final Map<String, RepositoryRecord> repositories = new TreeMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> uploadRepositories = new ConcurrentHashMap<>();
    private final TagStore tags = new TagStore(null);
    private final Supplier<String> uriHost;
    private volatile Supplier<Optional<LayerCache>> layerCache = Optional::empty;

    /** A model whose repository URIs have AWS's form, {@code <account>.dkr.ecr.<region>.amazonaws.com/<name>}. */
    public EcrBackend(String accountId, String region, Clock clock, BlobStore blobs) {
        this(accountId, region, clock, blobs, null);
    }

    /**
     * @param uriHost the host that repository URIs and GetAuthorizationToken's {@code proxyEndpoint} name (asked when
     *     a repository is created), or {@code null} for AWS's {@link #registryHost()}
     */
    public EcrBackend(String accountId, String region, Clock clock, BlobStore blobs, Supplier<String> uriHost) {
        this.accountId = accountId;
        this.region = region;
        this.clock = clock;
        this.blobs = blobs;
        this.uriHost = uriHost == null ? this::registryHost : uriHost;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    public Clock clock() {
        return clock;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** The repositories' tags, by repository ARN (ECR sets no limit of its own here). */
    public TagStore tags() {
        return tags;
    }

    /** The registry host of this account and region, {@code <account>.dkr.ecr.<region>.amazonaws.com}. */
    public String registryHost() {
        return accountId + ".dkr.ecr." + region + ".amazonaws.com";
    }

    /**
     * The host that repository URIs and {@code proxyEndpoint} name: {@link #registryHost()}, or Drydock's registry
     * ({@code 127.0.0.1:<port>}) with the setting {@code ecr.repository-uri=local}.
     */
    public String uriHost() {
        return uriHost.get();
    }

    /** A repository's ARN, {@code arn:aws:ecr:<region>:<account>:repository/<name>} (it need not exist). */
    public String repositoryArn(String name) {
        return "arn:aws:ecr:" + region + ":" + accountId + ":repository/" + name;
    }

    // ---------------------------------------------------------------------------------------------- repositories

    /**
     * Creates a repository.
     *
     * @throws AwsException InvalidParameterException for a bad name or mutability,
     *     RepositoryAlreadyExistsException
     */
    public RepositoryRecord createRepository(
            String name,
            String tagMutability,
            boolean scanOnPush,
            String encryptionType,
            String kmsKey,
            Map<String, String> tags) {
        checkName(name);
        String mutability = tagMutability == null ? ImageTagMutability.MUTABLE.toString() : tagMutability;
        if (!mutability.equals(ImageTagMutability.MUTABLE.toString())
                && !mutability.equals(ImageTagMutability.IMMUTABLE.toString())) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageTagMutability' failed to satisfy "
                    + "constraint: 'Member must satisfy enum value set: [MUTABLE, IMMUTABLE]'");
        }
        synchronized (lock) {
            if (repositories.containsKey(name)) {
                throw EcrErrors.repositoryAlreadyExists(name, accountId);
            }
            RepositoryRecord r = new RepositoryRecord(
                    name,
                    repositoryArn(name),
                    uriHost() + "/" + name,
                    clock.instant(),
                    mutability,
                    scanOnPush,
                    encryptionType == null ? EncryptionType.AES256.toString() : encryptionType,
                    kmsKey);
            this.tags.put(r.arn, tags);
            repositories.put(name, r);
            return r;
        }
    }

    /**
     * The repository named {@code name}.
     *
     * @throws AwsException RepositoryNotFoundException
     */
    public RepositoryRecord repository(String name) {
        synchronized (lock) {
            RepositoryRecord r = repositories.get(name);
            if (r == null) {
                throw EcrErrors.repositoryNotFound(name, accountId);
            }
            return r;
        }
    }

    /** The repository named {@code name}, if it exists. */
    public Optional<RepositoryRecord> findRepository(String name) {
        synchronized (lock) {
            return Optional.ofNullable(repositories.get(name));
        }
    }

    /** The repository with this ARN, if it exists. */
    public Optional<RepositoryRecord> findByArn(String arn) {
        String prefix = repositoryArn("");
        return arn != null && arn.startsWith(prefix)
                ? findRepository(arn.substring(prefix.length()))
                : Optional.empty();
    }

    /** Every repository, by name. */
    public List<RepositoryRecord> repositories() {
        synchronized (lock) {
            return new ArrayList<>(repositories.values());
        }
    }

    /**
     * Deletes a repository; with images in it only when {@code force}.
     *
     * @throws AwsException RepositoryNotFoundException, RepositoryNotEmptyException
     */
    public RepositoryRecord deleteRepository(String name, boolean force) {
        synchronized (lock) {
            RepositoryRecord r = repository(name);
            if (!r.images.isEmpty() && !force) {
                throw EcrErrors.repositoryNotEmpty(name, accountId);
            }
            repositories.remove(name);
            tags.remove(r.arn);
            return r;
        }
    }

    /** Runs {@code change} on a repository under the model lock. */
    public <T> T update(String name, Function<RepositoryRecord, T> change) {
        synchronized (lock) {
            return change.apply(repository(name));
        }
    }

    // ---------------------------------------------------------------------------------------------------- layers

    /** Where pushed images' layers are kept across sessions (none unless set), opened when first asked. */
    public void layerCache(Supplier<Optional<LayerCache>> cache) {
        this.layerCache = cache;
    }

    /**
     * Gives a repository the blobs of an image that Drydock's layer cache holds from an earlier push (by this or an
     * earlier session): its config (whose digest is the image id) and, for each uncompressed layer digest, every
     * compressed blob known for it. A push of that image then finds them ("Layer already exists").
     *
     * @param imageId the image's content id ({@code sha256:...}, its config's digest)
     * @param diffIds the image's uncompressed layer digests
     * @return how many bytes of blobs the repository got this way
     * @throws AwsException RepositoryNotFoundException
     */
    public long reuseCachedBlobs(String repository, String imageId, List<String> diffIds) {
        repository(repository);
        LayerCache cache = layerCache.get().orElse(null);
        if (cache == null) {
            return 0;
        }
        List<LayerCache.Cached> found = new ArrayList<>();
        cache.blob(imageId).ifPresent(found::add);
        for (String diffId : diffIds) {
            found.addAll(cache.layers(diffId));
        }
        long bytes = 0;
        for (LayerCache.Cached c : found) {
            blobs.adopt(c.digest(), c.file());
            addLayer(repository, c.digest());
            bytes += c.size();
        }
        return bytes;
    }

    /** Records that a repository holds a blob (uploaded into it or mounted from another). */
    public void addLayer(String repository, String digest) {
        synchronized (lock) {
            repository(repository).layers.add(digest);
        }
    }

    /** Whether the repository holds this blob. */
    public boolean hasLayer(String repository, String digest) {
        synchronized (lock) {
            RepositoryRecord r = repositories.get(repository);
            return r != null && r.layers.contains(digest) && blobs.exists(digest);
        }
    }

    /**
     * Starts a layer upload into a repository.
     *
     * @return the upload id
     * @throws AwsException RepositoryNotFoundException
     */
    public String startUpload(String repository) {
        repository(repository);
        String id = blobs.startUpload();
        uploadRepositories.put(id, repository);
        return id;
    }

    /** An upload in progress into this repository. */
    public Optional<BlobStore.Upload> upload(String repository, String uploadId) {
        return repository.equals(uploadRepositories.get(uploadId)) ? blobs.upload(uploadId) : Optional.empty();
    }

    /** Discards an upload. */
    public void cancelUpload(String uploadId) {
        uploadRepositories.remove(uploadId);
        blobs.cancel(uploadId);
    }

    /**
     * Ends an upload: its bytes become the blob {@code digest}, held by the repository.
     *
     * @return the blob's size in bytes
     * @throws BlobStore.DigestMismatchException when the bytes have another digest (the upload is discarded)
     */
    public long completeUpload(String repository, String uploadId, String digest) {
        try {
            long size = blobs.complete(uploadId, digest);
            addLayer(repository, digest);
            return size;
        } finally {
            uploadRepositories.remove(uploadId);
        }
    }

    /** Discards every upload in progress. */
    public void cancelUploads() {
        List.copyOf(uploadRepositories.keySet()).forEach(this::cancelUpload);
    }

    // ---------------------------------------------------------------------------------------------------- images

    /**
     * Stores an image manifest under its digest, and the tag if given.
     *
     * @param manifestBytes the manifest as pushed
     * @param contentType its media type as the client named it, or {@code null}
     * @param tag the tag, or {@code null}
     * @param failIfPresent whether pushing the same digest and tag again is an error (ECR's PutImage:
     *     ImageAlreadyExistsException) rather than a no-op (a registry push)
     * @return the stored image
     * @throws Manifest.InvalidManifestException for a malformed manifest
     * @throws MissingBlobsException when it references blobs or manifests the repository does not hold
     * @throws AwsException RepositoryNotFoundException, ImageTagAlreadyExistsException,
     *     ImageAlreadyExistsException, InvalidParameterException (tag)
     */
    public ImageRecord putImage(
            String repository, byte[] manifestBytes, String contentType, String tag, boolean failIfPresent) {
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageTag' failed to satisfy constraint: 'Member "
                    + "must satisfy regular expression pattern: " + TAG.pattern() + "'");
        }
        Manifest manifest = Manifest.parse(manifestBytes, contentType);
        String digest = BlobStore.digestOf(manifestBytes);
        ImageRecord result;
        synchronized (lock) {
            RepositoryRecord r = repository(repository);
            List<String> missing = new ArrayList<>();
            for (String blob : manifest.blobs()) {
                if (!r.layers.contains(blob) || !blobs.exists(blob)) {
                    missing.add(blob);
                }
            }
            for (String child : manifest.children()) {
                if (!r.images.containsKey(child)) {
                    missing.add(child);
                }
            }
            if (!missing.isEmpty()) {
                throw new MissingBlobsException(missing);
            }
            String current = tag == null ? null : r.tagToDigest.get(tag);
            if (tag != null && current != null) {
                if (current.equals(digest)) {
                    if (failIfPresent) {
                        throw EcrErrors.imageAlreadyExists(digest, tag, repository, accountId);
                    }
                    return r.images.get(digest);
                }
                if (ImageTagMutability.IMMUTABLE.toString().equals(r.imageTagMutability)) {
                    throw EcrErrors.imageTagAlreadyExists(tag, repository);
                }
            }
            ImageRecord image = r.images.get(digest);
            boolean stored = image == null;
            if (stored) {
                long size = manifest.layersSize();
                for (String child : manifest.children()) {
                    size += r.images.get(child).sizeInBytes();
                }
                image = new ImageRecord(digest, manifest.mediaType(), manifestBytes, manifest, clock.instant(), size);
                r.images.put(digest, image);
                blobs.put(manifestBytes);
            }
            if (tag != null) {
                r.tagToDigest.put(tag, digest);
            }
            if (!stored) {
                return image;
            }
            result = image;
        }
        cacheLayers(manifest); // file work, outside the lock
        return result;
    }

    /**
     * Adds a stored image manifest's layers to the layer cache, under the uncompressed digests its config lists
     * ({@code rootfs.diff_ids}, in the layers' order); an index, or a config that lists another number of layers,
     * adds nothing.
     */
    private void cacheLayers(Manifest manifest) {
        if (manifest.isIndex() || !blobs.exists(manifest.configDigest())) {
            return;
        }
        LayerCache cache = layerCache.get().orElse(null);
        if (cache == null || manifest.isIndex() || !blobs.exists(manifest.configDigest())) {
            return;
        }
        try {
            byte[] config = Files.readAllBytes(blobs.path(manifest.configDigest()));
            if (config.length > 4 * 1024 * 1024
                    || !(JsonTree.parse(config) instanceof Map<?, ?> m)
                    || !(m.get("rootfs") instanceof Map<?, ?> rootfs)
                    || !(rootfs.get("diff_ids") instanceof List<?> ids)
                    || ids.size() != manifest.layers().size()) {
                return;
            }
            List<String> diffIds = new ArrayList<>();
            for (Object id : ids) {
                diffIds.add(String.valueOf(id));
            }
            cache.remember(manifest.configDigest(), manifest.layers(), diffIds, blobs);
        } catch (IOException | RuntimeException e) {
            // an image config Drydock cannot read is still a valid blob: it is just not cached
        }
    }

    /** An image by tag or digest. */
    public Optional<ImageRecord> image(String repository, String reference) {
        synchronized (lock) {
            RepositoryRecord r = repositories.get(repository);
            if (r == null) {
                return Optional.empty();
            }
            String digest = reference.startsWith("sha256:") ? reference : r.tagToDigest.get(reference);
            return Optional.ofNullable(digest == null ? null : r.images.get(digest));
        }
    }

    /** The tags that point at an image, sorted. */
    public List<String> tagsOf(String repository, String digest) {
        synchronized (lock) {
            List<String> tags = new ArrayList<>();
            repository(repository).tagToDigest.forEach((t, d) -> {
                if (d.equals(digest)) {
                    tags.add(t);
                }
            });
            return tags;
        }
    }

    /**
     * Removes a tag, or an image with all its tags. As in ECR, removing an image's last tag removes the image.
     *
     * @param digest the image digest, or {@code null} to go by tag
     * @param tag the tag, or {@code null} to go by digest
     * @return the digest affected, or empty when nothing matches
     */
    public Optional<String> deleteImage(String repository, String digest, String tag) {
        synchronized (lock) {
            RepositoryRecord r = repository(repository);
            if (tag != null) {
                String target = r.tagToDigest.get(tag);
                if (target == null || digest != null && !digest.equals(target)) {
                    return Optional.empty();
                }
                r.tagToDigest.remove(tag);
                if (digest == null && !r.tagToDigest.containsValue(target)) {
                    r.images.remove(target);
                }
                if (digest != null) {
                    removeImage(r, target);
                }
                return Optional.of(target);
            }
            if (digest == null || !r.images.containsKey(digest)) {
                return Optional.empty();
            }
            removeImage(r, digest);
            return Optional.of(digest);
        }
    }

    private static void removeImage(RepositoryRecord r, String digest) {
        r.images.remove(digest);
        r.tagToDigest.values().removeIf(digest::equals);
    }

    /** Records a pull of an image (ECR's {@code lastRecordedPullTime}). */
    public void pulled(String repository, String digest) {
        synchronized (lock) {
            RepositoryRecord r = repositories.get(repository);
            ImageRecord image = r == null ? null : r.images.get(digest);
            if (image != null) {
                image.lastPulledAt = clock.instant();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- tokens

    /** Issues a registry token for the caller: user {@code AWS}, a random password, valid 12 hours. */
    public Token issueToken(Caller caller) {
        byte[] secret = new byte[48];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Token token = new Token(password, caller, clock.instant().plus(TOKEN_LIFETIME));
        tokens.put(password, token);
        tokens.values().removeIf(t -> t.expiresAt().isBefore(clock.instant()));
        return token;
    }

    /** The token with this password, whether expired or not. */
    public Optional<Token> token(String password) {
        return Optional.ofNullable(tokens.get(password));
    }

    private void checkName(String name) {
        if (name == null
                || name.length() < 2
                || name.length() > 256
                || !REPOSITORY_NAME.matcher(name).matches()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'repositoryName' failed to satisfy constraint: "
                    + "'must satisfy regular expression '" + REPOSITORY_NAME.pattern() + "'' and have a length "
                    + "between 2 and 256 characters");
        }
    }

    /**
     * A registry authorization token.
     *
     * @param password the password {@code docker login -u AWS} takes
     * @param caller the principal that asked for it: registry requests with it act as this principal
     * @param expiresAt when it stops working
     */
    public record Token(String password, Caller caller, Instant expiresAt) {
        /** The token as GetAuthorizationToken answers it: base64 of {@code AWS:<password>}. */
        public String authorizationToken() {
            return Base64.getEncoder().encodeToString(("AWS:" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A manifest references blobs or manifests the repository does not hold. */
    public static final class MissingBlobsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> digests;

        MissingBlobsException(List<String> digests) {
            super("the repository holds no " + String.join(", ", digests));
            this.digests = List.copyOf(digests);
        }

        public List<String> digests() {
            return digests;
        }
    }

    /** One repository. Fields change only under the backend's lock; the policies may be read without it. */
    public static final class RepositoryRecord {
        public final String name;
        public final String arn;
        public final String uri;
        public final Instant createdAt;
        public volatile String imageTagMutability;
        public boolean scanOnPush;
        public final String encryptionType;
        public final String kmsKey;
        /** The repository policy text, or {@code null}. */
        public volatile String policyText;
        /** The lifecycle policy text, or {@code null}. */
        public volatile String lifecyclePolicyText;

        public volatile Instant lifecyclePolicyUpdatedAt;
        final Map<String, ImageRecord> images = new LinkedHashMap<>();
        final Map<String, String> tagToDigest = new TreeMap<>();
        final Set<String> layers = new HashSet<>();

        RepositoryRecord(
                String name,
                String arn,
                String uri,
                Instant createdAt,
                String imageTagMutability,
                boolean scanOnPush,
                String encryptionType,
                String kmsKey) {
            this.name = name;
            this.arn = arn;
            this.uri = uri;
            this.createdAt = createdAt;
            this.imageTagMutability = imageTagMutability;
            this.scanOnPush = scanOnPush;
            this.encryptionType = encryptionType;
            this.kmsKey = kmsKey;
        }

        /** The images, oldest push first. Call under the backend's lock (inside {@link EcrBackend#update}). */
        public List<ImageRecord> images() {
            return new ArrayList<>(images.values());
        }

        /** Tag to digest, sorted by tag. Call under the backend's lock. */
        public Map<String, String> tagMap() {
            return new TreeMap<>(tagToDigest);
        }
    }

    /** One image: a manifest stored under its digest. */
    public static final class ImageRecord {
        private final String digest;
        private final String mediaType;
        private final byte[] manifestBytes;
        private final Manifest manifest;
        private final Instant pushedAt;
        private final long sizeInBytes;
        volatile Instant lastPulledAt;

        ImageRecord(
                String digest,
                String mediaType,
                byte[] manifestBytes,
                Manifest manifest,
                Instant pushedAt,
                long sizeInBytes) {
            this.digest = digest;
            this.mediaType = mediaType;
            this.manifestBytes = manifestBytes.clone();
            this.manifest = manifest;
            this.pushedAt = pushedAt;
            this.sizeInBytes = sizeInBytes;
        }

        public String digest() {
            return digest;
        }

        public String mediaType() {
            return mediaType;
        }

        public byte[] manifestBytes() {
            return manifestBytes.clone();
        }

        public Manifest manifest() {
            return manifest;
        }

        public Instant pushedAt() {
            return pushedAt;
        }

        public long sizeInBytes() {
            return sizeInBytes;
        }

        public Instant lastPulledAt() {
            return lastPulledAt;
        }
    }
}
