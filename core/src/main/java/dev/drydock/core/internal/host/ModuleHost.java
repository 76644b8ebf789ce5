package dev.drydock.core.internal.host;

import dev.drydock.core.DrydockException;
import dev.drydock.core.iam.DecisionLog;
import dev.drydock.core.iam.policy.AuthorizationRequest;
import dev.drydock.core.iam.policy.PolicyEvaluator;
import dev.drydock.core.internal.auth.ProtocolFamily;
import dev.drydock.core.internal.docker.SessionSweeper;
import dev.drydock.core.internal.events.EventLog;
import dev.drydock.core.internal.http.HttpEndpoint;
import dev.drydock.core.internal.iam.AuthenticatedCaller;
import dev.drydock.core.internal.iam.IamAccess;
import dev.drydock.core.internal.iam.IamApi;
import dev.drydock.core.internal.iam.ModuleIam;
import dev.drydock.core.internal.iam.PolicyAuthorizer;
import dev.drydock.core.internal.iam.SigV4Authenticator;
import dev.drydock.core.internal.iam.backend.IamBackend;
import dev.drydock.core.internal.report.IamReport;
import dev.drydock.core.internal.service.AwsService;
import dev.drydock.core.internal.service.Call;
import dev.drydock.core.internal.service.DrydockSettings;
import dev.drydock.core.internal.service.JsonProtocol;
import dev.drydock.core.internal.service.LazyService;
import dev.drydock.core.internal.service.QueryProtocol;
import dev.drydock.core.internal.service.RestJsonProtocol;
import dev.drydock.core.internal.service.Router;
import dev.drydock.core.internal.sts.StsApi;
import dev.drydock.core.report.Report;
import dev.drydock.core.runtime.ContainerRuntime;
import dev.drydock.core.spi.AdminCalls;
import dev.drydock.core.spi.CallContext;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.EventPublisher;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.Iam;
import dev.drydock.core.spi.ImageResolver;
import dev.drydock.core.spi.JsonService;
import dev.drydock.core.spi.Labels;
import dev.drydock.core.spi.QueryService;
import dev.drydock.core.spi.ReportContributor;
import dev.drydock.core.spi.RestJsonService;
import dev.drydock.core.spi.RuntimeSession;
import dev.drydock.core.spi.ScalingTime;
import dev.drydock.core.spi.ServiceContext;
import dev.drydock.core.spi.ServiceModule;
import dev.drydock.core.spi.Settings;
import dev.drydock.core.spi.VpcModel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Hosts the services of one Drydock instance: the endpoint and its router, IAM and STS, the service modules found on
 * the classpath ({@link ServiceLoader}), the container runtime connection and the event stream. It is the
 * {@link ServiceContext} every module gets. {@code Drydock} is the public face of it.
 */
public final class ModuleHost implements ServiceContext, AdminCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleHost.class);
    /** The endpoint property suffixes of the services core itself serves (IAM, STS). */
    private static final List<String> CORE_SDK_ENDPOINT_SUFFIXES = List.of("Iam", "Sts");

    private final String sessionId;
    private final String accountId;
    private final String region;
    private final Clock clock;
    private final DrydockSettings settings;
    private ScalingTime scalingTime;
    private final Router router;
    private final HttpEndpoint endpoint;
    private final IamBackend iam;
    private final ModuleIam moduleIam;
    private final DecisionLog decisionLog = new DecisionLog();
    private final EventLog events;
    private final PolicyAuthorizer authorizer;
    private final PolicyAuthorizer adminAuthorizer;
    private final List<AwsService> coreServices;
    /** REST-JSON services, warmed before the runtime connects (a {@link LazyService} is built then). */
    private final List<AwsService> restServices = new CopyOnWriteArrayList<>();
    /** Query services of modules registered on first use, built and warmed after the runtime connects. */
    private final List<LazyService> lazyQueryServices = new CopyOnWriteArrayList<>();

    private volatile boolean closed;
    private final List<ServiceModule> modules = new ArrayList<>();
    private final RuntimeConnection runtime;
    private final ImageBuilds imageBuilds;
    private final VpcModel vpc;

    /**
     * Starts the endpoint, IAM and STS, and every service module on the classpath.
     *
     * @param sessionId this instance's session id
     * @param settings the configuration
     * @param runtimeFactory the container runtime to connect, or {@code null} for the one the settings name
     * @throws IOException when the endpoint cannot listen on the loopback address
     * @throws DrydockException when a setting is invalid
     */
    public ModuleHost(
            String sessionId,
            String accountId,
            String region,
            Clock clock,
            DrydockSettings settings,
            Supplier<ContainerRuntime> runtimeFactory)
            throws IOException {
        this.sessionId = sessionId;
        this.accountId = accountId;
        this.region = region;
        this.clock = clock;
        this.settings = settings;
        this.vpc = new SettingsVpc(accountId, region, settings);
        Supplier<ContainerRuntime> factory =
                runtimeFactory != null ? runtimeFactory : RuntimeConnection.defaultFactory(settings);
        this.iam = new IamBackend(accountId, clock);
        this.moduleIam = new ModuleIam(iam);
        this.authorizer = new PolicyAuthorizer(iam, decisionLog, region, clock);
        this.adminAuthorizer = authorizer.unrecorded();
        this.router = new Router(new SigV4Authenticator(iam, clock, region), authorizer);
        this.coreServices = List.of(
                new LazyService("iam", ProtocolFamily.QUERY, () -> IamApi.routingTable(iam, clock)),
                new LazyService("sts", ProtocolFamily.QUERY, () -> StsApi.routingTable(iam, clock)));
        router.registerQuery(IamApi.VERSION, coreServices.get(0));
        router.registerQuery(StsApi.VERSION, coreServices.get(1));
        this.endpoint = HttpEndpoint.start(router);
        this.events = new EventLog(accountId, region);
        this.imageBuilds = new ImageBuilds(settings, labels(Map.of()));
        this.runtime = new RuntimeConnection(factory, sessionId, labels(Map.of()), endpoint, settings);
        try {
            for (ServiceModule module : ServiceLoader.load(ServiceModule.class, ModuleHost.class.getClassLoader())) {
                module.start(this);
                modules.add(module);
            }
        } catch (RuntimeException | Error e) {
            modules.forEach(ServiceModule::close);
            endpoint.close();
            events.close();
            throw e;
        }
    }

    /**
     * In one background thread, so that on a small machine it competes as little as possible with the first
     * requests: first loads what requests need, then connects the container runtime.
     */
    public void startInBackground() {
        Thread background = new Thread(
                () -> {
                    warmUp();
                    runtime.connect();
                    warmUpLazyQueryServices();
                },
                "drydock-start-" + sessionId);
        background.setDaemon(true);
        background.start();
    }

    /** The endpoint URI for clients in this JVM. */
    public URI loopbackEndpoint() {
        return endpoint.loopbackUri();
    }

    /** The account's IAM model. */
    public IamAccess iamModel() {
        return iam;
    }

    /** Every authorization decision of this instance. */
    public DecisionLog decisionLog() {
        return decisionLog;
    }

    /** The event stream. */
    public EventLog eventLog() {
        return events;
    }

    /**
     * Builds an image on the connected runtime (waits for it), tagged {@code tag} for this session; see
     * {@link ImageBuilds} for what is kept as build cache.
     *
     * @return the image's content id
     * @throws dev.drydock.core.runtime.RuntimeFailure when the build fails
     */
    public String buildImage(Path contextDirectory, String tag) {
        return imageBuilds.build(runtime.join().runtime(), contextDirectory, tag);
    }

    /** The connected container runtime (waits for it). */
    public RuntimeSession runtimeSession() {
        return runtime.join();
    }

    /** The endpoint property suffixes of every service served: IAM's and STS's, then each module's. */
    public List<String> sdkEndpointSuffixes() {
        List<String> suffixes = new ArrayList<>(CORE_SDK_ENDPOINT_SUFFIXES);
        for (ServiceModule m : modules) {
            for (String s : m.sdkEndpointSuffixes()) {
                if (!suffixes.contains(s)) {
                    suffixes.add(s);
                }
            }
        }
        return suffixes;
    }

    /** The module of the given type, if one runs. */
    public <T extends ServiceModule> Optional<T> findModule(Class<T> type) {
        for (ServiceModule m : modules) {
            if (type.isInstance(m)) {
                return Optional.of(type.cast(m));
            }
        }
        return Optional.empty();
    }

    /** Every module of a type, in start order. */
    public <T extends ServiceModule> List<T> findModules(Class<T> type) {
        List<T> found = new ArrayList<>();
        for (ServiceModule m : modules) {
            if (type.isInstance(m)) {
                found.add(type.cast(m));
            }
        }
        return found;
    }

    /** The names of the modules, for the log. */
    public String moduleNames() {
        List<String> names = new ArrayList<>();
        modules.forEach(m -> names.add(m.name()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /**
     * What this instance did, as a report: its facts, every {@link ReportContributor} module's sections, IAM's decisions
     * and the declared resources. A contributor that throws is noted in the report; never throws itself.
     *
     * @param title e.g. the test class's name
     */
    public Report report(String title) {
        Report report = new Report(title, clock.instant());
        report.fact("session", sessionId)
                .fact("account", accountId)
                .fact("region", region)
                .fact("endpoint", endpoint.loopbackUri().toString())
                .fact(
                        "runtime",
                        runtime.ifReady().map(r -> r.runtime().description()).orElse("not connected"));
        for (ServiceModule m : modules) {
            if (m instanceof ReportContributor contributor) {
                try {
                    contributor.contribute(report);
                } catch (RuntimeException e) {
                    LOG.warn("The {} module's part of the report failed", m.name(), e);
                    report.section("errors", "Report", "Parts that could not be written")
                            .text(m.name() + ": " + e);
                }
            }
        }
        try {
            IamReport.contribute(report, decisionLog, iam, iam.testPrincipal().arn());
        } catch (RuntimeException e) {
            LOG.warn("IAM's part of the report failed", e);
            report.section("errors", "Report", "Parts that could not be written")
                    .text("iam: " + e);
        }
        return report;
    }

    /**
     * Every module's report (ECS: its per-service summary first), then the IAM decisions that matter; never throws.
     */
    public String diagnostics() {
        StringBuilder b = new StringBuilder();
        for (ServiceModule m : modules) {
            try {
                String d = m.diagnostics();
                if (d != null && !d.isBlank()) {
                    b.append(d);
                    if (!d.endsWith("\n")) {
                        b.append('\n');
                    }
                }
            } catch (RuntimeException e) {
                b.append(m.name())
                        .append(": diagnostics unavailable (")
                        .append(e)
                        .append(")\n");
            }
        }
        if (decisionLog.size() > 0) {
            String[] lines = decisionLog.summary(10, iam.testPrincipal().arn()).split("\n");
            b.append("Drydock IAM decisions: ").append(lines[0]).append('\n');
            for (int i = 1; i < lines.length; i++) {
                b.append("  ").append(lines[i]).append('\n');
            }
        }
        return b.toString();
    }

    /** Closes the modules (registries last), removes the session's Docker objects, stops the endpoint. */
    public void close() {
        closed = true;
        List<ServiceModule> reversed = new ArrayList<>(modules);
        Collections.reverse(reversed);
        // registries close after the modules whose tasks run their images (stable sort: otherwise reversed)
        reversed.sort(Comparator.comparing(m -> m instanceof ImageResolver));
        for (ServiceModule m : reversed) {
            try {
                m.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the {} model failed; its Docker objects are removed by label anyway", m.name(), e);
            }
        }
        runtime.ifReady().ifPresent(session -> imageBuilds.close(session.runtime()));
        runtime.close();
        endpoint.close();
        events.close();
    }

    private void warmUp() {
        try {
            router.jsonServices().values().forEach(JsonProtocol::warmUp);
            for (AwsService s : restServices) {
                if (built(s) instanceof RestJsonProtocol rest) {
                    rest.warmUp();
                }
            }
            // parse the test principal's policies and run one evaluation: the first signed call is then fast
            PolicyEvaluator.evaluate(
                    AuthorizationRequest.builder()
                            .principal(iam.testPrincipal().arn())
                            .principalAccount(accountId)
                            .action("ecs:ListClusters")
                            .resource("*")
                            .build(),
                    iam.policies(iam.testPrincipal()));
            for (AwsService s : coreServices) {
                if (built(s) instanceof QueryProtocol q) {
                    q.warmUp();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Warm-up failed (harmless)", e);
        }
    }

    /**
     * Builds and warms the modules' query services registered on first use (CloudWatch, EC2, EC2 Auto Scaling, ELB),
     * after the runtime is connected: a test that runs containers does not wait for tables it may never use.
     */
    private void warmUpLazyQueryServices() {
        for (LazyService s : lazyQueryServices) {
            if (closed) {
                return; // a test class that was over before the runtime connected: nothing to warm
            }
            try {
                if (s.get() instanceof QueryProtocol q) {
                    q.warmUp();
                }
            } catch (RuntimeException e) {
                LOG.debug("Warm-up of {} failed (harmless)", s.signingName(), e);
            }
        }
    }

    private static AwsService built(AwsService s) {
        return s instanceof LazyService lazy ? lazy.get() : s;
    }

    // ------------------------------------------------------------------------------------------ ServiceContext

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized ScalingTime scalingTime() {
        if (scalingTime == null) {
            scalingTime =
                    ScalingTime.parse(clock, settings.get(ScalingTime.SETTING).orElse("1"));
        }
        return scalingTime;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public Map<String, String> labels(Map<String, String> extra) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.DRYDOCK, "true");
        labels.put(Labels.SESSION, sessionId);
        labels.put(Labels.PID, Long.toString(ProcessHandle.current().pid()));
        ProcessHandle.current()
                .info()
                .startInstant()
                .ifPresent(start -> labels.put(Labels.PROCESS_START, Long.toString(start.toEpochMilli())));
        labels.put(Labels.HOST, SessionSweeper.hostName());
        labels.putAll(extra);
        return labels;
    }

    @Override
    public RuntimeSession runtime() {
        return runtime.join();
    }

    @Override
    public Optional<RuntimeSession> runtimeIfReady() {
        return runtime.ifReady();
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public VpcModel vpc() {
        return vpc;
    }

    @Override
    public void register(JsonService service) {
        router.register(protocol(service, JsonProtocol.class));
    }

    @Override
    public void registerOnFirstUse(String signingName, String targetPrefix, Supplier<JsonService> routingTable) {
        router.register(
                targetPrefix,
                new LazyService(
                        signingName, ProtocolFamily.JSON, () -> protocol(routingTable.get(), JsonProtocol.class)));
    }

    @Override
    public void register(RestJsonService service) {
        RestJsonProtocol protocol = protocol(service, RestJsonProtocol.class);
        router.registerScoped(protocol);
        restServices.add(protocol);
    }

    @Override
    public void registerRestJsonOnFirstUse(String signingName, Supplier<RestJsonService> routingTable) {
        LazyService lazy = new LazyService(
                signingName, ProtocolFamily.REST_JSON, () -> protocol(routingTable.get(), RestJsonProtocol.class));
        router.registerScoped(lazy);
        restServices.add(lazy);
    }

    @Override
    public void register(QueryService service) {
        router.registerQuery(service.version(), protocol(service, QueryProtocol.class));
    }

    @Override
    public void registerQueryOnFirstUse(String signingName, String version, Supplier<QueryService> routingTable) {
        LazyService lazy = new LazyService(signingName, ProtocolFamily.QUERY, () -> {
            QueryProtocol built = protocol(routingTable.get(), QueryProtocol.class);
            if (!built.version().equals(version)) {
                throw new IllegalStateException("The query service " + signingName + " was registered for Version "
                        + version + " but its routing table has " + built.version());
            }
            return built;
        });
        router.registerQuery(version, lazy);
        lazyQueryServices.add(lazy);
    }

    private static <T> T protocol(Object service, Class<T> type) {
        if (!type.isInstance(service)) {
            throw new IllegalArgumentException(
                    "Register a routing table built with its builder (JsonService.builder(...) ...), not " + service);
        }
        return type.cast(service);
    }

    @Override
    public void registerPath(String pathPrefix, Function<HttpRequest, HttpResponse> handler) {
        router.registerPath(pathPrefix, handler);
    }

    @Override
    public AdminCalls adminCalls() {
        return this;
    }

    @Override
    public <O extends SdkPojo> O call(String signingName, SdkPojo request, Class<O> responseType) {
        AwsService service = service(signingName);
        String operation = operationOf(request);
        Call call = new Call(
                UUID.randomUUID().toString(),
                service,
                operation,
                moduleIam.testPrincipal(),
                "127.0.0.1",
                false,
                clock.instant(),
                adminAuthorizer);
        return responseType.cast(service.invoke(operation, request, call));
    }

    @Override
    public <O extends SdkPojo> O callAs(
            Caller caller, String requestId, String signingName, SdkPojo request, Class<O> responseType) {
        AuthenticatedCaller.principalOf(caller); // only callers core made
        AwsService service = service(signingName);
        String operation = operationOf(request);
        Call call = new Call(requestId, service, operation, caller, "127.0.0.1", false, clock.instant(), authorizer);
        return responseType.cast(service.invoke(operation, request, call));
    }

    private static String operationOf(SdkPojo request) {
        String name = request.getClass().getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }

    @Override
    public CallContext callContext(CallContext onBehalfOf, String signingName, String operation) {
        if (!(onBehalfOf instanceof Call call)) {
            throw new IllegalArgumentException("Only a call core made can be served on behalf of: " + onBehalfOf);
        }
        return call.onBehalf(service(signingName), operation);
    }

    @Override
    public CallContext callContext(
            String signingName, String operation, Caller caller, String sourceIp, boolean secureTransport) {
        AuthenticatedCaller.principalOf(caller); // only callers core made
        return new Call(
                UUID.randomUUID().toString(),
                service(signingName),
                operation,
                caller,
                sourceIp,
                secureTransport,
                clock.instant(),
                authorizer);
    }

    private AwsService service(String signingName) {
        return router.service(signingName)
                .orElseThrow(() -> new IllegalArgumentException("Drydock serves no service with signing name '"
                        + signingName + "'. Served: " + String.join(", ", servedSigningNames()) + "."));
    }

    private List<String> servedSigningNames() {
        List<String> names = new ArrayList<>();
        router.services().forEach(s -> names.add(s.signingName()));
        Collections.sort(names);
        return names;
    }

    @Override
    public URI endpoint() {
        return endpoint.loopbackUri();
    }

    @Override
    public Iam iam() {
        return moduleIam;
    }

    @Override
    public void resourceTags(Function<String, Map<String, String>> source) {
        authorizer.addResourceTags(source);
    }

    @Override
    public <T extends ServiceModule> Optional<T> module(Class<T> type) {
        return findModule(type);
    }

    @Override
    public <T extends ServiceModule> List<T> modules(Class<T> type) {
        return findModules(type);
    }

    @Override
    public EventPublisher events() {
        return events;
    }
}
