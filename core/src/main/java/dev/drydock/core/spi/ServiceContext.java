package dev.drydock.core.spi;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link ServiceModule} gets from the Drydock instance it runs in: the account and region, the clock, the
 * endpoint to register its API on, IAM, the container runtime, the event stream and the other modules.
 */
public interface ServiceContext {

    /** The 12-digit account id every resource belongs to. */
    String accountId();

    /** The region, e.g. {@code us-east-1}. */
    String region();

    /** The clock that stamps every timestamp the models report. */
    Clock clock();

    /** The session id: unique per Drydock instance; Docker objects carry it as a label. */
    String sessionId();

    /**
     * Labels every Docker object of this session carries (session, owning process; see {@link Labels}), plus the
     * given ones.
     */
    Map<String, String> labels(Map<String, String> extra);

    /**
     * The container runtime with its session network, connecting on first use. Blocks until the runtime is ready;
     * never call it from an API handler (reads never block on Docker).
     *
     * @throws dev.drydock.core.DrydockException when no runtime can be reached, saying what to do
     */
    RuntimeSession runtime();

    /** The container runtime if it is already connected; never blocks. */
    Optional<RuntimeSession> runtimeIfReady();

    /** The configuration (builder settings, system properties, environment, {@code drydock.properties}). */
    Settings settings();

    /** The account's VPC, subnets and Availability Zones, which every service places its resources in. */
    VpcModel vpc();

    /** Serves an AWS JSON protocol service on the endpoint (requests find it by their {@code X-Amz-Target}). */
    void register(JsonService service);

    /**
     * Serves an AWS JSON protocol service whose routing table is built on first use (by its first request, an
     * {@link AdminCalls administrator call}, or the warm-up right after start), so that Drydock's start does not load
     * every request class of its API.
     *
     * @param signingName the SigV4 signing name the built service has, e.g. {@code ecr}
     * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code AmazonEC2ContainerRegistry_V20150921}
     * @param routingTable builds the {@link JsonService}
     */
    void registerOnFirstUse(String signingName, String targetPrefix, Supplier<JsonService> routingTable);

    /** Serves an AWS REST-JSON protocol service on the endpoint (requests find it by their SigV4 scope). */
    void register(RestJsonService service);

    /**
     * Serves an AWS REST-JSON protocol service whose routing table is built on first use, as
     * {@link #registerOnFirstUse} does for JSON services (an unsigned request that names no service builds it to ask
     * whether its path is one of the service's).
     *
     * @param signingName the SigV4 signing name the built service has, e.g. {@code elasticfilesystem}
     * @param routingTable builds the {@link RestJsonService}
     * @throws IllegalStateException on first use, when the built service has another signing name
     */
    void registerRestJsonOnFirstUse(String signingName, Supplier<RestJsonService> routingTable);

    /**
     * Serves an AWS query protocol service on the endpoint (requests find it by their SigV4 scope, or unsigned ones
     * by their {@code Version} parameter).
     */
    void register(QueryService service);

    /**
     * Serves an AWS query protocol service (or its EC2 variant) whose routing table is built on first use (by its
     * first request, an {@link AdminCalls administrator call}, or the background start after the container runtime is
     * connected), as {@link #registerOnFirstUse} does for JSON services.
     *
     * @param signingName the SigV4 signing name the built service has, e.g. {@code monitoring}
     * @param version the query API's {@code Version} the built service has, e.g. {@code 2010-08-01}
     * @param routingTable builds the {@link QueryService}
     * @throws IllegalStateException on first use, when the built service has another signing name or version
     */
    void registerQueryOnFirstUse(String signingName, String version, Supplier<QueryService> routingTable);

    /**
     * Serves plain HTTP requests whose path starts with {@code pathPrefix} (for example {@code /v4/} for the task
     * metadata endpoint); the longest matching prefix wins. The handler authenticates requests itself.
     */
    void registerPath(String pathPrefix, Function<HttpRequest, HttpResponse> handler);

    /**
     * Calls the operations of the services registered on this instance as Drydock's test principal, through the
     * same checks an HTTP request passes: what programmatic fixtures use.
     */
    AdminCalls adminCalls();

    /**
     * A call context for an authorization decision the service makes outside an API call, such as a registry pull or
     * a mount: decisions made through it are recorded in the decision log under {@code signingName} and
     * {@code operation}, and denials answer the service's access-denied error.
     *
     * @param signingName a registered service's signing name, e.g. {@code ecr}
     * @param operation the name the decision log shows, e.g. {@code BatchGetImage} or {@code ClientMount}
     * @param caller who acts, e.g. a role session from {@link Iam#assumeRole}
     * @param sourceIp the address the action comes from ({@code aws:SourceIp})
     * @param secureTransport whether it uses TLS ({@code aws:SecureTransport})
     * @throws IllegalArgumentException when no service with that signing name is registered
     */
    CallContext callContext(
            String signingName, String operation, Caller caller, String sourceIp, boolean secureTransport);

    /**
     * The call a service makes to another on its own caller's behalf, as AWS services integrated with KMS call KMS
     * for the principal who called them: the same caller, request id, source address, time and recording (an
     * administrator call's stays unrecorded), for the other service's operation, whose denials answer the other
     * service's access-denied error.
     *
     * @param onBehalfOf the call being served
     * @param signingName the other service's signing name, e.g. {@code kms}
     * @param operation the other service's operation, e.g. {@code Decrypt}
     * @throws IllegalArgumentException when no service with that signing name is registered
     */
    CallContext callContext(CallContext onBehalfOf, String signingName, String operation);

    /** The endpoint URI the test JVM uses, e.g. {@code http://127.0.0.1:41234}. */
    URI endpoint();

    /** The account's IAM: roles, role sessions, the test principal. */
    Iam iam();

    /**
     * Adds where {@code aws:ResourceTag/<key>} condition values come from for this service's resources: a function
     * from a resource ARN to its tags (empty when the ARN is not the service's), e.g. a {@link TagStore}.
     */
    void resourceTags(Function<String, Map<String, String>> source);

    /**
     * Another module of the same instance, when present: how services meet without depending on each other (ECS asks
     * for an {@link ImageResolver} and a {@link TaskVolumeProvider}).
     */
    <T extends ServiceModule> Optional<T> module(Class<T> type);

    /**
     * Every module of the same instance of a type, in start order: for a port several modules implement (CloudWatch
     * offers an alarm action to each {@link AlarmActionTarget}: Application Auto Scaling's and EC2 Auto Scaling's
     * policies). Empty when none is present.
     */
    <T extends ServiceModule> List<T> modules(Class<T> type);

    /** Where the module emits its EventBridge events (never blocks). */
    EventPublisher events();

    /**
     * The scaling machinery's time, shared by every module of this instance: AWS's periods, compressed by the setting
     * {@value ScalingTime#SETTING}.
     *
     * @throws dev.drydock.core.DrydockException naming the setting when its value is not a factor above 0 and at most 1
     */
    ScalingTime scalingTime();
}
