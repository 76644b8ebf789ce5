package dev.drydock.ecs.internal.imds;

import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.HttpRequest;
import dev.drydock.core.spi.HttpResponse;
import dev.drydock.core.spi.Iam;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.spi.RoleSession;
import dev.drydock.ecs.internal.backend.Ec2Instance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One EC2 instance's instance metadata service, as the SDKs and the AWS CLI use it
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-categories.html):
 *
 * <ul>
 *   <li>IMDSv2: {@code PUT /latest/api/token} with {@code X-aws-ec2-metadata-token-ttl-seconds} (1 to 21,600 seconds;
 *       missing or out of range: 400) answers a session token, which later requests carry in
 *       {@code X-aws-ec2-metadata-token}; an unknown or expired token is refused with 401. A PUT carrying
 *       {@code X-Forwarded-For} is refused with 403, as IMDS refuses tokens to requests through a proxy.
 *   <li>IMDSv1: requests without a token, unless the instance requires IMDSv2 ({@code HttpTokens required}: 401).
 *   <li>{@code /latest/meta-data/} (the categories below, one per line, directories ending in {@code /}),
 *       {@code ami-id}, {@code hostname}, {@code instance-id}, {@code instance-type}, {@code local-hostname},
 *       {@code local-ipv4}, {@code placement/availability-zone}, {@code placement/region}; with an instance profile
 *       {@code iam/info} and {@code iam/security-credentials/} (the role's name) and
 *       {@code iam/security-credentials/<role>}: {@code Code}, {@code LastUpdated}, {@code Type} ({@code AWS-HMAC}),
 *       {@code AccessKeyId}, {@code SecretAccessKey}, {@code Token}, {@code Expiration} (ISO-8601 seconds, UTC), the
 *       credentials of a session of the instance profile's role named after the instance id
 *       ({@code arn:aws:sts::<account>:assumed-role/<role>/<instance id>}), renewed when less than a quarter of their
 *       lifetime is left (EC2 makes new ones available at least five minutes before the old ones expire);
 *   <li>{@code /latest/dynamic/instance-identity/document}: the instance identity document (JSON).
 * </ul>
 *
 * Anything else is 404 with AWS's HTML body. Every answer carries {@code Server: EC2ws}. Thread-safe.
 */
public final class InstanceMetadataService {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceMetadataService.class);

    /** The header a token request gives the token's lifetime in, in seconds. */
    public static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    /** The header requests carry the token in. */
    public static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
    /** The longest lifetime a token may have: 6 hours. */
    static final int MAX_TTL_SECONDS = 21_600;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_INSTANT;

    private final Supplier<Ec2Instance> instance;
    private final Iam iam;
    private final Clock clock;
    private final Duration lifetime;
    private final boolean tokensRequired;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private RoleSession session;
    private Instant lastUpdated;

    /**
     * @param instance the instance as it is now (its instance profile may change)
     * @param iam the account's IAM, which issues the instance profile role's sessions
     * @param clock the clock tokens and credentials expire by
     * @param lifetime how long each set of instance profile credentials lives (EC2: about 6 hours)
     * @param tokensRequired whether IMDSv2 is required ({@code HttpTokens required}): requests without a token are
     *     refused
     */
    public InstanceMetadataService(
            Supplier<Ec2Instance> instance, Iam iam, Clock clock, Duration lifetime, boolean tokensRequired) {
        this.instance = instance;
        this.iam = iam;
        this.clock = clock;
        this.lifetime = lifetime;
        this.tokensRequired = tokensRequired;
    }

    /** The answer to one request. */
    public HttpResponse handle(HttpRequest request) {
        String path = request.rawPath();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if ("PUT".equals(request.method())) {
            return "/latest/api/token".equals(path) ? token(request) : status(405, "Method Not Allowed");
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return status(405, "Method Not Allowed");
        }
        String token = request.header(TOKEN_HEADER);
        if (token != null) {
            Instant expires = tokens.get(token);
            if (expires == null || !clock.instant().isBefore(expires)) {
                tokens.remove(token);
                return status(401, "Unauthorized");
            }
        } else if (tokensRequired) {
            return status(401, "Unauthorized");
        }
        return get(path);
    }

    private HttpResponse token(HttpRequest request) {
        if (request.header("X-Forwarded-For") != null) {
            return status(403, "Forbidden");
        }
        String ttl = request.header(TTL_HEADER);
        int seconds;
        try {
            seconds = ttl == null ? 0 : Integer.parseInt(ttl.trim());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > MAX_TTL_SECONDS) {
            return status(400, "Bad Request");
        }
        byte[] bytes = new byte[42];
        random.nextBytes(bytes);
        String token = "AQAEA" + Base64.getEncoder().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.values().removeIf(expiry -> !now.isBefore(expiry));
        tokens.put(token, now.plusSeconds(seconds));
        return text(token).withHeader(TTL_HEADER, Integer.toString(seconds));
    }

    private HttpResponse get(String path) {
        Ec2Instance i = instance.get();
        String role =
                i.instanceProfileRole().map(InstanceMetadataService::roleName).orElse(null);
        switch (path) {
            case "/":
                return text("latest");
            case "/latest", "/latest/":
                return text("dynamic\nmeta-data");
            case "/latest/meta-data", "/latest/meta-data/":
                List<String> items = new ArrayList<>(List.of("ami-id", "hostname"));
                if (role != null) {
                    items.add("iam/");
                }
                items.addAll(List.of("instance-id", "instance-type", "local-hostname", "local-ipv4", "placement/"));
                return text(String.join("\n", items));
            case "/latest/meta-data/ami-id":
                return text(i.imageId());
            case "/latest/meta-data/hostname", "/latest/meta-data/local-hostname":
                return text(hostname(i));
            case "/latest/meta-data/instance-id":
                return text(i.instanceId());
            case "/latest/meta-data/instance-type":
                return i.instanceType() == null ? notFound() : text(i.instanceType());
            case "/latest/meta-data/local-ipv4":
                return text(i.privateIp());
            case "/latest/meta-data/placement", "/latest/meta-data/placement/":
                return text("availability-zone\nregion");
            case "/latest/meta-data/placement/availability-zone":
                return text(i.availabilityZone());
            case "/latest/meta-data/placement/region":
                return text(i.region());
            case "/latest/dynamic", "/latest/dynamic/":
                return text("instance-identity/");
            case "/latest/dynamic/instance-identity", "/latest/dynamic/instance-identity/":
                return text("document");
            case "/latest/dynamic/instance-identity/document":
                return json(identityDocument(i));
            default:
                break;
        }
        if (role == null || !path.startsWith("/latest/meta-data/iam")) {
            return notFound();
        }
        String rest = path.substring("/latest/meta-data/iam".length());
        switch (rest) {
            case "", "/":
                return text("info\nsecurity-credentials/");
            case "/info":
                return json(info(i.instanceProfileRoleArn()));
            case "/security-credentials", "/security-credentials/":
                return text(role);
            default:
                break;
        }
        if (rest.equals("/security-credentials/" + role)) {
            return json(credentials(i));
        }
        return notFound();
    }

    /**
     * iam/info: {@code Code}, {@code LastUpdated}, {@code InstanceProfileArn}, {@code InstanceProfileId}. Drydock's
     * instance profile is named after its role, as the IAM console names the one it creates with a role for EC2.
     */
    private Map<String, Object> info(String roleArn) {
        String account = roleArn.split(":")[4];
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code", "Success");
        body.put("LastUpdated", format(lastUpdated()));
        body.put("InstanceProfileArn", "arn:aws:iam::" + account + ":instance-profile/" + roleName(roleArn));
        body.put("InstanceProfileId", "AIPA" + stableId(roleArn));
        return body;
    }

    private Map<String, Object> credentials(Ec2Instance i) {
        Map<String, Object> body = new LinkedHashMap<>();
        RoleSession c;
        try {
            c = current(i);
        } catch (AwsException e) {
            // EC2's answer when it cannot get the role's credentials (the role is gone or no longer trusts EC2)
            body.put("Code", "AssumeRoleUnauthorizedAccess");
            body.put("Message", "EC2 cannot assume the role " + roleName(i.instanceProfileRoleArn()) + ".");
            body.put("LastUpdated", format(clock.instant()));
            return body;
        }
        body.put("Code", "Success");
        body.put("LastUpdated", format(lastUpdated()));
        body.put("Type", "AWS-HMAC");
        body.put("AccessKeyId", c.accessKeyId());
        body.put("SecretAccessKey", c.secretAccessKey());
        body.put("Token", c.sessionToken());
        body.put("Expiration", format(c.expiration()));
        return body;
    }

    /** The role's current session, renewed when less than a quarter of its lifetime is left or the role changed. */
    private synchronized RoleSession current(Ec2Instance i) {
        String roleArn = i.instanceProfileRoleArn();
        if (session == null
                || !session.roleArn().equals(roleArn)
                || Duration.between(clock.instant(), session.expiration()).compareTo(lifetime.dividedBy(4)) < 0) {
            session = iam.assumeRole(roleArn, i.instanceId(), lifetime);
            lastUpdated = clock.instant();
            LOG.debug("Issued instance profile credentials {} for {}", session.accessKeyId(), i.instanceId());
        }
        return session;
    }

    private synchronized Instant lastUpdated() {
        return lastUpdated == null ? clock.instant() : lastUpdated;
    }

    /** The instance identity document, with the members EC2 gives it. */
    static Map<String, Object> identityDocument(Ec2Instance i) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("accountId", i.accountId());
        d.put("architecture", i.architecture());
        d.put("availabilityZone", i.availabilityZone());
        d.put("billingProducts", null);
        d.put("devpayProductCodes", null);
        d.put("marketplaceProductCodes", null);
        d.put("imageId", i.imageId());
        d.put("instanceId", i.instanceId());
        d.put("instanceType", i.instanceType());
        d.put("kernelId", null);
        d.put("pendingTime", format(i.pendingTime()));
        d.put("privateIp", i.privateIp());
        d.put("ramdiskId", null);
        d.put("region", i.region());
        d.put("version", "2017-09-30");
        return d;
    }

    /** EC2's private DNS name: {@code ip-10-0-0-12.ec2.internal} in us-east-1, else {@code ip-...<region>.compute.internal}. */
    private static String hostname(Ec2Instance i) {
        String base = "ip-" + i.privateIp().replace('.', '-');
        return "us-east-1".equals(i.region()) ? base + ".ec2.internal" : base + "." + i.region() + ".compute.internal";
    }

    static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    private static String format(Instant instant) {
        return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** 17 upper-case letters and digits derived from {@code seed}, so the same profile keeps its id. */
    private static String stableId(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            StringBuilder id = new StringBuilder();
            for (int k = 0; k < 17; k++) {
                id.append(alphabet.charAt((hash[k] & 0xff) % alphabet.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse text(String body) {
        return ec2ws(HttpResponse.of(200, "text/plain", body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse json(Map<String, Object> body) {
        return ec2ws(HttpResponse.of(200, "text/plain", JsonTree.write(body)));
    }

    private static HttpResponse notFound() {
        return status(404, "Not Found");
    }

    /** AWS's HTML error page for a status, e.g. {@code 404 - Not Found}. */
    private static HttpResponse status(int code, String reason) {
        String title = code + " - " + reason;
        String html = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n"
                + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
                + "\t\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
                + " <head>\n  <title>" + title + "</title>\n </head>\n <body>\n  <h1>" + title + "</h1>\n </body>\n"
                + "</html>\n";
        return ec2ws(HttpResponse.of(code, "text/html", html.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse ec2ws(HttpResponse r) {
        return r.withHeader("Server", "EC2ws");
    }

    @Override
    public String toString() {
        return "InstanceMetadataService[" + instance.get().instanceId().toLowerCase(Locale.ROOT) + "]";
    }
}
