package dev.drydock.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.core.testing.ReferenceRegistry;
import dev.drydock.ecr.internal.registry.BlobStore;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The same registry requests against Drydock's registry and Debian's docker-registry (distribution 2.8.2, the
 * reference implementation) give the same results: status, error code, the headers clients rely on, and bodies.
 * Covers push (monolithic, chunked, cross-repository mount), pull, HEAD, ranges and the not-found and bad-input
 * cases. Where ECR and the reference differ on purpose (ECR's repositories must exist; ECR's NAME_UNKNOWN message),
 * the cases avoid the difference.
 */
class RegistryConformanceTest {
    static Drydock drydock;
    static ReferenceRegistry reference;
    static String drydockHost;
    static String authorization;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The Location header of the last response (uploads continue there), resolved against the registry. */
    static URI lastLocation;

    static final byte[] LAYER = "conformance layer bytes 0123456789".getBytes(StandardCharsets.UTF_8);
    static final byte[] CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws Exception {
        reference = ReferenceRegistry.start();
        drydock = Drydock.builder().setting("runtime", "simulated").start();
        try (EcrClient ecr = drydock.client(EcrClient.builder())) {
            for (String repo : List.of("conformance", "chunked", "mounted", "bad")) {
                ecr.createRepository(r -> r.repositoryName(repo));
            }
            String token =
                    ecr.getAuthorizationToken().authorizationData().get(0).authorizationToken();
            authorization = "Basic " + token; // base64 of AWS:<password>, as docker sends it
        }
        drydockHost = drydock.service(EcrModule.class).registryHost();
    }

    @AfterAll
    static void stop() throws Exception {
        if (drydock != null) {
            drydock.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    /** What one request observed: the parts both registries must agree on. */
    record Observation(int status, String errorCode, Map<String, String> headers, String body) {}

    private static Observation send(
            String host,
            String method,
            String path,
            byte[] body,
            Map<String, String> headers,
            List<String> keptHeaders,
            boolean keepBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + path))
                .header("Authorization", authorization)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::setHeader);
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            lastLocation = r.headers()
                    .firstValue("Location")
                    .map(l -> URI.create("http://" + host).resolve(l))
                    .orElse(null);
            String text = new String(r.body(), StandardCharsets.UTF_8);
            String code = null;
            if (r.statusCode() >= 400 && text.startsWith("{")) {
                Object errors = ((Map<?, ?>) JsonTree.parse(r.body())).get("errors");
                code = String.valueOf(((Map<?, ?>) ((List<?>) errors).get(0)).get("code"));
            }
            Map<String, String> kept = new LinkedHashMap<>();
            for (String h : keptHeaders) {
                kept.put(h, r.headers().firstValue(h).orElse(null));
            }
            return new Observation(r.statusCode(), code, kept, keepBody ? text.trim() : null);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " on " + host + " failed: " + e, e);
        }
    }

    /** Runs one scenario on both registries and compares every observation. */
    private static List<Observation> both(Function<String, List<Observation>> scenario) {
        List<Observation> ours = scenario.apply(drydockHost);
        List<Observation> theirs = scenario.apply(reference.host());
        assertThat(ours).as("Drydock (left) vs docker-registry (right)").isEqualTo(theirs);
        return ours;
    }

    /** The last response's Location as a path with its query, ready for more parameters ({@code ...?a=b&}). */
    private static String continueAt() {
        URI l = lastLocation;
        return l.getRawPath() + "?" + (l.getRawQuery() == null ? "" : l.getRawQuery() + "&");
    }

    static String digest(byte[] b) {
        return BlobStore.digestOf(b);
    }

    static byte[] manifest(String layerDigest) {
        return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                        + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":"
                        + CONFIG.length + ",\"digest\":\"" + digest(CONFIG) + "\"},\"layers\":[{\"mediaType\":"
                        + "\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":" + LAYER.length
                        + ",\"digest\":\""
                        + layerDigest + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The monolithic upload every registry supports: POST for an upload, PUT of the whole blob with its digest. */
    private static Observation monolithic(String host, String repo, byte[] content) {
        send(host, "POST", "/v2/" + repo + "/blobs/uploads/", null, Map.of(), List.of(), false);
        return send(
                host,
                "PUT",
                continueAt() + "digest=" + digest(content),
                content,
                Map.of("Content-Type", "application/octet-stream"),
                List.of("Docker-Content-Digest"),
                false);
    }

    @Test
    void pushAndPullABlobAndAManifest() {
        String manifestType = "application/vnd.docker.distribution.manifest.v2+json";
        List<Observation> seen = both(host -> {
            List<Observation> o = new ArrayList<>();
            o.add(send(host, "GET", "/v2/", null, Map.of(), List.of("Docker-Distribution-API-Version"), true));
            o.add(monolithic(host, "conformance", LAYER));
            o.add(monolithic(host, "conformance", CONFIG));
            o.add(send(
                    host,
                    "HEAD",
                    "/v2/conformance/blobs/" + digest(LAYER),
                    null,
                    Map.of(),
                    List.of("Content-Length", "Docker-Content-Digest"),
                    false));
            o.add(send(
                    host,
                    "GET",
                    "/v2/conformance/blobs/" + digest(LAYER),
                    null,
                    Map.of(),
                    List.of("Content-Length", "Docker-Content-Digest"),
                    true));
            o.add(send(
                    host,
                    "PUT",
                    "/v2/conformance/manifests/v1",
                    manifest(digest(LAYER)),
                    Map.of("Content-Type", manifestType),
                    List.of("Docker-Content-Digest"),
                    false));
            o.add(send(
                    host,
                    "GET",
                    "/v2/conformance/manifests/v1",
                    null,
                    Map.of("Accept", manifestType),
                    List.of("Content-Type", "Docker-Content-Digest", "Content-Length"),
                    true));
            o.add(send(
                    host,
                    "HEAD",
                    "/v2/conformance/manifests/" + digest(manifest(digest(LAYER))),
                    null,
                    Map.of("Accept", manifestType),
                    List.of("Content-Type", "Docker-Content-Digest", "Content-Length"),
                    false));
            o.add(send(host, "GET", "/v2/conformance/tags/list", null, Map.of(), List.of(), true));
            return o;
        });
        assertThat(seen.get(1).status()).isEqualTo(201);
        assertThat(seen.get(4).body()).isEqualTo(new String(LAYER, StandardCharsets.UTF_8));
        assertThat(seen.get(6).headers().get("Docker-Content-Digest")).isEqualTo(digest(manifest(digest(LAYER))));
    }

    @Test
    void rangesOfABlob() {
        both(host -> {
            monolithic(host, "conformance", LAYER);
            String path = "/v2/conformance/blobs/" + digest(LAYER);
            List<String> kept = List.of("Content-Length", "Content-Range");
            return List.of(
                    send(host, "GET", path, null, Map.of("Range", "bytes=2-5"), kept, true),
                    send(host, "GET", path, null, Map.of("Range", "bytes=30-"), kept, true),
                    send(host, "GET", path, null, Map.of("Range", "bytes=-4"), kept, true),
                    unsatisfiable(host, path));
        });
    }

    /**
     * A range beyond the blob, over a raw socket: distribution answers 416 with a Content-Length that does not match
     * its body, which Java's HTTP client refuses to read; the status and Content-Range are what matter.
     */
    private static Observation unsatisfiable(String host, String path) {
        String[] hostPort = host.split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                                    + "\r\nRange: bytes=1000-2000\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            String contentRange = null;
            for (String line :
                    response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-range:")) {
                    contentRange = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            return new Observation(status, null, Map.of("Content-Range", String.valueOf(contentRange)), null);
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " with an unsatisfiable range on " + host + " failed: " + e, e);
        }
    }

    @Test
    void chunkedUploadWithStatusAndMount() {
        both(host -> {
            List<Observation> o = new ArrayList<>();
            o.add(send(host, "POST", "/v2/chunked/blobs/uploads/", null, Map.of(), List.of("Range"), false));
            o.add(send(
                    host,
                    "PATCH",
                    continueAt().replaceAll("[?&]$", ""),
                    Arrays.copyOf(LAYER, 10),
                    Map.of("Content-Type", "application/octet-stream", "Content-Range", "0-9"),
                    List.of("Range"),
                    false));
            o.add(send(host, "GET", continueAt().replaceAll("[?&]$", ""), null, Map.of(), List.of("Range"), false));
            o.add(send(
                    host,
                    "PATCH",
                    continueAt().replaceAll("[?&]$", ""),
                    Arrays.copyOfRange(LAYER, 10, LAYER.length),
                    Map.of("Content-Type", "application/octet-stream", "Content-Range", "10-" + (LAYER.length - 1)),
                    List.of("Range"),
                    false));
            o.add(send(
                    host,
                    "PUT",
                    continueAt() + "digest=" + digest(LAYER),
                    null,
                    Map.of(),
                    List.of("Docker-Content-Digest"),
                    false));
            o.add(send(
                    host,
                    "HEAD",
                    "/v2/chunked/blobs/" + digest(LAYER),
                    null,
                    Map.of(),
                    List.of("Content-Length"),
                    false));
            o.add(send(
                    host,
                    "POST",
                    "/v2/mounted/blobs/uploads/?mount=" + digest(LAYER) + "&from=chunked",
                    null,
                    Map.of(),
                    List.of("Docker-Content-Digest"),
                    false));
            o.add(send(
                    host,
                    "HEAD",
                    "/v2/mounted/blobs/" + digest(LAYER),
                    null,
                    Map.of(),
                    List.of("Content-Length"),
                    false));
            return o;
        });
    }

    @Test
    void notFoundAndBadInput() {
        String unknownBlob = digest("nobody uploaded this".getBytes(StandardCharsets.UTF_8));
        both(host -> {
            List<Observation> o = new ArrayList<>();
            o.add(send(host, "HEAD", "/v2/bad/blobs/" + unknownBlob, null, Map.of(), List.of(), false));
            o.add(send(host, "GET", "/v2/bad/blobs/" + unknownBlob, null, Map.of(), List.of(), false));
            o.add(send(host, "GET", "/v2/conformance/manifests/no-such-tag", null, Map.of(), List.of(), false));
            // an unknown upload: 404 on both (distribution says BLOB_UPLOAD_INVALID, having no upload state to
            // read; Drydock says BLOB_UPLOAD_UNKNOWN, as the distribution spec does)
            Observation upload =
                    send(host, "GET", "/v2/bad/blobs/uploads/" + UUID.randomUUID(), null, Map.of(), List.of(), false);
            o.add(new Observation(upload.status(), null, Map.of(), null));
            // a digest that does not match the bytes: refused, and the blob does not exist afterwards
            send(host, "POST", "/v2/bad/blobs/uploads/", null, Map.of(), List.of(), false);
            o.add(send(host, "PUT", continueAt() + "digest=" + unknownBlob, LAYER, Map.of(), List.of(), false));
            o.add(send(host, "HEAD", "/v2/bad/blobs/" + unknownBlob, null, Map.of(), List.of(), false));
            // a manifest whose layer the repository does not have, and one that is not a manifest
            o.add(send(
                    host,
                    "PUT",
                    "/v2/bad/manifests/v1",
                    manifest(unknownBlob),
                    Map.of("Content-Type", "application/vnd.docker.distribution.manifest.v2+json"),
                    List.of(),
                    false));
            o.add(send(
                    host,
                    "PUT",
                    "/v2/bad/manifests/v1",
                    "{\"schemaVersion\":2,\"layers\":7}".getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "application/vnd.docker.distribution.manifest.v2+json"),
                    List.of(),
                    false));
            o.add(send(host, "GET", "/v2/bad/manifests/v1", null, Map.of(), List.of(), false));
            return o;
        });
    }

    @Test
    void aDrydockTokenIsNeededWhereTheReferenceHasNoAuthentication() {
        var r = send(
                drydockHost,
                "GET",
                "/v2/",
                null,
                Map.of(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("AWS:wrong".getBytes(StandardCharsets.UTF_8))),
                List.of("WWW-Authenticate"),
                false);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(r.headers().get("WWW-Authenticate")).startsWith("Basic realm=");
    }
}
