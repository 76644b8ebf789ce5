package dev.drydock.core;

import dev.drydock.core.events.EventStream;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.core.internal.compat.DependencyCheck;
import dev.drydock.core.internal.docker.DockerProbe;
import dev.drydock.core.internal.host.ModuleHost;
import dev.drydock.core.internal.host.SdkDefaults;
import dev.drydock.core.internal.service.DrydockSettings;
import dev.drydock.core.report.Report;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.runtime.RuntimeFailure;
import dev.drydock.core.runtime.SimulatedRuntime;
import dev.drydock.core.spi.EngineAccess;
import dev.drydock.core.spi.ReportContributor;
import dev.drydock.core.spi.RoleSession;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ServiceModule;
import dev.drydock.core.spi.VpcModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Network;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * One local cloud: an AWS account in one region, served on an HTTP endpoint in this JVM, with every service model
 * on the classpath (ECS from {@code drydock-ecs-fixtures}, and so on) and a container runtime that runs tasks as
 * real Docker containers.
 *
 * <pre>{@code
 * try (Drydock drydock = Drydock.builder().fixture(EcsFixtures.cluster("shop")).start()) {
 *     EcsClient ecs = drydock.client(EcsClient.builder());
 *     ...
 * }
 * }</pre>
 *
 * <p>The endpoint answers as soon as {@link Builder#start()} returns; the Docker engine is connected in the
 * background (right after the classes requests need are loaded) and awaited only by work that needs containers. {@link #close()} stops every task and removes every
 * container, network and volume this instance created; a JVM shutdown hook does the same if a test run ends
 * without closing, and the next instance on the same engine sweeps what a crashed JVM left behind.
 *
 * <p>Thread-safe.
 */
public final class Drydock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Drydock.class);
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The account id used unless another is configured. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** The region used unless another is configured. */
    public static final String DEFAULT_REGION = "us-east-1";
    /**
     * The host name tasks (and every container on Drydock's network) reach this JVM by: {@value}. See
     * {@link #exposeHostPorts}.
     */
    public static final String JVM_HOST_NAME = EngineAccess.JVM_HOST_NAME;

    private final ModuleHost host;
    private final AwsBasicCredentials testCredentials;
    private volatile SdkHttpClient httpClient;
    private final Thread shutdownHook;
    private final Object closeLock = new Object();
    private volatile boolean closed;

    private Drydock(Builder builder) throws IOException {
        long t0 = System.nanoTime();
        DrydockSettings settings = new DrydockSettings(builder.settings);
        String sessionId = randomHex(12);
        String accountId = settings.get("account", DEFAULT_ACCOUNT_ID);
        String region = settings.get("region", DEFAULT_REGION);
        if (!ACCOUNT.matcher(accountId).matches()) {
            throw new DrydockException(
                    "The Drydock account id '" + accountId + "' is not 12 digits. Set drydock.account"
                            + " to a 12-digit id such as " + DEFAULT_ACCOUNT_ID + ".");
        }
        if (!REGION.matcher(region).matches()) {
            throw new DrydockException("The Drydock region '" + region + "' is not an AWS region name. Set "
                    + "drydock.region to a region such as " + DEFAULT_REGION + ".");
        }
        this.host = new ModuleHost(sessionId, accountId, region, builder.clock, settings, builder.runtimeFactory);
        var key = host.iamModel().testCredential();
        this.testCredentials = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
        this.shutdownHook = new Thread(this::close, "drydock-shutdown-" + sessionId);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.info(
                "Drydock {} ready at {} (account {}, region {}, services: {}) in {} ms",
                sessionId,
                host.loopbackEndpoint(),
                accountId,
                region,
                host.moduleNames(),
                (System.nanoTime() - t0) / 1_000_000);
        host.startInBackground();
    }

    /** Starts configuring a Drydock instance. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a Drydock instance with the default configuration. */
    public static Drydock start() {
        return builder().start();
    }

    /** The endpoint URI for clients in this JVM, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return host.loopbackEndpoint();
    }

    /** The 12-digit account id every resource belongs to. */
    public String accountId() {
        return host.accountId();
    }

    /** The region, e.g. {@code us-east-1}. */
    public String region() {
        return host.region();
    }

    /**
     * The account's VPC as the services see it: its id, the region's Availability Zones and which zone a subnet id is in
     * (settings {@code vpc.subnets} and {@code vpc.availability-zones}; see {@link VpcModel}).
     */
    public VpcModel vpc() {
        return host.vpc();
    }

    /** This instance's session id; its Docker objects carry it in the label {@code dev.drydock.session}. */
    public String sessionId() {
        return host.sessionId();
    }

    /**
     * The credentials of the test principal ({@code arn:aws:iam::<account>:user/drydock-test}, an administrator)
     * that clients created by {@link #client} sign with.
     */
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(testCredentials);
    }

    /** The ARN of the test principal. */
    public String testPrincipalArn() {
        return host.iamModel().testPrincipal().arn();
    }

    /** The host of this instance's services, for core's own fixtures. */
    ModuleHost host() {
        return host;
    }

    /**
     * Credentials of a new session of an IAM role ({@code arn:aws:sts::<account>:assumed-role/<role>/drydock-test}),
     * as a task with that role gets them: to act as the role from a test. The role's trust policy is not consulted
     * (a test is not an AWS principal assuming the role, it stands in for the service the role trusts).
     *
     * @param role the role's name or ARN
     * @throws DrydockException when the role does not exist
     */
    public AwsCredentialsProvider credentialsProviderFor(String role) {
        String roleArn = host.iam()
                .roleArn(role)
                .orElseThrow(() -> new DrydockException("There is no IAM role '" + role
                        + "' to act as. Declare it first, e.g. @IamRole(name = \"" + role + "\")."));
        RoleSession session = host.iam().assumeRole(roleArn, "drydock-test", Duration.ofHours(12));
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
    }

    /**
     * Like {@link #client(AwsClientBuilder)}, but the client signs as a session of the given IAM role
     * ({@link #credentialsProviderFor(String)}), so IAM evaluates the role's policies for its calls.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C clientActingAs(
            String role, B builder) {
        return builder.endpointOverride(endpoint())
                .region(Region.of(region()))
                .credentialsProvider(credentialsProviderFor(role))
                .httpClient(httpClient())
                .build();
    }

    /**
     * Every authorization decision this instance made: who asked to do what on which resource, whether IAM allowed
     * it, and which statement decided.
     */
    public DecisionLog decisionLog() {
        return host.decisionLog();
    }

    /**
     * The events this instance's services emit, in EventBridge's format: for ECS, {@code ECS Task State Change},
     * {@code ECS Service Action} and {@code ECS Deployment State Change}
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_cwe_events.html). Subscribe to them, or await
     * one with a filter and a timeout.
     */
    public EventStream events() {
        return host.eventLog();
    }

    /**
     * Configures an SDK v2 client builder for this instance (endpoint, region, credentials of the test principal, a
     * shared HTTP client) and builds it. Close the client when done; the HTTP client is closed with Drydock.
     *
     * <pre>{@code EcsClient ecs = drydock.client(EcsClient.builder());}</pre>
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(B builder) {
        return builder.endpointOverride(endpoint())
                .region(Region.of(region()))
                .credentialsProvider(credentialsProvider())
                .httpClient(httpClient())
                .build();
    }

    /** One HTTP client shared by the clients {@link #client} builds (created on first use: it is slow to start). */
    private SdkHttpClient httpClient() {
        SdkHttpClient c = httpClient;
        if (c == null) {
            synchronized (closeLock) {
                c = httpClient;
                if (c == null) {
                    c = ApacheHttpClient.builder().build();
                    httpClient = c;
                }
            }
        }
        return c;
    }

    /**
     * The SDK's system properties that make clients built from the SDK defaults (for example
     * {@code EcsClient.create()}) reach this instance: the endpoint ({@code aws.endpointUrl} and the service-specific
     * {@code aws.endpointUrl<Service>} property of every service served, which take precedence over
     * {@code AWS_ENDPOINT_URL_*} environment variables), the region and the test principal's credentials.
     */
    public Map<String, String> sdkSystemProperties() {
        return SdkDefaults.properties(
                endpoint(),
                region(),
                testCredentials.accessKeyId(),
                testCredentials.secretAccessKey(),
                host.sdkEndpointSuffixes());
    }

    /**
     * Points the SDK's defaults at this instance by setting {@link #sdkSystemProperties()}, until the returned handle
     * is closed, which restores every property's previous value (or absence). Not for test classes running in
     * parallel in one JVM: system properties are global.
     */
    public AutoCloseable useAsSdkDefault() {
        return SdkDefaults.apply(sdkSystemProperties());
    }

    /**
     * The service module of the given type, e.g. the ECS model.
     *
     * @throws DrydockException when that module is not on the classpath, naming the artifact to add
     */
    public <T extends ServiceModule> T service(Class<T> type) {
        return host.findModule(type)
                .orElseThrow(() -> new DrydockException("Drydock has no " + type.getSimpleName()
                        + " on the classpath. Add the Drydock artifact that provides it (for ECS: dev.drydock:"
                        + "drydock-ecs-fixtures, for EFS: dev.drydock:drydock-efs-fixtures, for Secrets Manager, SSM "
                        + "Parameter Store and KMS: dev.drydock:drydock-secrets-fixtures, for CloudWatch Logs: "
                        + "dev.drydock:drydock-logs-fixtures) as a test dependency."));
    }

    /**
     * The container runtime, once connected (waits for it).
     *
     * @throws DrydockException when no runtime can be reached, saying what to do
     */
    public ContainerRuntime runtime() {
        return host.runtimeSession().runtime();
    }

    /**
     * Where this JVM connects to {@code port} of a running task: give the task's private IP (its ENI's
     * {@code privateIPv4Address} detail, {@code task.attachments()}) and a port its containers map
     * ({@code portMappings[].containerPort}). On a local Linux engine that is the task's IP itself; on Docker Desktop,
     * colima, Podman or a remote engine, which this JVM cannot reach container IPs on, it is the port the engine
     * publishes on the host Testcontainers reports for the engine. Use it for every connection from the test to a task,
     * and the test runs on every engine:
     *
     * <pre>{@code
     * InetSocketAddress web = drydock.taskAddress(ip, 80);
     * http.send(HttpRequest.newBuilder(URI.create("http://" + web.getHostString() + ":" + web.getPort() + "/")).build(), ...);
     * }</pre>
     *
     * Waits for the container runtime.
     *
     * @throws IllegalArgumentException when no running task has that IP, or it maps no such TCP port (as a security
     *     group would refuse it, the port must be in the task's port mappings on every engine)
     * @throws DrydockException when no runtime can be reached
     */
    public InetSocketAddress taskAddress(String privateIp, int port) {
        return host.runtimeSession().engine().taskAddress(privateIp, port);
    }

    /**
     * Makes ports of this JVM reachable from every task (and every container on Drydock's network) at
     * {@code host.drydock.internal:<port>} ({@link EngineAccess#JVM_HOST_NAME}): a WireMock server or any stub the test
     * starts, whatever address it listens on, on every engine (on a remote engine through Drydock's helper container,
     * over a connection this JVM opens, as Testcontainers' {@code Testcontainers.exposeHostPorts} does for its
     * containers). Idempotent; waits for the container runtime. The task can be started before or after.
     *
     * @throws DrydockException when a port cannot be exposed, saying why
     */
    public Drydock exposeHostPorts(int... ports) {
        host.runtimeSession().engine().exposeHostPorts(ports);
        return this;
    }

    /**
     * Drydock's Docker network, which every task joins, as a Testcontainers {@link Network}: a container started with
     * {@code .withNetwork(drydock.network()).withNetworkAliases("db")} is reached by tasks as {@code db} and reaches
     * tasks at their private IPs, on every engine. Drydock owns the network: closing this object does nothing, and
     * Drydock disconnects containers still attached when it removes the network at its close. Waits for the
     * container runtime.
     *
     * @throws DrydockException on the simulated runtime (no Docker network) or when no runtime can be reached
     */
    public Network network() {
        RuntimeSession session = host.runtimeSession();
        if (!session.runtime().realContainers()) {
            throw new DrydockException(
                    "Drydock runs on " + session.runtime().description() + ", which has no Docker"
                            + " network for Testcontainers containers to join; use the Docker runtime (drydock.runtime=docker).");
        }
        String id = session.network().id();
        return new Network() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public void close() {
                // Drydock removes its network when it closes
            }

            @Override
            public String toString() {
                return "Drydock network " + session.network().name();
            }
        };
    }

    /**
     * What every service model reports about its state, for a failing test's output: for ECS, each task's state
     * timeline and the last lines of its containers' logs. Never throws.
     */
    public String diagnostics() {
        return host.diagnostics();
    }

    /**
     * What this instance did, as a report: per service module, what it declares and what happened (for ECS, each
     * service's task state timeline with its deployments and events, and the tasks' container logs), the IAM decisions
     * that matter, and the declared resources. Modules add their parts through {@link ReportContributor}. Never
     * throws.
     *
     * @param title what the report is about, e.g. the test class's name
     */
    public Report report(String title) {
        return host.report(title);
    }

    /**
     * Writes {@link #report(String)} as one self-contained HTML file (it needs no network access to view: the timeline
     * charts and filters are drawn by its own script), replacing the file if it exists. The JUnit extension writes one
     * after every test class, under {@code target/drydock-reports}.
     *
     * @param file e.g. {@code target/drydock-reports/WebTest.html}; its directory is created
     * @return the file
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path writeReport(Path file, String title) {
        long t0 = System.nanoTime();
        Report report = report(title);
        long t1 = System.nanoTime();
        try {
            report.writeHtml(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Drydock could not write its report to " + file + ": " + e.getMessage(), e);
        }
        LOG.debug(
                "Wrote report {} in {} ms ({} ms to gather, {} ms to write)",
                file,
                (System.nanoTime() - t0) / 1_000_000.0,
                (t1 - t0) / 1_000_000.0,
                (System.nanoTime() - t1) / 1_000_000.0);
        return file;
    }

    /**
     * Builds a Docker image from a directory holding a {@code Dockerfile} (base images are not pulled: they must be
     * present), for task definitions to use by {@code tag}. Waits for the container runtime. The tag is removed when
     * Drydock closes. The image itself stays as Docker's build cache for the next build of the same directory (by
     * another test class or run), so an unchanged image is not built again (its layers are not pushed again either),
     * unless the setting {@code build-cache} is {@code off}: then the image carries this session's labels and is
     * removed with it.
     *
     * @param contextDirectory the build context
     * @param tag the image reference, e.g. {@code orders-app:test}
     * @return the image's content id ({@code sha256:...})
     * @throws DrydockException when the build fails, with the engine's message
     */
    public String buildImage(Path contextDirectory, String tag) {
        try {
            return host.buildImage(contextDirectory, tag);
        } catch (RuntimeFailure e) {
            throw new DrydockException(
                    "Drydock could not build image " + tag + ": " + e.getMessage()
                            + ". Check the Dockerfile in " + contextDirectory
                            + "; base images must already be present (nothing"
                            + " is pulled).",
                    e);
        }
    }

    /**
     * Creates the infrastructure a fixture declares in this instance.
     *
     * @throws DrydockException when the fixture is invalid; the message starts with {@link Fixture#describe()}
     */
    public Drydock apply(Fixture fixture) {
        long t0 = System.nanoTime();
        try {
            fixture.apply(this);
        } catch (DrydockException e) {
            throw new DrydockException(
                    fixture.describe() + ": " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
        LOG.debug("Applied {} in {} ms", fixture.describe(), (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    /**
     * Stops every task, removes every Docker object this instance created and stops the endpoint. Idempotent.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long t0 = System.nanoTime();
        host.close();
        if (httpClient != null) {
            httpClient.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: this is the hook
        }
        LOG.info("Drydock {} closed in {} ms", sessionId(), (System.nanoTime() - t0) / 1_000_000);
    }

    private static String randomHex(int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            b.append(Integer.toHexString(RANDOM.nextInt(16)));
        }
        return b.toString();
    }

    /** Configures and starts a {@link Drydock}. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<Fixture> fixtures = new ArrayList<>();
        private Supplier<ContainerRuntime> runtimeFactory;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The 12-digit account id (default {@value #DEFAULT_ACCOUNT_ID}, or the setting {@code drydock.account}). */
        public Builder accountId(String accountId) {
            settings.put("account", accountId);
            return this;
        }

        /** The region (default {@value #DEFAULT_REGION}, or the setting {@code drydock.region}). */
        public Builder region(String region) {
            settings.put("region", region);
            return this;
        }

        /**
         * Sets a configuration value as if it were the system property {@code drydock.<key>}, e.g.
         * {@code setting("sandbox.image", "my-registry/busybox:1.36")}.
         */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /**
         * The container runtime to use, created when Drydock starts connecting (default: the Docker engine
         * Testcontainers' discovery finds, or a {@link SimulatedRuntime} when {@code drydock.runtime=simulated}).
         */
        public Builder runtime(Supplier<ContainerRuntime> runtime) {
            this.runtimeFactory = runtime;
            return this;
        }

        /** The clock every model timestamp comes from (default: the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The value a setting has for the instance this builder starts: set here, else the system property
         * {@code drydock.<key>}, the environment variable {@code DRYDOCK_<KEY>} or {@code drydock.properties}.
         */
        public Optional<String> settingValue(String key) {
            return new DrydockSettings(settings).get(key);
        }

        /**
         * Why the instance this builder starts could not run tasks as containers: when its runtime is Docker (the
         * setting {@code runtime} is {@code docker}, the default, and no {@link #runtime(Supplier)} is given) and no
         * Docker engine answers, the reason, as {@link #start()}'s first container work would fail with it; empty
         * otherwise. The engine is asked once per JVM: the answer is remembered.
         */
        public Optional<String> dockerUnavailable() {
            if (runtimeFactory != null
                    || !"docker".equalsIgnoreCase(settingValue("runtime").orElse("docker"))) {
                return Optional.empty();
            }
            return DockerProbe.unavailable();
        }

        /** Infrastructure to create once started, in the order added. */
        public Builder fixture(Fixture fixture) {
            fixtures.add(fixture);
            return this;
        }

        /**
         * Starts the instance and applies the fixtures.
         *
         * @throws DrydockException when the endpoint cannot start, a fixture is invalid (the instance is closed), or a
         *     library on the classpath is a version Drydock does not support (the setting {@code dependency-check})
         */
        public Drydock start() {
            // The library versions are checked on another thread while the instance starts (it costs ~20 ms of CPU in
            // a fresh JVM, mostly the JDK's first jar and URL work), and awaited before start() returns.
            CompletableFuture<Void> check =
                    DependencyCheck.verifyInBackground(new DrydockSettings(settings).get("dependency-check", "fail"));
            Drydock drydock;
            try {
                drydock = new Drydock(this);
            } catch (IOException e) {
                DependencyCheck.await(check, e);
                throw new DrydockException("Drydock could not start its endpoint on the loopback address: " + e, e);
            } catch (RuntimeException | Error e) {
                // an unsupported library version explains a failure such as NoSuchMethodError: its message comes first
                DependencyCheck.await(check, e);
                throw e;
            }
            try {
                DependencyCheck.await(check, null);
            } catch (RuntimeException e) {
                drydock.close();
                throw e;
            }
            try {
                for (Fixture f : fixtures) {
                    drydock.apply(f);
                }
            } catch (RuntimeException e) {
                drydock.close();
                throw e;
            }
            return drydock;
        }
    }
}
