package dev.drydock.core.internal.service;

import dev.drydock.core.internal.events.EventLog;
import dev.drydock.core.internal.http.HttpRequest;
import dev.drydock.core.internal.http.HttpResponse;
import dev.drydock.core.internal.iam.IamAccess;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What a {@link ServiceModule} gets from the Drydock instance it runs in. */
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
     * Labels every Docker object of this session carries (session, owning process), plus the given ones.
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

    /** The configuration (system properties, environment, {@code drydock.properties}). */
    DrydockSettings settings();

    /** Serves an AWS JSON protocol service on the endpoint. */
    void register(JsonService service);

    /** Serves an AWS REST-JSON protocol service on the endpoint (requests find it by their SigV4 scope). */
    void register(RestJsonService service);

    /**
     * How API calls are authorized (IAM policy evaluation, recorded in the decision log): for decisions a service
     * makes outside an API call, such as EFS authorizing a task's mount.
     */
    Authorizer authorizer();

    /**
     * Serves plain HTTP requests whose path starts with {@code pathPrefix} (for example {@code /v4/} for the task
     * metadata endpoint).
     */
    void registerPath(String pathPrefix, Function<HttpRequest, HttpResponse> handler);

    /** The endpoint URI the test JVM uses, e.g. {@code http://127.0.0.1:41234}. */
    URI endpoint();

    /** The account's IAM: roles, policies, credentials. */
    IamAccess iam();

    /**
     * Adds where {@code aws:ResourceTag/<key>} condition values come from for this service's resources: a function
     * from a resource ARN to its tags (empty when the ARN is not the service's).
     */
    void resourceTags(Function<String, Map<String, String>> source);

    /** Another module of the same instance, when present. */
    <T extends ServiceModule> Optional<T> module(Class<T> type);

    /** Where the module emits its EventBridge events (never blocks). */
    EventLog events();

    /**
     * Serves an AWS JSON protocol service whose routing table is built on first use (by its first request, or by
     * the warm-up right after start), so that Drydock's start does not load every request class of its API.
     *
     * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code AmazonEC2ContainerRegistry_V20150921}
     * @param service a {@link LazyService} building the {@link JsonService}
     */
    void register(String targetPrefix, LazyService service);
}
