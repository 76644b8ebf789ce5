package dev.drydock.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case in {@code src/test/resources/iam-policy-cases/*.json}. Each file holds
 * {@code {"source": ..., "documents": {name: policy}, "defaults": {"request": {...}, "policies": [...],
 * "roleArn": ...}, "cases": [...]}}; each case has {@code name}, {@code source} (the AWS page it comes from),
 * {@code policies} ([{type: identity|boundary|session|resource, id, sourceType, kind, ownerAccount,
 * document | ref}]), {@code roleArn}, {@code request} ({principal, principalAccount, action, resource,
 * resourceAccount, context: {key: value | [values]}}) and {@code expect} ({decision, deniedBy, decidingSid,
 * decidingPolicy, matched: ["policyId#index" or Sid], message, missingContextValues}).
 */
class PolicyCaseTableTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Case(String file, String name, JsonNode node, JsonNode documents, JsonNode defaults) {
        @Override
        public String toString() {
            return file + " :: " + name;
        }
    }

    static List<Case> cases() throws IOException, URISyntaxException {
        URL dir = PolicyCaseTableTest.class.getClassLoader().getResource("iam-policy-cases");
        assertThat(dir).as("iam-policy-cases on the test classpath").isNotNull();
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = MAPPER.readTree(f.toFile());
                JsonNode documents = root.path("documents");
                JsonNode defaults = root.path("defaults");
                for (JsonNode c : root.path("cases")) {
                    out.add(new Case(f.getFileName().toString(), c.path("name").asText(), c, documents, defaults));
                }
            }
        }
        return out;
    }

    static Stream<Arguments> caseArguments() throws Exception {
        return cases().stream().map(c -> Arguments.of(c));
    }

    @Test
    void tableHasAtLeastEightyCasesEachWithASource() throws Exception {
        List<Case> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(80);
        for (Case c : all) {
            assertThat(c.node().path("source").asText()).as("source of " + c).isNotBlank();
            assertThat(c.name()).as("name in " + c.file()).isNotBlank();
        }
        assertThat(all.stream().map(Case::toString).distinct().count()).isEqualTo(all.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseArguments")
    void evaluatesLikeAws(Case c) throws Exception {
        JsonNode node = c.node();
        JsonNode policiesNode =
                node.has("policies") ? node.get("policies") : c.defaults().path("policies");
        PolicySet.Builder set = PolicySet.builder();
        String roleArn = node.has("roleArn") ? text(node, "roleArn", null) : text(c.defaults(), "roleArn", null);
        if (roleArn != null) {
            set.roleArn(roleArn);
        }
        for (JsonNode p : policiesNode) {
            String type = p.path("type").asText("identity");
            JsonNode doc = p.has("ref") ? c.documents().get(p.get("ref").asText()) : p.get("document");
            assertThat(doc).as("document for " + p).isNotNull();
            PolicyKind kind = p.has("kind")
                    ? PolicyKind.valueOf(p.get("kind").asText())
                    : switch (type) {
                        case "boundary" -> PolicyKind.PERMISSIONS_BOUNDARY;
                        case "session" -> PolicyKind.SESSION;
                        case "resource" -> PolicyKind.RESOURCE;
                        default -> PolicyKind.IDENTITY;
                    };
            String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
            PolicyDocument parsed = PolicyDocument.parse(json, kind);
            String id = text(p, "id", p.has("ref") ? p.get("ref").asText() : type + "-policy");
            String sourceType = text(
                    p,
                    "sourceType",
                    type.equals("resource") ? "resource" : type.equals("session") ? "none" : "user-managed");
            NamedPolicy named = NamedPolicy.of(id, sourceType, parsed);
            switch (type) {
                case "identity" -> set.identityPolicy(named);
                case "boundary" -> set.permissionsBoundary(named);
                case "session" -> set.sessionPolicy(named);
                case "resource" -> set.resourcePolicy(named, text(p, "ownerAccount", null));
                default -> throw new IllegalArgumentException("unknown policy type " + type);
            }
        }
        Map<String, JsonNode> req = new LinkedHashMap<>();
        c.defaults().path("request").properties().forEach(e -> req.put(e.getKey(), e.getValue()));
        node.path("request").properties().forEach(e -> req.put(e.getKey(), e.getValue()));
        AuthorizationRequest.Builder rb = AuthorizationRequest.builder()
                .principal(req.get("principal").asText())
                .action(req.get("action").asText());
        if (req.containsKey("resource")) {
            rb.resource(req.get("resource").asText());
        }
        if (req.containsKey("principalAccount")) {
            rb.principalAccount(req.get("principalAccount").asText());
        }
        if (req.containsKey("resourceAccount")) {
            rb.resourceAccount(req.get("resourceAccount").asText());
        }
        if (req.containsKey("context")) {
            req.get("context").properties().forEach(e -> {
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> values.add(v.asText()));
                } else {
                    values.add(e.getValue().asText());
                }
                rb.context(e.getKey(), values);
            });
        }
        AuthorizationRequest request = rb.build();

        Decision d = PolicyEvaluator.evaluate(request, set.build());
        JsonNode expect = node.get("expect");
        assertThat(expect).as("expect block").isNotNull();
        String ctx = c + " -> " + d;
        assertThat(d.type().simulatorValue())
                .as(ctx)
                .isEqualTo(expect.get("decision").asText());
        if (expect.has("deniedBy")) {
            assertThat(d.deniedBy())
                    .as(ctx)
                    .contains(PolicyType.valueOf(expect.get("deniedBy").asText()));
        }
        if (expect.has("decidingSid")) {
            assertThat(d.decidingStatement()).as(ctx).isPresent();
            assertThat(d.decidingStatement().get().sid())
                    .as(ctx)
                    .isEqualTo(expect.get("decidingSid").asText());
        }
        if (expect.has("decidingPolicy")) {
            assertThat(d.decidingStatement()).as(ctx).isPresent();
            assertThat(d.decidingStatement().get().policyId())
                    .as(ctx)
                    .isEqualTo(expect.get("decidingPolicy").asText());
        }
        if (expect.has("matched")) {
            List<String> want = new ArrayList<>();
            expect.get("matched").forEach(v -> want.add(v.asText()));
            List<String> got = d.matchedStatements().stream()
                    .map(m -> m.sid() != null ? m.sid() : m.policyId() + "#" + m.statementIndex())
                    .toList();
            assertThat(got).as(ctx).containsExactlyInAnyOrderElementsOf(want);
        }
        if (expect.has("message")) {
            String resource = req.containsKey("resource") ? req.get("resource").asText() : "*";
            assertThat(d.accessDeniedMessage(request.principal(), request.action(), resource))
                    .as(ctx)
                    .isEqualTo(expect.get("message").asText());
        }
        if (expect.has("missingContextValues")) {
            List<String> want = new ArrayList<>();
            expect.get("missingContextValues").forEach(v -> want.add(v.asText()));
            assertThat(d.missingContextValues()).as(ctx).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    private static String text(JsonNode n, String field, String def) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? def : v.asText();
    }
}
