package dev.drydock.ecr.internal;

import dev.drydock.core.Drydock;
import dev.drydock.core.DrydockException;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.LocalImage;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.ImageResolver;
import dev.drydock.core.spi.RoleSession;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.Settings;
import dev.drydock.ecr.EcrModule;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.lifecycle.LifecyclePolicies;
import dev.drydock.ecr.internal.registry.BlobStore;
import dev.drydock.ecr.internal.registry.LayerCache;
import dev.drydock.ecr.internal.registry.RegistryAccess;
import dev.drydock.ecr.internal.registry.RegistryError;
import dev.drydock.ecr.internal.registry.RegistryServer;
import dev.drydock.ecr.internal.support.RepositoryPolicies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECR module: the ECR model, its routing table ({@link EcrApi}, built on first use), the registry v2 endpoint
 * (started on first use) and the {@link ImageResolver} through which ECS tasks pull this registry's images. Found by
 * {@link java.util.ServiceLoader}; its public face is {@link EcrModule}.
 */
public final class EcrServiceModule implements EcrModule, ImageResolver {
    private static final Logger LOG = LoggerFactory.getLogger(EcrServiceModule.class);
    /** {@code aws} (default) or {@code local}: which host repository URIs and {@code proxyEndpoint} name. */
    static final String REPOSITORY_URI_SETTING = "ecr.repository-uri";

    private ServiceContext context;
    private EcrBackend backend;
    private BlobStore blobs;
    private RegistryServer registry;
    private LifecyclePolicies lifecycle;
    /** References Docker pulled for tasks; removed when the module closes. */
    private final Set<String> pulledForTasks = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "ecr";
    }

    @Override
    public List<String> sdkEndpointSuffixes() {
        return List.of("Ecr");
    }

    @Override
    public void start(ServiceContext context) {
        this.context = context;
        Path parent = Path.of(context.settings()
                .get(
                        "ecr.storage-directory",
                        Path.of(System.getProperty("java.io.tmpdir"), "drydock-ecr")
                                .toString()));
        blobs = BlobStore.open(parent, context.sessionId());
        backend = new EcrBackend(
                context.accountId(),
                context.region(),
                context.clock(),
                blobs,
                localRepositoryUris(context.settings()) ? this::registryHost : null);
        backend.layerCache(layerCache(context.settings(), parent));
        lifecycle = new LifecyclePolicies(backend);
        // the routing table (and every request class) is built on first use, as IAM's and STS's are
        context.registerOnFirstUse(
                "ecr",
                TARGET_PREFIX,
                () -> EcrApi.routingTable(backend, lifecycle, this::registryHost, context.clock()));
        context.resourceTags(backend.tags());
    }

    /**
     * The layer cache the settings ask for ({@code ecr.layer-cache}: {@code on}, the default, or {@code off};
     * {@code ecr.layer-cache-size-mib}: 10240 by default), in {@code <storage directory>/layer-cache}, opened on first
     * use.
     *
     * @throws DrydockException for an invalid value
     */
    static Supplier<Optional<LayerCache>> layerCache(Settings settings, Path storage) {
        String value = settings.get("ecr.layer-cache", "on").toLowerCase(Locale.ROOT);
        if (!value.equals("on") && !value.equals("off")) {
            throw new DrydockException("The setting ecr.layer-cache is '" + value + "'. Use 'on' (the default: layers "
                    + "pushed into Drydock's registry are kept in " + storage.resolve("layer-cache") + " so that an "
                    + "unchanged image is not uploaded again by the next test class or run) or 'off'.");
        }
        String size = settings.get("ecr.layer-cache-size-mib", "10240");
        long mib;
        try {
            mib = Long.parseLong(size.trim());
        } catch (NumberFormatException e) {
            mib = -1;
        }
        if (mib < 0) {
            throw new DrydockException("The setting ecr.layer-cache-size-mib is '" + size + "'; give the most the ECR "
                    + "layer cache may hold in MiB, e.g. 10240.");
        }
        if (value.equals("off")) {
            return Optional::empty;
        }
        long maxBytes = mib * 1024 * 1024;
        Path root = storage.resolve("layer-cache");
        AtomicReference<Optional<LayerCache>> opened = new AtomicReference<>();
        return () -> {
            synchronized (opened) {
                if (opened.get() == null) {
                    opened.set(LayerCache.open(root, maxBytes));
                }
                return opened.get();
            }
        };
    }

    /**
     * Gives a repository the blobs of a local image that Drydock's layer cache holds from an earlier push, so pushing
     * the image uploads only what changed. See {@link EcrBackend#reuseCachedBlobs}.
     *
     * @return how many bytes the repository got from the cache
     */
    public long reuseCachedLayers(String repository, LocalImage image) {
        return backend.reuseCachedBlobs(repository, image.id(), image.layers());
    }

    /**
     * Whether repository URIs and {@code proxyEndpoint} name Drydock's registry ({@code ecr.repository-uri=local})
     * rather than AWS's host ({@code aws}, the default).
     *
     * @throws DrydockException for another value
     */
    static boolean localRepositoryUris(Settings settings) {
        String value = settings.get(REPOSITORY_URI_SETTING, "aws").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "aws" -> false;
            case "local" -> true;
            default ->
                throw new DrydockException("The setting " + REPOSITORY_URI_SETTING + " is '" + value + "'. Use "
                        + "'aws' (the default: repositoryUri is <account>.dkr.ecr.<region>.amazonaws.com/<name>, as on "
                        + "AWS) or 'local' (repositoryUri and proxyEndpoint name Drydock's registry, 127.0.0.1:<port>, "
                        + "so code that pushes to the repositoryUri it gets reaches it).");
        };
    }

    /** The registry endpoint, started on first use (most test classes never push or pull). */
    private synchronized RegistryServer registry() {
        if (registry == null) {
            try {
                registry = RegistryServer.start(backend, new Access());
            } catch (IOException e) {
                throw new DrydockException("Drydock could not start its ECR registry on the loopback address: " + e, e);
            }
            LOG.debug("ECR registry listening on {}, storage {}", registry.host(), blobs.root());
        }
        return registry;
    }

    /**
     * The registry's address for the Docker engine: its loopback address in this JVM on a local Linux engine, else the
     * loopback port of the engine's host that Drydock's helper forwards to it (once the container runtime is
     * connected; before, the address in this JVM).
     */
    @Override
    public String registryHost() {
        RegistryServer r = registry();
        return context.runtimeIfReady()
                .map(session -> session.engine().registryAddress(r.port()))
                .orElse(r.host());
    }

    @Override
    public String localReference(String ecrUri) {
        Optional<ImageName> name = parse(ecrUri);
        if (name.isEmpty()) {
            throw new DrydockException("'" + ecrUri + "' is not an image URI of Drydock's ECR registry; use "
                    + backend.registryHost() + "/<repository>[:tag|@digest] (or " + registryHost() + "/...).");
        }
        return registryHost() + "/" + name.get().repository + name.get().suffix();
    }

    @Override
    public String testPrincipalPassword() {
        return backend.issueToken(context.iam().testPrincipal()).password();
    }

    /**
     * The ECR module of a Drydock instance, for Drydock's own fixtures, tests and benchmarks. Not a stable API.
     *
     * @throws DrydockException when drydock-ecr-fixtures is not on the classpath
     */
    public static EcrServiceModule of(Drydock drydock) {
        return (EcrServiceModule) drydock.service(EcrModule.class);
    }

    /** The ECR API's operations, called as the test principal: what {@code EcrFixtures} use. */
    public AdminCalls adminCalls() {
        return context.adminCalls();
    }

    /** The model, for tests. Not a stable API. */
    public EcrBackend backend() {
        return backend;
    }

    // ------------------------------------------------------------------------------------------ image resolver

    @Override
    public boolean serves(String image) {
        return backend != null && parse(image).isPresent();
    }

    @Override
    public PulledImage pull(String image, String executionRole, String taskId, ContainerRuntime runtime) {
        ImageName name = parse(image)
                .orElseThrow(() -> new ImagePullFailure(
                        "CannotPullContainerError: " + image + " is not an image of Drydock's ECR registry"));
        if (executionRole == null || executionRole.isEmpty()) {
            throw new ImagePullFailure("ResourceInitializationError: unable to pull secrets or registry auth: the "
                    + "task definition has no executionRoleArn, which a Fargate task needs to pull " + image
                    + " from Amazon ECR. Give it an execution role allowed ecr:GetAuthorizationToken, "
                    + "ecr:BatchGetImage and ecr:GetDownloadUrlForLayer (for example with the managed policy "
                    + "service-role/AmazonECSTaskExecutionRolePolicy).");
        }
        String roleArn = context.iam()
                .roleArn(executionRole)
                .orElseThrow(() -> new ImagePullFailure(
                        "ResourceInitializationError: unable to pull secrets or registry auth: ECS was unable to assume the "
                                + "role '" + executionRole
                                + "' that was provided for this task: the role does not exist."));
        RoleSession session = context.iam().assumeRole(roleArn, taskId, Duration.ofHours(1));
        Caller caller = session.caller();
        String ip = "127.0.0.1";
        try {
            authorize(caller, "GetAuthorizationToken", "ecr:GetAuthorizationToken", "*", null, ip);
        } catch (AwsException e) {
            throw new ImagePullFailure("ResourceInitializationError: unable to pull secrets or registry auth: "
                    + "execution resource retrieval failed: unable to retrieve ecr registry auth: service call has "
                    + "been retried 3 time(s): AccessDeniedException: " + e.getMessage()
                    + ". Please check your task network configuration.");
        }
        String host = backend.registryHost();
        String forbidden = "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to "
                + "resolve ref " + image + ": pulling from host " + host + " failed with status code [manifests "
                + name.reference + "]: 403 Forbidden";
        try {
            authorize(
                    caller,
                    "BatchGetImage",
                    "ecr:BatchGetImage",
                    backend.repositoryArn(name.repository),
                    name.repository,
                    ip);
        } catch (AwsException e) {
            throw new ImagePullFailure(forbidden);
        }
        Optional<EcrBackend.ImageRecord> found = backend.image(name.repository, name.reference);
        if (found.isEmpty()) {
            throw new ImagePullFailure("CannotPullContainerError: pull image manifest has been retried 5 time(s): "
                    + "failed to resolve ref " + image + ": " + image + ": not found");
        }
        try {
            authorize(
                    caller,
                    "GetDownloadUrlForLayer",
                    "ecr:GetDownloadUrlForLayer",
                    backend.repositoryArn(name.repository),
                    name.repository,
                    ip);
        } catch (AwsException e) {
            throw new ImagePullFailure("CannotPullContainerError: failed to copy: httpReadSeeker: failed open: "
                    + "unexpected status code https://" + host + "/v2/" + name.repository + "/blobs/"
                    + found.get().digest() + ": 403 Forbidden");
        }
        String digest = found.get().digest();
        String local = registryHost() + "/" + name.repository + "@" + digest;
        try {
            pulledForTasks.add(local);
            runtime.pullImage(local, REGISTRY_USER, backend.issueToken(caller).password());
        } catch (RuntimeFailure e) {
            throw new ImagePullFailure("CannotPullContainerError: pull image manifest has been retried 1 time(s): "
                    + "failed to resolve ref " + image + ": " + e.getMessage());
        }
        return new PulledImage(local, digest);
    }

    private void authorize(
            Caller caller, String operation, String action, String resource, String repository, String sourceIp) {
        var policy = repository == null
                ? null
                : RepositoryPolicies.of(backend, repository).orElse(null);
        context.callContext("ecr", operation, caller, sourceIp, false)
                .authorize(action, resource, Map.of(), policy, backend.accountId());
    }

    /** The registry's authentication (tokens from GetAuthorizationToken) and authorization (IAM). */
    private final class Access implements RegistryAccess {
        @Override
        public Caller authenticate(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                throw RegistryError.unauthorized("log in with docker login " + registryHost() + " -u AWS -p "
                        + "<password from ecr:GetAuthorizationToken>");
            }
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw RegistryError.unauthorized("the Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            EcrBackend.Token token = colon < 0 || !REGISTRY_USER.equals(user)
                    ? null
                    : backend.token(decoded.substring(colon + 1)).orElse(null);
            if (token == null) {
                throw RegistryError.unauthorized(
                        "the user name must be AWS and the password a token from " + "ecr:GetAuthorizationToken");
            }
            if (token.expiresAt().isBefore(context.clock().instant())) {
                throw RegistryError.denied("Your authorization token has expired. Reauthenticate and try again.");
            }
            return token.caller();
        }

        @Override
        public void authorize(Caller caller, String operation, String action, String repository, String sourceIp) {
            try {
                EcrServiceModule.this.authorize(
                        caller, operation, action, backend.repositoryArn(repository), repository, sourceIp);
            } catch (AwsException e) {
                throw RegistryError.denied(e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------------------------------- image names

    private static final Pattern IMAGE = Pattern.compile("([^/]+)/(.+?)(?:@(sha256:[a-f0-9]{64})|:([^:/@]+))?");

    private record ImageName(String repository, String reference, boolean byDigest) {
        String suffix() {
            return (byDigest ? "@" : ":") + reference;
        }
    }

    /** An image of this registry (by ECR host or by local host), with tag {@code latest} if it names none. */
    private Optional<ImageName> parse(String image) {
        if (image == null) {
            return Optional.empty();
        }
        Matcher m = IMAGE.matcher(image);
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = m.group(1);
        boolean local = host.startsWith("127.0.0.1:")
                && (host.equals(registryHost()) || host.equals(registry().host()));
        if (!host.equals(backend.registryHost()) && !local) {
            return Optional.empty();
        }
        if (m.group(3) != null) {
            return Optional.of(new ImageName(m.group(2), m.group(3), true));
        }
        return Optional.of(new ImageName(m.group(2), m.group(4) == null ? "latest" : m.group(4), false));
    }

    /** The repositories and their tags, for a failing test's report. */
    @Override
    public String diagnostics() {
        if (backend == null || backend.repositories().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Drydock ECR repositories:\n");
        for (EcrBackend.RepositoryRecord r : backend.repositories()) {
            Map<String, String> tags = backend.update(r.name, EcrBackend.RepositoryRecord::tagMap);
            int images = backend.update(r.name, rec -> rec.images().size());
            b.append("  ").append(r.uri).append(": ").append(images).append(images == 1 ? " image" : " images");
            tags.forEach(
                    (tag, digest) -> b.append(", ").append(tag).append(" -> ").append(digest, 0, 19));
            b.append('\n');
        }
        return b.toString();
    }

    @Override
    public synchronized void close() {
        context.runtimeIfReady()
                .ifPresent(session -> pulledForTasks.forEach(ref -> {
                    try {
                        session.runtime().removeImageReference(ref);
                    } catch (RuntimeFailure e) {
                        LOG.debug("Could not remove image reference {}: {}", ref, e.getMessage());
                    }
                }));
        if (registry != null) {
            registry.close();
        }
        if (blobs != null) {
            blobs.close();
        }
    }
}
