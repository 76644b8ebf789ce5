package dev.drydock.ecs.internal.lifecycle;

import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.Iam;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.spi.RoleSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container credentials endpoint of tasks with a task role
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html): each such task gets an
 * assumed-role session of its role ({@code arn:aws:sts::<account>:assumed-role/<role>/<task id>}), served as JSON
 * ({@code AccessKeyId}, {@code SecretAccessKey}, {@code Token}, {@code Expiration}, {@code RoleArn}) at
 * {@code /v2/credentials/<id>} to requests carrying the task's authorization token.
 *
 * <p>Containers find it through {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}. The URI is {@code http://127.0.0.1:51679/...}: a loopback address,
 * which every AWS SDK and CLI version accepts for plain HTTP, answered inside the task's own network namespace by
 * the task sandbox, which forwards to this endpoint in the JVM. Credentials are renewed when less than a quarter of
 * their lifetime is left, so a container that asks again before they expire gets new ones.
 */
public final class TaskCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(TaskCredentials.class);
    /** The path prefix the endpoint answers on. */
    public static final String PATH = "/v2/credentials/";
    /** Where containers reach the endpoint: the sandbox's forwarder on the task's loopback address. */
    public static final int SANDBOX_PORT = 51679;

    private final Iam iam;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByTask = new ConcurrentHashMap<>();

    /**
     * @param lifetime how long each set of credentials lives (ECS: about 6 hours)
     */
    public TaskCredentials(Iam iam, Clock clock, Duration lifetime) {
        this.iam = iam;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Starts serving credentials for a task's role and returns the environment its containers get.
     *
     * @param taskArn the task
     * @param taskId the task id (the session name)
     * @param roleArn the task role's ARN
     */
    public Map<String, String> register(String taskArn, String taskId, String roleArn) {
        String id = UUID.randomUUID().toString();
        byte[] token = new byte[32];
        random.nextBytes(token);
        Entry entry = new Entry(taskArn, taskId, roleArn, HexFormat.of().formatHex(token));
        byId.put(id, entry);
        idByTask.put(taskArn, id);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + SANDBOX_PORT + PATH + id);
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", entry.token);
        return env;
    }

    /** Stops serving a task's credentials (the task stopped). */
    public void revoke(String taskArn) {
        String id = idByTask.remove(taskArn);
        if (id != null) {
            byId.remove(id);
        }
    }

    /** The credentials endpoint's answer to one request. */
    public HttpResponse handle(HttpRequest request) {
        String id = request.rawPath().substring(PATH.length());
        Entry entry = byId.get(id);
        if (entry == null) {
            return error(404, "NotFound", "No credentials are associated with this id; the task may have stopped.");
        }
        String token = request.header("Authorization");
        if (token == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), entry.token.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Refused a credentials request for task {} without its authorization token", entry.taskId);
            return error(
                    401,
                    "InvalidAuthorizationToken",
                    "The request's Authorization header does not carry the "
                            + "task's AWS_CONTAINER_AUTHORIZATION_TOKEN.");
        }
        RoleSession c = entry.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AccessKeyId", c.accessKeyId());
        body.put("SecretAccessKey", c.secretAccessKey());
        body.put("Token", c.sessionToken());
        body.put("Expiration", DateTimeFormatter.ISO_INSTANT.format(c.expiration()));
        body.put("RoleArn", entry.roleArn);
        return HttpResponse.of(200, "application/json", JsonTree.write(body));
    }

    private static HttpResponse error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return HttpResponse.of(status, "application/json", JsonTree.write(body));
    }

    /** One task's credentials, renewed before they expire. */
    private final class Entry {
        final String taskArn;
        final String taskId;
        final String roleArn;
        final String token;
        private RoleSession credentials;

        Entry(String taskArn, String taskId, String roleArn, String token) {
            this.taskArn = taskArn;
            this.taskId = taskId;
            this.roleArn = roleArn;
            this.token = token;
        }

        synchronized RoleSession current() {
            if (credentials == null
                    || Duration.between(clock.instant(), credentials.expiration())
                                    .compareTo(lifetime.dividedBy(4))
                            < 0) {
                credentials = iam.assumeRole(roleArn, taskId, lifetime);
                LOG.debug("Issued credentials {} for task {} ({})", credentials.accessKeyId(), taskId, taskArn);
            }
            return credentials;
        }
    }
}
