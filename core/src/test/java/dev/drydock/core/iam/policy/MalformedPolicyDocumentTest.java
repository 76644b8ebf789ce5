package dev.drydock.core.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven checks of {@link MalformedPolicyDocumentException} reasons and IAM messages. */
class MalformedPolicyDocumentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode table() throws Exception {
        try (InputStream in = MalformedPolicyDocumentTest.class
                .getClassLoader()
                .getResourceAsStream("malformed-policy-cases/malformed.json")) {
            return MAPPER.readTree(in);
        }
    }

    private static String text(JsonNode c) throws Exception {
        return c.has("text") ? c.get("text").asText() : MAPPER.writeValueAsString(c.get("policy"));
    }

    static Stream<Arguments> invalid() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : table().get("invalid")) {
            out.add(Arguments.of(
                    c.get("name").asText(),
                    PolicyKind.valueOf(c.get("kind").asText()),
                    text(c),
                    c.get("reason").asText(),
                    c.get("message").asText()));
        }
        return out.stream();
    }

    static Stream<Arguments> valid() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : table().get("valid")) {
            out.add(Arguments.of(
                    c.get("name").asText(), PolicyKind.valueOf(c.get("kind").asText()), text(c)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("invalid")
    void rejectsWithIamReasonAndMessage(String name, PolicyKind kind, String json, String reason, String message) {
        MalformedPolicyDocumentException e =
                catchThrowableOfType(MalformedPolicyDocumentException.class, () -> PolicyDocument.parse(json, kind));
        assertThat(e).as(name).isNotNull();
        assertThat(e.reason())
                .as(name + ": " + e.detail())
                .isEqualTo(MalformedPolicyDocumentException.Reason.valueOf(reason));
        assertThat(e.getMessage()).as(name).isEqualTo(message);
        assertThat(e.iamMessage()).isEqualTo(message);
        assertThat(e.detail()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("valid")
    void accepts(String name, PolicyKind kind, String json) {
        assertThatCode(() -> PolicyDocument.parse(json, kind)).as(name).doesNotThrowAnyException();
    }

    @Test
    void everyReasonIsCoveredByTheTable() throws Exception {
        List<String> seen = new ArrayList<>();
        for (JsonNode c : table().get("invalid")) {
            seen.add(c.get("reason").asText());
        }
        for (MalformedPolicyDocumentException.Reason r : MalformedPolicyDocumentException.Reason.values()) {
            assertThat(seen).as("a table row for " + r).contains(r.name());
        }
    }

    @Test
    void syntaxErrorsCarryTheirSourceLocation() {
        String json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\n    \"Effect\": \"Allow\",,\n  }\n}";
        MalformedPolicyDocumentException e =
                catchThrowableOfType(MalformedPolicyDocumentException.class, () -> PolicyDocument.parse(json));
        assertThat(e.reason()).isEqualTo(MalformedPolicyDocumentException.Reason.INVALID_JSON);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isGreaterThan(0);
    }

    @Test
    void statementErrorsNameTheStatement() {
        String json =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecs:*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Allow\",\"Action\":\"ecs RunTask\",\"Resource\":\"*\"}]}";
        MalformedPolicyDocumentException e = catchThrowableOfType(
                MalformedPolicyDocumentException.class, () -> PolicyDocument.parse(json, PolicyKind.IDENTITY));
        assertThat(e.detail()).contains("statement 1").contains("ecs RunTask");
        assertThat(e.toString()).contains("ACTION_MISSING_VENDOR");
    }

    @Test
    void nullTextIsInvalidJson() {
        MalformedPolicyDocumentException e = catchThrowableOfType(
                MalformedPolicyDocumentException.class, () -> PolicyDocument.parse(null, PolicyKind.IDENTITY));
        assertThat(e.reason()).isEqualTo(MalformedPolicyDocumentException.Reason.INVALID_JSON);
    }
}
