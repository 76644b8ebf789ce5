package dev.drydock.ecr.internal.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drydock.core.spi.AwsException;
import dev.drydock.core.spi.Caller;
import dev.drydock.core.spi.JsonTree;
import dev.drydock.ecr.internal.backend.EcrBackend;
import dev.drydock.ecr.internal.backend.EcrBackend.ImageRecord;
import dev.drydock.ecr.internal.backend.EcrBackend.RepositoryRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCI distribution API (registry v2) over the ECR model, on its own plain-HTTP loopback listener: the Docker
 * engine treats 127.0.0.0/8 registries as insecure, so {@code docker login/push/pull 127.0.0.1:<port>/<repo>} work
 * without configuration. Implements https://github.com/opencontainers/distribution-spec/blob/main/spec.md: blobs
 * (monolithic and chunked uploads, HEAD, ranges, cross-repository mount), manifests by tag and digest, tags list,
 * catalog, and the spec's error codes.
 *
 * <p>Its own listener, not Drydock's endpoint: blobs stream between socket and disk on a pool of threads (a push
 * sends layers in parallel), while the endpoint answers small API calls on one dispatcher thread that never blocks.
 * Unlike ECR, repositories are not created by pushing: they must exist (ECR answers NAME_UNKNOWN too).
 */
public final class RegistryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
    private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
    /**
     * Copy buffer: large enough that a layer moves in few system calls, small enough to stay out of G1's
     * humongous (old generation) allocations.
     */
    private static final int BUFFER = 256 * 1024;

    private final EcrBackend backend;
    private final RegistryAccess access;
    private final HttpServer server;
    private final ExecutorService pool;
    private final PlainHttpFront front;

    private RegistryServer(EcrBackend backend, RegistryAccess access) throws IOException {
        this.backend = backend;
        this.access = access;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "drydock-ecr-registry-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::exchange);
        server.setExecutor(pool);
        server.start();
        this.front = new PlainHttpFront(server.getAddress(), pool);
    }

    /** Starts the registry on an ephemeral loopback port. */
    public static RegistryServer start(EcrBackend backend, RegistryAccess access) throws IOException {
        return new RegistryServer(backend, access);
    }

    /** The registry's address in this JVM, e.g. {@code 127.0.0.1:40123}. */
    public String host() {
        InetSocketAddress a = front.address();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** The registry's loopback port in this JVM. */
    public int port() {
        return front.address().getPort();
    }

    @Override
    public void close() {
        front.close();
        server.stop(0);
        pool.shutdownNow();
        backend.cancelUploads();
    }

    // ---------------------------------------------------------------------------------------------- dispatch

    private void exchange(HttpExchange x) {
        long t0 = System.nanoTime();
        try {
            x.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
            route(x);
            LOG.debug(
                    "{} {} -> {} in {} ms",
                    x.getRequestMethod(),
                    x.getRequestURI(),
                    x.getResponseCode(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (RegistryError e) {
            LOG.debug("{} {} -> {} {}", x.getRequestMethod(), x.getRequestURI(), e.status(), e.code());
            sendError(x, e);
        } catch (RuntimeException | IOException e) {
            LOG.warn("Registry request {} {} failed", x.getRequestMethod(), x.getRequestURI(), e);
            sendError(x, new RegistryError(500, "UNKNOWN", "unknown error", e.toString()));
        } finally {
            x.close();
        }
    }

    private void route(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        String method = x.getRequestMethod();
        if (!path.startsWith("/v2/")) {
            throw new RegistryError(404, "NOT_FOUND", "not found", path);
        }
        Caller caller = access.authenticate(x.getRequestHeaders().getFirst("Authorization"));
        String rest = path.substring(4);
        if (rest.isEmpty()) {
            sendJson(x, 200, Map.of());
            return;
        }
        if (rest.equals("_catalog")) {
            catalog(x, caller);
            return;
        }
        int i;
        if (rest.endsWith("/tags/list")) {
            String name = name(rest.substring(0, rest.length() - "/tags/list".length()));
            authorize(x, caller, "ListTags", "ecr:ListImages", name);
            tags(x, name);
        } else if ((i = rest.lastIndexOf("/manifests/")) > 0) {
            String name = name(rest.substring(0, i));
            String reference = decode(rest.substring(i + "/manifests/".length()));
            manifests(x, caller, method, name, reference);
        } else if ((i = rest.lastIndexOf("/blobs/uploads")) > 0) {
            String name = name(rest.substring(0, i));
            String id = rest.substring(i + "/blobs/uploads".length());
            id = id.startsWith("/") ? id.substring(1) : id;
            uploads(x, caller, method, name, id);
        } else if ((i = rest.lastIndexOf("/blobs/")) > 0) {
            String name = name(rest.substring(0, i));
            blobs(x, caller, method, name, decode(rest.substring(i + "/blobs/".length())));
        } else {
            throw new RegistryError(404, "NOT_FOUND", "not found", path);
        }
    }

    private static String name(String raw) {
        String name = decode(raw);
        if (!EcrBackend.REPOSITORY_NAME.matcher(name).matches()) {
            throw RegistryError.nameInvalid(name);
        }
        return name;
    }

    private void authorize(HttpExchange x, Caller caller, String operation, String action, String repository) {
        access.authorize(
                caller,
                operation,
                action,
                repository,
                x.getRemoteAddress().getAddress().getHostAddress());
    }

    private RepositoryRecord repository(String name) {
        return backend.findRepository(name)
                .orElseThrow(() -> RegistryError.nameUnknown("The repository with name '" + name
                        + "' does not exist in the registry with id '" + backend.accountId() + "'"));
    }

    // ------------------------------------------------------------------------------------------------- blobs

    private void blobs(HttpExchange x, Caller caller, String method, String name, String digest) throws IOException {
        switch (method) {
            case "HEAD" -> authorize(x, caller, "HeadBlob", "ecr:BatchCheckLayerAvailability", name);
            case "GET" -> authorize(x, caller, "GetBlob", "ecr:GetDownloadUrlForLayer", name);
            case "DELETE" -> throw RegistryError.unsupported();
            default -> throw RegistryError.unsupported();
        }
        repository(name);
        if (!BlobStore.DIGEST.matcher(digest).matches()) {
            throw RegistryError.digestInvalid(digest);
        }
        if (!backend.hasLayer(name, digest)) {
            throw RegistryError.blobUnknown(digest);
        }
        long size = backend.blobs().size(digest).orElseThrow(() -> RegistryError.blobUnknown(digest));
        var h = x.getResponseHeaders();
        h.set("Content-Type", "application/octet-stream");
        h.set("Docker-Content-Digest", digest);
        h.set("Etag", "\"" + digest + "\"");
        h.set("Accept-Ranges", "bytes");
        long start = 0;
        long end = size - 1;
        int status = 200;
        String range = x.getRequestHeaders().getFirst("Range");
        if (range != null && "GET".equals(method)) {
            long[] r = parseRange(range, size);
            if (r == null) {
                h.set("Content-Range", "bytes */" + size);
                throw RegistryError.rangeInvalid(range);
            }
            start = r[0];
            end = r[1];
            status = 206;
            h.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long length = end - start + 1;
        if ("HEAD".equals(method)) {
            h.set("Content-Length", Long.toString(size));
            x.sendResponseHeaders(200, -1);
            return;
        }
        x.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length > 0) {
            try (InputStream in = Files.newInputStream(backend.blobs().path(digest));
                    OutputStream out = x.getResponseBody()) {
                in.skipNBytes(start);
                copy(in, out, length);
            }
        }
    }

    /** {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n} within {@code size}; null when unsatisfiable. */
    static long[] parseRange(String header, long size) {
        if (!header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            long start;
            long end;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0) {
                    return null;
                }
                start = Math.max(0, size - suffix);
                end = size - 1;
            } else {
                start = Long.parseLong(a);
                end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            }
            return start < 0 || start >= size || end < start ? null : new long[] {start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ----------------------------------------------------------------------------------------------- uploads

    private void uploads(HttpExchange x, Caller caller, String method, String name, String id) throws IOException {
        Map<String, String> query = query(x);
        if (id.isEmpty()) {
            if (!"POST".equals(method)) {
                throw RegistryError.unsupported();
            }
            authorize(x, caller, "StartUpload", "ecr:InitiateLayerUpload", name);
            repository(name);
            String mount = query.get("mount");
            String from = query.get("from");
            if (mount != null
                    && from != null
                    && BlobStore.DIGEST.matcher(mount).matches()
                    && EcrBackend.REPOSITORY_NAME.matcher(from).matches()
                    && backend.hasLayer(from, mount)) {
                authorize(x, caller, "MountBlob", "ecr:GetDownloadUrlForLayer", from);
                backend.addLayer(name, mount);
                blobCreated(x, name, mount);
                return;
            }
            String uploadId = backend.startUpload(name);
            String digest = query.get("digest");
            if (digest != null) {
                authorize(x, caller, "CompleteUpload", "ecr:CompleteLayerUpload", name);
                receive(x, backend.upload(name, uploadId).orElseThrow(RegistryError::blobUploadUnknown));
                complete(x, name, uploadId, digest);
                return;
            }
            uploadAccepted(x, name, uploadId, 202);
            return;
        }
        BlobStore.Upload upload = backend.upload(name, id).orElseThrow(RegistryError::blobUploadUnknown);
        switch (method) {
            case "GET" -> {
                authorize(x, caller, "GetUploadStatus", "ecr:UploadLayerPart", name);
                uploadAccepted(x, name, id, 204);
            }
            case "PATCH" -> {
                authorize(x, caller, "UploadChunk", "ecr:UploadLayerPart", name);
                String contentRange = x.getRequestHeaders().getFirst("Content-Range");
                if (contentRange != null) {
                    long current = upload.size();
                    String[] parts = contentRange
                            .replace("bytes ", "")
                            .replace("bytes=", "")
                            .split("-");
                    if (parts.length != 2
                            || !parts[0].trim().matches("\\d+")
                            || Long.parseLong(parts[0].trim()) != current) {
                        x.getResponseHeaders().set("Range", current == 0 ? "0-0" : "0-" + (current - 1));
                        x.getResponseHeaders().set("Location", uploadLocation(name, id));
                        throw RegistryError.rangeInvalid(contentRange);
                    }
                }
                receive(x, upload);
                uploadAccepted(x, name, id, 202);
            }
            case "PUT" -> {
                authorize(x, caller, "CompleteUpload", "ecr:CompleteLayerUpload", name);
                receive(x, upload);
                complete(x, name, id, query.get("digest"));
            }
            case "DELETE" -> {
                authorize(x, caller, "CancelUpload", "ecr:UploadLayerPart", name);
                backend.cancelUpload(id);
                x.sendResponseHeaders(204, -1);
            }
            default -> throw RegistryError.unsupported();
        }
    }

    /** Streams the request body into the upload; a broken stream (a truncated upload) discards the upload. */
    private void receive(HttpExchange x, BlobStore.Upload upload) {
        try (InputStream in = x.getRequestBody()) {
            upload.append(in);
        } catch (IOException e) {
            backend.cancelUpload(upload.id());
            throw RegistryError.blobUploadInvalid(
                    "the upload ended early (" + e.getMessage() + "); it was " + "discarded, start again");
        }
    }

    private void complete(HttpExchange x, String name, String id, String digest) throws IOException {
        if (digest == null || !BlobStore.DIGEST.matcher(digest).matches()) {
            backend.cancelUpload(id);
            throw RegistryError.digestInvalid("digest " + digest + " is not a sha256 digest");
        }
        try {
            backend.completeUpload(name, id, digest);
        } catch (BlobStore.DigestMismatchException e) {
            throw RegistryError.digestInvalid(e.getMessage());
        }
        blobCreated(x, name, digest);
    }

    private void blobCreated(HttpExchange x, String name, String digest) throws IOException {
        x.getResponseHeaders().set("Location", "/v2/" + name + "/blobs/" + digest);
        x.getResponseHeaders().set("Docker-Content-Digest", digest);
        x.sendResponseHeaders(201, -1);
    }

    private void uploadAccepted(HttpExchange x, String name, String id, int status) throws IOException {
        long size = backend.blobs().upload(id).map(BlobStore.Upload::size).orElse(0L);
        var h = x.getResponseHeaders();
        h.set("Location", uploadLocation(name, id));
        h.set("Docker-Upload-UUID", id);
        h.set("Range", "0-" + Math.max(0, size - 1));
        x.sendResponseHeaders(status, -1);
    }

    private static String uploadLocation(String name, String id) {
        return "/v2/" + name + "/blobs/uploads/" + id;
    }

    // --------------------------------------------------------------------------------------------- manifests

    private void manifests(HttpExchange x, Caller caller, String method, String name, String reference)
            throws IOException {
        boolean byDigest = reference.startsWith("sha256:");
        if (byDigest
                ? !BlobStore.DIGEST.matcher(reference).matches()
                : !EcrBackend.TAG.matcher(reference).matches()) {
            throw byDigest ? RegistryError.digestInvalid(reference) : RegistryError.tagInvalid(reference);
        }
        switch (method) {
            case "GET", "HEAD" -> {
                authorize(x, caller, "GetManifest", "ecr:BatchGetImage", name);
                repository(name);
                ImageRecord image =
                        backend.image(name, reference).orElseThrow(() -> RegistryError.manifestUnknown(reference));
                byte[] body = image.manifestBytes();
                var h = x.getResponseHeaders();
                h.set("Content-Type", image.mediaType());
                h.set("Docker-Content-Digest", image.digest());
                h.set("Etag", "\"" + image.digest() + "\"");
                if ("HEAD".equals(method)) {
                    h.set("Content-Length", Integer.toString(body.length));
                    x.sendResponseHeaders(200, -1);
                    return;
                }
                backend.pulled(name, image.digest());
                x.sendResponseHeaders(200, body.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                }
            }
            case "PUT" -> {
                authorize(x, caller, "PutManifest", "ecr:PutImage", name);
                repository(name);
                byte[] body;
                try (InputStream in = x.getRequestBody()) {
                    body = in.readNBytes(MAX_MANIFEST_BYTES + 1);
                }
                if (body.length > MAX_MANIFEST_BYTES) {
                    throw RegistryError.manifestInvalid("the manifest is larger than 4 MiB");
                }
                if (byDigest && !BlobStore.digestOf(body).equals(reference)) {
                    throw RegistryError.digestInvalid("the manifest's digest is " + BlobStore.digestOf(body));
                }
                ImageRecord image;
                try {
                    image = backend.putImage(
                            name,
                            body,
                            x.getRequestHeaders().getFirst("Content-Type"),
                            byDigest ? null : reference,
                            false);
                } catch (Manifest.InvalidManifestException e) {
                    throw RegistryError.manifestInvalid(e.getMessage());
                } catch (EcrBackend.MissingBlobsException e) {
                    throw RegistryError.manifestBlobUnknown(e.digests().get(0));
                } catch (AwsException e) {
                    throw "ImageTagAlreadyExistsException".equals(e.errorCode())
                            ? new RegistryError(400, "TAG_INVALID", e.getMessage(), reference)
                            : RegistryError.nameUnknown(e.getMessage());
                }
                x.getResponseHeaders().set("Location", "/v2/" + name + "/manifests/" + image.digest());
                x.getResponseHeaders().set("Docker-Content-Digest", image.digest());
                x.sendResponseHeaders(201, -1);
            }
            case "DELETE" -> {
                authorize(x, caller, "DeleteManifest", "ecr:BatchDeleteImage", name);
                repository(name);
                if (!byDigest) {
                    throw RegistryError.unsupported();
                }
                if (backend.deleteImage(name, reference, null).isEmpty()) {
                    throw RegistryError.manifestUnknown(reference);
                }
                x.sendResponseHeaders(202, -1);
            }
            default -> throw RegistryError.unsupported();
        }
    }

    // ------------------------------------------------------------------------------------------ tags, catalog

    private void tags(HttpExchange x, String name) throws IOException {
        RepositoryRecord r = repository(name);
        List<String> all =
                new ArrayList<>(backend.update(name, rec -> rec.tagMap().keySet()));
        Page page = page(all, query(x), "/v2/" + r.name + "/tags/list");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("tags", page.items);
        page.link.ifPresent(l -> x.getResponseHeaders().set("Link", l));
        sendJson(x, 200, body);
    }

    private void catalog(HttpExchange x, Caller caller) throws IOException {
        List<String> names = new ArrayList<>();
        for (RepositoryRecord r : backend.repositories()) {
            try {
                authorize(x, caller, "Catalog", "ecr:DescribeRepositories", r.name);
                names.add(r.name);
            } catch (RegistryError denied) {
                // repositories the caller may not describe are not listed
            }
        }
        Page page = page(names, query(x), "/v2/_catalog");
        page.link.ifPresent(l -> x.getResponseHeaders().set("Link", l));
        sendJson(x, 200, Map.of("repositories", page.items));
    }

    private record Page(List<String> items, Optional<String> link) {}

    private static Page page(List<String> sorted, Map<String, String> query, String path) {
        List<String> items = new ArrayList<>(sorted);
        String last = query.get("last");
        if (last != null) {
            items.removeIf(s -> s.compareTo(last) <= 0);
        }
        String n = query.get("n");
        if (n != null && n.matches("\\d+") && Integer.parseInt(n) < items.size()) {
            int limit = Integer.parseInt(n);
            items = new ArrayList<>(items.subList(0, limit));
            String next = path + "?n=" + limit + "&last=" + (items.isEmpty() ? "" : items.get(items.size() - 1));
            return new Page(items, Optional.of("<" + next + ">; rel=\"next\""));
        }
        return new Page(items, Optional.empty());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Map<String, String> query(HttpExchange x) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = x.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void sendJson(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = JsonTree.write(body);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if ("HEAD".equals(x.getRequestMethod())) {
            x.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            x.sendResponseHeaders(status, -1);
            return;
        }
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendError(HttpExchange x, RegistryError e) {
        try {
            // whatever of the request body is left must not be read as the next request
            x.getRequestBody().close();
        } catch (IOException ignored) {
            // the connection is closed with the exchange anyway
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("detail", e.detail() == null ? JsonTree.NULL : e.detail());
        if (e.status() == 401) {
            x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Drydock ECR\"");
        }
        try {
            sendJson(x, e.status(), Map.of("errors", List.of(error)));
        } catch (IOException | RuntimeException io) {
            LOG.debug("Could not send registry error {}", e.code(), io);
        }
    }
}
