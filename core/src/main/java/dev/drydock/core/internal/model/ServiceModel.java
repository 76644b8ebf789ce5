package dev.drydock.core.internal.model;

import dev.drydock.core.spi.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request side of one AWS service's model: its operations (by AWS's names, e.g. {@code CreateSAMLProvider}), each
 * with its input shape, and every shape reachable from an input, with the constraints AWS validates requests against.
 *
 * <p>Read from a table that {@code scripts/service-models.py} extracts from botocore's JSON models (Apache-2.0; see
 * {@code META-INF/drydock/service-models/NOTICE}) into drydock-core, named after the AWS SDK for Java's package of the
 * service ({@code ecs.json}, {@code cloudwatchlogs.json}, ...). A table is parsed on first use, once per JVM: about
 * a millisecond per 10 KB, paid by a service's first request rather than by Drydock's start.
 */
public final class ServiceModel {
    /** Where the tables live on the classpath. */
    public static final String RESOURCE_DIRECTORY = "META-INF/drydock/service-models/";

    private static final Map<String, Optional<ServiceModel>> CACHE = new ConcurrentHashMap<>();

    private final String service;
    private final String sdkPackage;
    private final String source;
    private final String protocol;
    private final String signingName;
    private final String targetPrefix;
    private final String apiVersion;
    private final String jsonVersion;
    private final boolean allOperations;
    private final Map<String, String> operations;
    private final Map<String, String> operationsByLowerCase;
    private final Map<String, Shape> shapes;

    private ServiceModel(Map<?, ?> table) {
        this.service = (String) table.get("service");
        this.sdkPackage = (String) table.get("sdkPackage");
        this.source = (String) table.get("source");
        this.protocol = (String) table.get("protocol");
        this.signingName = (String) table.get("signingName");
        this.targetPrefix = (String) table.get("targetPrefix");
        this.apiVersion = (String) table.get("apiVersion");
        this.jsonVersion = (String) table.get("jsonVersion");
        this.allOperations = "all".equals(table.get("operationsKept"));
        Map<String, String> ops = new LinkedHashMap<>();
        Map<String, String> lower = new LinkedHashMap<>();
        ((Map<?, ?>) table.get("operations")).forEach((k, v) -> {
            ops.put((String) k, v == JsonTree.NULL ? null : (String) v);
            lower.put(((String) k).toLowerCase(Locale.ROOT), (String) k);
        });
        this.operations = Collections.unmodifiableMap(ops);
        this.operationsByLowerCase = lower;
        Map<String, Shape> s = new LinkedHashMap<>();
        ((Map<?, ?>) table.get("shapes"))
                .forEach((k, v) -> s.put((String) k, Shape.fromTable((String) k, (Map<?, ?>) v)));
        this.shapes = s;
    }

    /**
     * The model of the service whose AWS SDK for Java client lives in {@code sdkPackage}'s package, e.g.
     * {@code ecs} or {@code cloudwatchlogs}; empty when Drydock has no table for it. Parsed on first call.
     *
     * @throws UncheckedIOException when the table cannot be read (a broken jar)
     */
    public static Optional<ServiceModel> forSdkPackage(String sdkPackage) {
        return CACHE.computeIfAbsent(sdkPackage, ServiceModel::load);
    }

    /**
     * The model of the service of an AWS SDK for Java client interface, e.g. {@code EcsClient.class}: the table named
     * after the last element of its package.
     */
    public static Optional<ServiceModel> forClient(Class<?> clientInterface) {
        String pkg = clientInterface.getPackageName();
        return forSdkPackage(pkg.substring(pkg.lastIndexOf('.') + 1));
    }

    private static Optional<ServiceModel> load(String sdkPackage) {
        String resource = RESOURCE_DIRECTORY + sdkPackage + ".json";
        try (InputStream in = ServiceModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new ServiceModel((Map<?, ?>) JsonTree.parse(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException("Drydock cannot read its service model table " + resource, e);
        }
    }

    /** botocore's name for the service, e.g. {@code ecs}, {@code logs}. */
    public String service() {
        return service;
    }

    /** The AWS SDK for Java package name, e.g. {@code cloudwatchlogs}. */
    public String sdkPackage() {
        return sdkPackage;
    }

    /** Where the table comes from: the botocore release and model file. */
    public String source() {
        return source;
    }

    /** The wire protocol: {@code json}, {@code query}, {@code rest-json}, {@code rest-xml}, {@code ec2}. */
    public String protocol() {
        return protocol;
    }

    /** The SigV4 signing name, e.g. {@code elasticfilesystem}. */
    public String signingName() {
        return signingName;
    }

    /** The {@code X-Amz-Target} prefix of JSON services, else null. */
    public String targetPrefix() {
        return targetPrefix;
    }

    /** The API version, e.g. {@code 2014-11-13}. */
    public String apiVersion() {
        return apiVersion;
    }

    /** The JSON protocol version ({@code 1.0} or {@code 1.1}) of JSON services, else null. */
    public String jsonVersion() {
        return jsonVersion;
    }

    /** Whether the table has every operation of the service (EC2's has only some). */
    public boolean allOperations() {
        return allOperations;
    }

    /** Every operation, by AWS's name, sorted. */
    public Set<String> operations() {
        return operations.keySet();
    }

    /** Whether AWS has the operation (exact name, as AWS spells it). */
    public boolean hasOperation(String name) {
        return operations.containsKey(name);
    }

    /**
     * AWS's name of an operation named in another case, e.g. {@code CreateSAMLProvider} for the SDK's
     * {@code CreateSamlProvider}; empty when the model has no such operation.
     */
    public Optional<String> operationNamed(String anyCase) {
        return Optional.ofNullable(operationsByLowerCase.get(anyCase.toLowerCase(Locale.ROOT)));
    }

    /** The input shape of an operation; empty for an unknown operation or one that takes no input. */
    public Optional<Shape> input(String operation) {
        String name = operations.get(operation);
        return name == null ? Optional.empty() : Optional.of(shape(name));
    }

    /**
     * The shape of a name: one of the table's, or an unconstrained primitive named by its type ({@code string}).
     *
     * @throws IllegalArgumentException when the model has no such shape
     */
    public Shape shape(String name) {
        Shape s = shapes.get(name);
        if (s == null) {
            s = Shape.primitive(name);
        }
        if (s == null) {
            throw new IllegalArgumentException(service + " model has no shape " + name);
        }
        return s;
    }

    /** Every shape of the table (constrained or aggregate ones; unconstrained primitives are not listed). */
    public Map<String, Shape> shapes() {
        return Collections.unmodifiableMap(shapes);
    }

    @Override
    public String toString() {
        return service + " model (" + source + ")";
    }
}
