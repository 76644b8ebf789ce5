package dev.drydock.core.internal.model;

import dev.drydock.core.internal.protocol.RestJsonCodec.UriTemplate;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * The HTTP routes of a REST service's operations, read from the AWS SDK for Java's generated request marshallers
 * ({@code software.amazon.awssdk.services.<package>.transform.*RequestMarshaller}, whose {@code SDK_OPERATION_BINDING}
 * holds the method and request URI) when that service's SDK module is on the classpath: to name the operation of a
 * REST request to a service Drydock does not serve. Empty when the module is absent.
 */
final class SdkRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SdkRoutes.class);
    private static final Map<String, List<Route>> CACHE = new ConcurrentHashMap<>();

    private SdkRoutes() {}

    /**
     * One operation's route: {@code GET ?list-type=2}.
     *
     * @param bucket whether the request names an S3 bucket (a {@code Bucket} member), which S3's marshallers leave
     *     out of their path
     */
    record Route(String operation, String method, UriTemplate path, List<String> queryLiterals, boolean bucket) {
        boolean matches(String requestMethod, String rawPath, String rawQuery) {
            if (!method.equals(requestMethod) || path.match(rawPath) == null) {
                return false;
            }
            for (String literal : queryLiterals) {
                if (!hasQuery(rawQuery, literal)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean hasQuery(String rawQuery, String literal) {
            if (rawQuery == null) {
                return false;
            }
            for (String pair : rawQuery.split("&")) {
                String decoded = URLDecoder.decode(pair, StandardCharsets.UTF_8);
                if (decoded.equals(literal) || (!literal.contains("=") && decoded.startsWith(literal + "="))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The operation a request addresses, by the SDK's name (e.g. {@code ListObjects}); empty when the SDK module of
     * the service is not on the classpath or no route matches. The most specific route wins (most query literals,
     * then most literal path segments).
     *
     * @param sdkPackage the SDK's package name of the service, e.g. {@code s3}
     * @param rawPath the path as the SDK's routes see it (for S3, without the path-style bucket)
     */
    static Optional<String> operation(String sdkPackage, String method, String rawPath, String rawQuery) {
        return operation(sdkPackage, method, rawPath, rawQuery, null);
    }

    /**
     * As {@link #operation(String, String, String, String)}, for S3: {@code bucket} says whether the request named a
     * bucket (its first path segment, removed from {@code rawPath}); null for other services.
     */
    static Optional<String> operation(
            String sdkPackage, String method, String rawPath, String rawQuery, Boolean bucket) {
        Route best = null;
        for (Route r : CACHE.computeIfAbsent(sdkPackage, SdkRoutes::load)) {
            if (r.matches(method, rawPath, rawQuery)
                    && (bucket == null || bucket == r.bucket())
                    && (best == null || moreSpecific(r, best))) {
                best = r;
            }
        }
        return Optional.ofNullable(best).map(Route::operation);
    }

    /** More query literals, then more literal path segments, then the first name: a best effort for ties. */
    private static boolean moreSpecific(Route r, Route best) {
        if (r.queryLiterals.size() != best.queryLiterals.size()) {
            return r.queryLiterals.size() > best.queryLiterals.size();
        }
        if (r.path.literalSegments() != best.path.literalSegments()) {
            return r.path.literalSegments() > best.path.literalSegments();
        }
        return r.operation.compareTo(best.operation) < 0;
    }

    private static List<Route> load(String sdkPackage) {
        String dir = "software/amazon/awssdk/services/" + sdkPackage + "/transform/";
        ClassLoader loader = SdkRoutes.class.getClassLoader();
        List<Route> routes = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(dir);
            while (urls.hasMoreElements()) {
                for (String className : marshallers(urls.nextElement(), dir)) {
                    route(loader, className).ifPresent(routes::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot list the SDK's {} marshallers: {}", sdkPackage, e.toString());
        }
        return List.copyOf(routes);
    }

    private static List<String> marshallers(URL url, String dir) throws IOException {
        List<String> names = new ArrayList<>();
        if ("jar".equals(url.getProtocol())) {
            URLConnection c = url.openConnection();
            c.setUseCaches(false);
            try (JarFile jar = ((JarURLConnection) c).getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(dir)
                            && name.endsWith("RequestMarshaller.class")
                            && name.indexOf('/', dir.length()) < 0) {
                        names.add(name.substring(0, name.length() - ".class".length())
                                .replace('/', '.'));
                    }
                }
            }
        } else if ("file".equals(url.getProtocol())) {
            File[] files = new File(URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8)).listFiles();
            if (files != null) {
                for (File f : files) {
                    if (f.getName().endsWith("RequestMarshaller.class")) {
                        names.add(dir.replace('/', '.')
                                + f.getName().substring(0, f.getName().length() - ".class".length()));
                    }
                }
            }
        }
        return names;
    }

    private static Optional<Route> route(ClassLoader loader, String className) {
        try {
            Class<?> marshaller = Class.forName(className, true, loader);
            Field binding = marshaller.getDeclaredField("SDK_OPERATION_BINDING");
            binding.setAccessible(true);
            OperationInfo info = (OperationInfo) binding.get(null);
            if (info.httpMethod() == null || info.requestUri() == null) {
                return Optional.empty();
            }
            String uri = info.requestUri();
            if (uri.isEmpty() || uri.startsWith("?")) {
                uri = "/" + uri; // S3's marshallers leave the bucket (and so the root) to endpoint resolution
            }
            int q = uri.indexOf('?');
            List<String> literals =
                    q < 0 ? List.of() : List.of(uri.substring(q + 1).split("&"));
            String simple = className.substring(className.lastIndexOf('.') + 1);
            String operation = simple.substring(0, simple.length() - "RequestMarshaller".length());
            boolean bucket = false;
            try {
                Class<?> request = Class.forName(
                        marshaller.getPackageName().replaceAll("\\.transform$", ".model") + "." + operation + "Request",
                        false,
                        loader);
                request.getMethod("bucket");
                bucket = true;
            } catch (ReflectiveOperationException e) {
                bucket = false;
            }
            return Optional.of(new Route(operation, info.httpMethod().name(), new UriTemplate(uri), literals, bucket));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
