package dev.drydock.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Drydock;
import dev.drydock.core.internal.model.ServiceModel;
import dev.drydock.core.internal.model.Shape;
import dev.drydock.core.testing.RawAws.Answer;
import dev.drydock.core.testing.RawAws.Request;
import dev.drydock.core.testing.RawAws.Signing;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Bad input to every operation a service implements, sent raw in the service's own protocol: requests missing each
 * required member, and, for every member the model constrains (nested ones one level down), an unknown enum value,
 * a value one longer than its maximum or shorter than its minimum, one failing its pattern, a number out of range, a
 * list or map with one element too many; a wrong JSON type for every member; malformed and badly encoded bodies, deep
 * nesting, unsigned requests, wrong secrets, unknown keys, requests signed for another region. Each must be answered
 * with a 4xx error in the service's own error form (never a 5xx, never "not implemented"), and none may change what
 * the service's list and describe operations report.
 *
 * <p>A service module runs it with a few lines:
 *
 * <pre>{@code
 * class EfsBadInputTest extends BadInputSuite {
 *     EfsClient efs;
 *
 *     EfsBadInputTest() { super(EfsClient.class); }
 *
 *     @Override protected void prepare(Drydock drydock) {        // resources the cases refer to
 *         efs = drydock.client(EfsClient.builder());
 *         fileSystemId = efs.createFileSystem(r -> r.creationToken("t")).fileSystemId();
 *     }
 *
 *     @Override protected Map<String, Object> knownValues() {     // valid values for required members, by name
 *         return Map.of("FileSystemId", fileSystemId);
 *     }
 *
 *     @Override protected Object state() {                        // everything a bad request could change
 *         return efs.describeFileSystems().fileSystems();
 *     }
 * }
 * }</pre>
 *
 * {@link #cases()} adds hand-written cases with the exact error a service answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputSuite {
    /** Error codes a refused request must never carry. */
    private static final Set<String> WRONG_ANSWERS = Set.of(
            "InternalFailure",
            "InternalError",
            "ServiceUnavailable",
            "UnknownOperationException",
            "NotImplemented",
            "NotImplementedException",
            "InvalidAction");

    private static final int MAX_ELEMENTS = 20_000;
    private static final int MAX_STRING = 300_000;
    private static final int MAX_CASES_PER_OPERATION = 250;

    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final Pattern REPEAT = Pattern.compile("\\{(.)\\*(\\d+)}");
    private static final Pattern TAGS = Pattern.compile("\\{tags\\*(\\d+):(\\w+):(\\w+)}");
    private static final Pattern TAG_MAP = Pattern.compile("\\{tagmap\\*(\\d+)}");

    /** The running instance (simulated runtime unless {@link #start()} says otherwise). */
    protected Drydock drydock;

    private final Class<?> clientInterface;
    private ServiceUnderTest service;

    /**
     * @param clientInterface the service's SDK client interface, e.g. {@code EcsClient.class}: it names the service's
     *     model table
     */
    protected BadInputSuite(Class<?> clientInterface) {
        this.clientInterface = clientInterface;
    }

    /**
     * Everything a bad request could have changed, read through the service's list and describe operations (compared
     * with {@code equals} before and after the bad requests).
     */
    protected abstract Object state();

    /** Starts the instance under test; by default with the simulated runtime (no Docker). */
    protected Drydock start() {
        return Drydock.builder().setting("runtime", "simulated").start();
    }

    /** Creates what the cases refer to (a cluster, a repository, a file system ...), once, after start. */
    protected void prepare(Drydock drydock) {}

    /**
     * Values for members the generated requests fill in, by member name as the model spells it (e.g.
     * {@code repositoryName}, {@code FileSystemId}): names of resources {@link #prepare} created, or values that pass
     * the service's own checks. Required members without one get a value made up from their shape.
     */
    protected Map<String, Object> knownValues() {
        return Map.of();
    }

    /** Hand-written cases, each with the exact error the service answers. */
    protected List<Case> cases() {
        return List.of();
    }

    /**
     * One bad request and what it must be answered with.
     *
     * @param name what the case sends, for the test's name
     * @param request the raw request
     * @param signing how it is signed
     * @param status the HTTP status it must be answered with, or 0 for any client error
     * @param errorCode the error code it must be answered with, or null for any client error of the service
     * @param message the message, or null when not checked (a message ending in {@code ...} is checked as a prefix)
     */
    public record Case(String name, Request request, Signing signing, int status, String errorCode, String message) {
        /** A signed request answered with any 4xx status. */
        public Case(String name, Request request, String errorCode, String message) {
            this(name, request, Signing.SIGNED, 0, errorCode, message);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A hand-written case for a JSON protocol operation with a raw body. */
    protected Case jsonCase(String operation, String body, String errorCode, String message) {
        String shown = body.length() > 90 ? body.substring(0, 90) + "..." : body;
        return new Case(
                operation + " " + shown + " -> " + errorCode,
                service.wire().json(operation, body.getBytes(StandardCharsets.UTF_8)),
                errorCode,
                message);
    }

    /**
     * Hand-written JSON protocol cases from a table, one a line: {@code Operation | body | ErrorCode | message}, where an
     * empty message is not checked and one ending in {@code ...} is checked as a prefix. Bodies and messages may hold
     * placeholders: {@code {n}} (a number no other case of this JVM gets, for unique names), {@code {x*513}} (a
     * character repeated, here 513 {@code x}), {@code {tags*51:Key:Value}} (a JSON list of 51 tag objects with those
     * member names), {@code {tagmap*51}} (a JSON object of 51 tags), and the test's own.
     *
     * @param placeholders fills in the test's own values (e.g. {@code {secret}} for a resource {@link #prepare}
     *     created), called for each line's body and message after the common placeholders
     */
    protected List<Case> jsonCases(String table, UnaryOperator<String> placeholders) {
        UnaryOperator<String> all = text -> placeholders.apply(commonPlaceholders(text));
        return casesFromTable(table, all);
    }

    private static String commonPlaceholders(String text) {
        String out = TAGS.matcher(text).replaceAll(m -> {
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(m.group(1)); i++) {
                tags.add("{\"" + m.group(2) + "\":\"k" + i + "\",\"" + m.group(3) + "\":\"v\"}");
            }
            return Matcher.quoteReplacement("[" + String.join(",", tags) + "]");
        });
        out = TAG_MAP.matcher(out).replaceAll(m -> {
            List<String> tags = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(m.group(1)); i++) {
                tags.add("\"k" + i + "\":\"v\"");
            }
            return Matcher.quoteReplacement("{" + String.join(",", tags) + "}");
        });
        out = REPEAT.matcher(out)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        while (out.contains("{n}")) {
            out = out.replaceFirst("\\{n}", Integer.toString(UNIQUE.incrementAndGet()));
        }
        return out;
    }

    private List<Case> casesFromTable(String table, UnaryOperator<String> placeholders) {
        List<Case> cases = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.split(" \\| ", -1);
            if (p.length < 3) {
                throw new IllegalArgumentException("Not 'Operation | body | ErrorCode | message': " + line);
            }
            String code = p[2].trim().replace(" |", "");
            String message = p.length > 3 ? p[3].trim() : "";
            cases.add(jsonCase(
                    p[0].trim(),
                    placeholders.apply(p[1].trim()),
                    code,
                    message.isEmpty() ? null : placeholders.apply(message)));
        }
        return cases;
    }

    /** The service under test (model, wire, raw client). */
    protected ServiceUnderTest service() {
        return service;
    }

    @BeforeAll
    final void startService() {
        drydock = start();
        service = new ServiceUnderTest(drydock, clientInterface);
        prepare(drydock);
        service.implementedOperations();
    }

    @AfterAll
    final void stopService() {
        if (drydock != null) {
            drydock.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsEnforced() {
        return generatedCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertRefused(c)));
    }

    @TestFactory
    Stream<DynamicTest> handWrittenCases() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertRefused(c)));
    }

    @TestFactory
    Stream<DynamicTest> malformedRequestsAndBadSignatures() {
        return protocolCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertRefused(c)));
    }

    @Test
    void badInputChangesNothing() {
        Object before = state();

        List<Case> all = new ArrayList<>(generatedCases());
        all.addAll(cases());
        all.addAll(protocolCases());
        for (Case c : all) {
            send(c);
        }

        assertThat(state())
                .as("what the service reports after %d bad requests", all.size())
                .isEqualTo(before);
    }

    @Test
    void everyImplementedOperationWithInputHasCases() {
        assertThat(service.implementedOperations()).isNotEmpty();
        List<Case> generated = generatedCases();
        for (String op : service.implementedOperations()) {
            Optional<Shape> input = service.model().input(op);
            if (input.isPresent() && !input.get().members().isEmpty()) {
                assertThat(generated)
                        .as("generated cases for %s", op)
                        .anyMatch(c -> c.name().startsWith(op + " "));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- checking

    private Answer send(Case c) {
        return service.raw().send(c.request(), c.signing());
    }

    private void assertRefused(Case c) {
        Answer a = send(c);
        assertThat(a.status())
                .as("%s: HTTP status of %s: %s", c.name(), c.request(), a)
                .isBetween(400, 499);
        String code = a.errorCode();
        assertThat(code).as("%s: error code of %s", c.name(), a).isNotBlank().isNotIn(WRONG_ANSWERS);
        switch (service.wire().protocol()) {
            case "query":
                assertThat(a.text())
                        .as("query error form")
                        .contains("<ErrorResponse")
                        .contains("<Code>" + code);
                break;
            case "ec2":
                assertThat(a.text())
                        .as("EC2 error form")
                        .contains("<Response><Errors><Error><Code>" + code)
                        .contains("<RequestID>");
                break;
            case "json":
                assertThat(a.header("Content-Type")).as("content type of %s", a).contains("json");
                assertThat(a.json().get("__type")).as("__type of %s", a).isNotNull();
                break;
            default:
                assertThat(a.header("x-amzn-ErrorType"))
                        .as("x-amzn-ErrorType of %s", a)
                        .isNotNull();
        }
        assertThat(a.message()).as("message of %s", a).isNotBlank();
        if (c.status() != 0) {
            assertThat(a.status()).as("%s: HTTP status of %s", c.name(), a).isEqualTo(c.status());
        }
        if (c.errorCode() != null) {
            assertThat(code).as("%s: error code of %s", c.name(), a).isEqualTo(c.errorCode());
        }
        if (c.message() != null && c.message().endsWith("...")) {
            assertThat(a.message())
                    .as("%s: message of %s", c.name(), a)
                    .startsWith(c.message().substring(0, c.message().length() - 3));
        } else if (c.message() != null) {
            assertThat(a.message()).as("%s: message of %s", c.name(), a).isEqualTo(c.message());
        }
    }

    // ------------------------------------------------------------------------------------------------- protocol cases

    private List<Case> protocolCases() {
        List<Case> cases = new ArrayList<>();
        ServiceModel model = service.model();
        String op = service.implementedOperations().stream()
                .filter(o -> model.input(o).map(s -> !s.members().isEmpty()).orElse(false))
                .findFirst()
                .orElseThrow();
        Request valid = request(op, fill(model.input(op).orElseThrow(), 0)).orElseThrow();
        // AWS's answers to authentication failures differ by protocol (see SigV4Failure's sources)
        boolean query = service.wire().protocol().equals("query")
                || service.wire().protocol().equals("ec2");
        int authStatus = service.wire().protocol().equals("json") ? 400 : 403;
        cases.add(new Case(
                op + " unsigned",
                valid,
                Signing.UNSIGNED,
                authStatus,
                query ? "MissingAuthenticationToken" : "MissingAuthenticationTokenException",
                query ? "Request is missing Authentication Token" : "Missing Authentication Token"));
        cases.add(new Case(
                op + " signed with a wrong secret",
                valid,
                Signing.WRONG_SECRET,
                authStatus,
                query ? "SignatureDoesNotMatch" : "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided...."));
        cases.add(new Case(
                op + " signed with an unknown access key",
                valid,
                Signing.UNKNOWN_KEY,
                authStatus,
                query ? "InvalidClientTokenId" : "UnrecognizedClientException",
                null));
        cases.add(new Case(
                op + " signed for " + RawAws.OTHER_REGION,
                valid,
                Signing.OTHER_REGION,
                authStatus,
                query ? "SignatureDoesNotMatch" : "InvalidSignatureException",
                "Credential should be scoped to a valid region, not '" + RawAws.OTHER_REGION + "'."));
        byte[] invalidUtf8 = {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        switch (service.wire().protocol()) {
            case "json":
                cases.add(new Case(op + " malformed JSON", service.wire().json(op, bytes("{\"a\":")), null, null));
                cases.add(new Case(op + " a JSON array", service.wire().json(op, bytes("[1,2]")), null, null));
                cases.add(new Case(op + " invalid UTF-8", service.wire().json(op, invalidUtf8), null, null));
                cases.add(new Case(
                        op + " 100,000 nested arrays",
                        service.wire().json(op, bytes("{\"" + firstMember(op) + "\":" + deep + "}")),
                        null,
                        null));
                break;
            case "query":
            case "ec2":
                cases.add(new Case(
                        op + " an undecodable form body",
                        service.wire().queryRaw(bytes("Action=" + op + "&Version=" + model.apiVersion() + "&%%")),
                        null,
                        null));
                cases.add(new Case(
                        op + " invalid UTF-8",
                        service.wire()
                                .queryRaw(concat(
                                        bytes("Action=" + op + "&Version=" + model.apiVersion() + "&X="), invalidUtf8)),
                        null,
                        null));
                break;
            default:
                String bodyOp = service.implementedOperations().stream()
                        .filter(this::hasBodyMembers)
                        .findFirst()
                        .orElse(null);
                if (bodyOp != null) {
                    Map<String, Object> tree = fill(model.input(bodyOp).orElseThrow(), 0);
                    service.wire()
                            .rest(bodyOp, tree, bytes("{\"a\":"))
                            .ifPresent(r -> cases.add(new Case(bodyOp + " malformed JSON", r, null, null)));
                    service.wire()
                            .rest(bodyOp, tree, invalidUtf8)
                            .ifPresent(r -> cases.add(new Case(bodyOp + " invalid UTF-8", r, null, null)));
                    service.wire()
                            .rest(bodyOp, tree, bytes("{\"x\":" + deep + "}"))
                            .ifPresent(r -> cases.add(new Case(bodyOp + " 100,000 nested arrays", r, null, null)));
                }
        }
        return cases;
    }

    private boolean hasBodyMembers(String op) {
        return service.wire()
                .rest(op, fill(service.model().input(op).orElseThrow(), 0))
                .map(r -> r.body().length > 2)
                .orElse(false);
    }

    private String firstMember(String op) {
        return service.model()
                .input(op)
                .orElseThrow()
                .members()
                .keySet()
                .iterator()
                .next();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    // ------------------------------------------------------------------------------------------------- generated cases

    private List<Case> generated;

    private List<Case> generatedCases() {
        if (generated == null) {
            List<Case> all = new ArrayList<>();
            for (String op : service.implementedOperations()) {
                Optional<Shape> input = service.model().input(op);
                if (input.isPresent()) {
                    all.addAll(casesFor(op, input.get()));
                }
            }
            generated = Collections.unmodifiableList(all);
        }
        return generated;
    }

    private List<Case> casesFor(String op, Shape input) {
        List<Case> cases = new ArrayList<>();
        Map<String, Object> base = fill(input, 0);
        for (String required : input.required()) {
            Map<String, Object> tree = new LinkedHashMap<>(base);
            tree.remove(required);
            add(cases, op, "without " + required, tree);
        }
        Set<String> known = sdkMembers(op);
        for (Map.Entry<String, String> m : input.members().entrySet()) {
            if (!known.contains(m.getKey())) {
                continue; // newer than the SDK Drydock is built on: Drydock cannot see it, as an older service would
                // not
            }
            Shape shape = service.model().shape(m.getValue());
            for (Variant v : variants(op, m.getKey(), shape, 0)) {
                Map<String, Object> tree = new LinkedHashMap<>(base);
                tree.put(m.getKey(), v.value());
                add(cases, op, m.getKey() + " " + v.label(), tree);
            }
        }
        return cases.size() > MAX_CASES_PER_OPERATION ? cases.subList(0, MAX_CASES_PER_OPERATION) : cases;
    }

    private void add(List<Case> cases, String op, String label, Map<String, Object> tree) {
        request(op, tree).ifPresent(r -> cases.add(new Case(op + " " + label, r, null, null)));
    }

    private Optional<Request> request(String op, Map<String, Object> tree) {
        return service.wire().request(op, tree);
    }

    /** A bad value for a member, and what is bad about it. */
    private record Variant(String label, Object value) {}

    /** Values of {@code shape} that break its constraints (or, at depth 0 in JSON bodies, its type). */
    private List<Variant> variants(String op, String member, Shape shape, int depth) {
        List<Variant> out = new ArrayList<>();
        boolean body = inBody(op, member);
        boolean path = inPath(op, member);
        switch (shape.type()) {
            case STRING:
                if (!shape.enumValues().isEmpty()) {
                    out.add(new Variant("not one of the enum values", "NOT_AN_ENUM_VALUE"));
                }
                if (shape.max() != null && shape.max().intValue() < MAX_STRING) {
                    out.add(new Variant(
                            "longer than " + shape.max(), "x".repeat(shape.max().intValue() + 1)));
                }
                if (shape.min() != null && shape.min().intValue() > 0 && !path) {
                    out.add(new Variant(
                            "shorter than " + shape.min(),
                            "x".repeat(shape.min().intValue() - 1)));
                }
                if (shape.enumValues().isEmpty() && shape.compiledPattern() != null) {
                    nonMatching(shape).ifPresent(s -> out.add(new Variant("not matching its pattern", s)));
                }
                if (body && depth == 0 && service.wire().protocol().endsWith("json")) {
                    out.add(new Variant("a number (wrong type)", 12345L));
                }
                break;
            case INTEGER:
            case LONG:
            case DOUBLE:
            case FLOAT:
                if (shape.min() != null) {
                    out.add(new Variant("below " + shape.min(), shape.min().subtract(BigDecimal.ONE)));
                }
                if (shape.max() != null && shape.max().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                    out.add(new Variant("above " + shape.max(), shape.max().add(BigDecimal.ONE)));
                }
                if (depth == 0 && !path) {
                    out.add(new Variant("a string (wrong type)", "twelve"));
                }
                break;
            case BOOLEAN:
                if (depth == 0 && !path) {
                    out.add(new Variant("a string (wrong type)", "maybe"));
                }
                break;
            case TIMESTAMP:
                if (depth == 0 && !path) {
                    out.add(new Variant("a word (wrong type)", "yesterday"));
                }
                break;
            case LIST: {
                Shape element = service.model().shape(shape.member());
                if (shape.max() != null && shape.max().intValue() < MAX_ELEMENTS) {
                    Object e = placeholder(element, depth + 1);
                    out.add(new Variant(
                            "with " + (shape.max().intValue() + 1) + " elements",
                            new ArrayList<>(Collections.nCopies(shape.max().intValue() + 1, e))));
                }
                if (shape.min() != null && shape.min().intValue() > 0) {
                    out.add(new Variant("empty", new ArrayList<>()));
                }
                if (depth == 0) {
                    for (Variant v : elementVariants(op, member, element, depth)) {
                        out.add(new Variant("element " + v.label(), new ArrayList<>(List.of(v.value()))));
                    }
                    if (body && service.wire().protocol().endsWith("json")) {
                        out.add(new Variant("a string (wrong type)", "not-a-list"));
                    }
                }
                break;
            }
            case MAP: {
                Shape key = service.model().shape(shape.key());
                Shape value = service.model().shape(shape.value());
                if (shape.max() != null && shape.max().intValue() < MAX_ELEMENTS) {
                    Map<String, Object> big = new Wire.EntryMap();
                    for (int i = 0; i <= shape.max().intValue(); i++) {
                        big.put("k" + i, placeholder(value, depth + 1));
                    }
                    out.add(new Variant("with " + (shape.max().intValue() + 1) + " entries", big));
                }
                if (key.type() == Shape.Type.STRING && key.constrained()) {
                    for (Variant v : variants(op, member, key, depth + 1)) {
                        if (v.value() instanceof String s) {
                            Map<String, Object> bad = new Wire.EntryMap();
                            bad.put(s, placeholder(value, depth + 1));
                            out.add(new Variant("key " + v.label(), bad));
                        }
                    }
                }
                if (depth == 0 && body && service.wire().protocol().endsWith("json")) {
                    out.add(new Variant("a string (wrong type)", "not-a-map"));
                }
                break;
            }
            case STRUCTURE:
                if (depth == 0) {
                    out.addAll(elementVariants(op, member, shape, depth));
                    if (body && service.wire().protocol().endsWith("json")) {
                        out.add(new Variant("a string (wrong type)", "not-an-object"));
                    }
                }
                break;
            default:
        }
        return out;
    }

    /** Variants of a structure (each member broken in turn, the others valid) or of a list element. */
    private List<Variant> elementVariants(String op, String member, Shape shape, int depth) {
        List<Variant> out = new ArrayList<>();
        if (shape.type() != Shape.Type.STRUCTURE) {
            for (Variant v : variants(op, member, shape, depth + 1)) {
                out.add(v);
            }
            return out;
        }
        Map<String, Object> base = fill(shape, depth + 1);
        for (String required : shape.required()) {
            Map<String, Object> copy = new LinkedHashMap<>(base);
            copy.remove(required);
            out.add(new Variant("without " + required, copy));
        }
        for (Map.Entry<String, String> m : shape.members().entrySet()) {
            for (Variant v : variants(op, "", service.model().shape(m.getValue()), depth + 1)) {
                Map<String, Object> copy = new LinkedHashMap<>(base);
                copy.put(m.getKey(), v.value());
                out.add(new Variant(m.getKey() + " " + v.label(), copy));
            }
        }
        return out;
    }

    /** The members the SDK's request shape of {@code op} has, by model name. */
    private Set<String> sdkMembers(String op) {
        return service.wire()
                .sdkRequest(op)
                .map(type -> {
                    try {
                        SdkPojo builder = (SdkPojo) type.getMethod("builder").invoke(null);
                        Set<String> names = new HashSet<>();
                        builder.sdkFields().forEach(f -> names.add(f.memberName()));
                        return names;
                    } catch (ReflectiveOperationException e) {
                        return Set.<String>of();
                    }
                })
                .orElse(Set.of());
    }

    private boolean inBody(String op, String member) {
        return location(op, member).map(l -> l.equals("PAYLOAD")).orElse(true);
    }

    private boolean inPath(String op, String member) {
        return location(op, member).map(l -> l.contains("PATH")).orElse(false);
    }

    /** Where the SDK binds a top-level member (REST services); empty for other protocols. */
    private Optional<String> location(String op, String member) {
        if (!service.wire().protocol().startsWith("rest")) {
            return Optional.empty();
        }
        return service.wire().sdkRequest(op).flatMap(type -> {
            try {
                var builder = (SdkPojo) type.getMethod("builder").invoke(null);
                return builder.sdkFields().stream()
                        .filter(f -> f.memberName().equals(member))
                        .findFirst()
                        .map(f -> String.valueOf(f.location()));
            } catch (ReflectiveOperationException e) {
                return Optional.empty();
            }
        });
    }

    /** A string within the shape's length that its pattern refuses, if one of a few candidates is. */
    private static Optional<String> nonMatching(Shape shape) {
        Pattern p = shape.compiledPattern();
        int min = shape.min() == null ? 0 : shape.min().intValue();
        int max = shape.max() == null ? Integer.MAX_VALUE : shape.max().intValue();
        for (String candidate :
                List.of("bad value#!", "#", "\u0000\u0001", "%%", "../..", " ", "Bad_Name!", "@@@@@@@@@@@@@@@@@@@@")) {
            String s = candidate.length() >= min ? candidate : candidate + "#".repeat(min - candidate.length());
            if (s.length() <= max && !p.matcher(s).matches()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------- valid values

    /** A structure with its required members filled in. */
    protected Map<String, Object> fill(Shape structure, int depth) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (String required : structure.required()) {
            String shapeName = structure.members().get(required);
            if (shapeName != null) {
                tree.put(required, value(required, service.model().shape(shapeName), depth));
            }
        }
        return tree;
    }

    private Object value(String member, Shape shape, int depth) {
        Map<String, Object> known = knownValues();
        if (known.containsKey(member)) {
            return known.get(member);
        }
        return placeholder(shape, depth);
    }

    /** A value of a shape that keeps to its constraints as far as a made-up value can. */
    private Object placeholder(Shape shape, int depth) {
        switch (shape.type()) {
            case STRING:
                if (!shape.enumValues().isEmpty()) {
                    return shape.enumValues().get(0);
                }
                return validString(shape);
            case INTEGER:
            case LONG:
            case DOUBLE:
            case FLOAT: {
                BigDecimal n = shape.min() != null ? shape.min().max(BigDecimal.ONE) : BigDecimal.ONE;
                return shape.max() != null && n.compareTo(shape.max()) > 0 ? shape.max() : n;
            }
            case BOOLEAN:
                return Boolean.TRUE;
            case TIMESTAMP:
                return Instant.ofEpochSecond(1_700_000_000L);
            case BLOB:
                return "x".getBytes(StandardCharsets.UTF_8);
            case LIST: {
                int n = shape.min() == null ? 1 : Math.max(1, shape.min().intValue());
                List<Object> list = new ArrayList<>();
                Shape element = service.model().shape(shape.member());
                for (int i = 0; i < n; i++) {
                    list.add(depth > 4 ? validString(element) : placeholder(element, depth + 1));
                }
                return list;
            }
            case MAP: {
                Map<String, Object> map = new Wire.EntryMap();
                map.put(
                        validString(service.model().shape(shape.key())),
                        placeholder(service.model().shape(shape.value()), depth + 1));
                return map;
            }
            case STRUCTURE: {
                if (depth > 4) {
                    return new LinkedHashMap<>();
                }
                Map<String, Object> filled = fill(shape, depth + 1);
                if (filled.isEmpty() && !shape.members().isEmpty()) {
                    // a structure with no required member still has to say something (the query protocol cannot
                    // send an empty one)
                    Map.Entry<String, String> first =
                            shape.members().entrySet().iterator().next();
                    filled.put(
                            first.getKey(),
                            value(first.getKey(), service.model().shape(first.getValue()), depth + 1));
                }
                return filled;
            }
            default:
                return new LinkedHashMap<>();
        }
    }

    private static String validString(Shape shape) {
        int min = shape.min() == null ? 1 : Math.max(1, shape.min().intValue());
        int max = shape.max() == null ? Integer.MAX_VALUE : shape.max().intValue();
        Pattern p = shape.compiledPattern();
        for (String candidate : List.of(
                "x",
                "abc",
                "a1",
                "ab-12",
                "/",
                "/x/",
                "1",
                "12345678",
                "fs-0123456789abcdef0",
                "sha256:" + "0".repeat(64),
                "arn:aws:iam::123456789012:role/x",
                "{}")) {
            String s = candidate.length() >= min ? candidate : candidate + "x".repeat(min - candidate.length());
            if (s.length() <= max && (p == null || p.matcher(s).matches())) {
                return s;
            }
        }
        return "x".repeat(Math.min(min, 1000));
    }
}
