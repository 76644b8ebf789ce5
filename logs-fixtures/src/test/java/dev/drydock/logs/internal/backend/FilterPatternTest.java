package dev.drydock.logs.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.spi.AwsException;
import org.junit.jupiter.api.Test;

/** The filter pattern subset, without Docker or HTTP. */
class FilterPatternTest {
    private static boolean m(String pattern, String message) {
        return FilterPattern.parse(pattern).matches(message);
    }

    @Test
    void termsPhrasesAlternativesAndExclusions() {
        assertThat(m("", "anything")).isTrue();
        assertThat(m("ERROR", "an ERROR happened")).isTrue();
        assertThat(m("ERROR", "an error happened")).isFalse();
        assertThat(m("ERROR timeout", "ERROR: db timeout")).isTrue();
        assertThat(m("ERROR timeout", "ERROR: db down")).isFalse();
        assertThat(m("\"db down\"", "ERROR: db down")).isTrue();
        assertThat(m("\"db down\"", "db is down")).isFalse();
        assertThat(m("?ERROR ?WARN", "WARN disk")).isTrue();
        assertThat(m("?ERROR ?WARN", "INFO disk")).isFalse();
        assertThat(m("ERROR -retrying", "ERROR retrying")).isFalse();
        assertThat(m("ERROR -retrying", "ERROR fatal")).isTrue();
    }

    @Test
    void jsonSelectorsAndOperators() {
        String log = "{\"level\":\"ERROR\",\"latency\":250,\"user\":{\"id\":\"u-1\"},\"tags\":[\"a\",\"b\"],"
                + "\"ok\":false,\"gone\":null}";
        assertThat(m("{ $.level = \"ERROR\" }", log)).isTrue();
        assertThat(m("{ $.level = ERR* }", log)).isTrue();
        assertThat(m("{ $.level != \"ERROR\" }", log)).isFalse();
        assertThat(m("{ $.latency > 200 && $.user.id = \"u-1\" }", log)).isTrue();
        assertThat(m("{ $.latency >= 300 || $.tags[1] = \"b\" }", log)).isTrue();
        assertThat(m("{ ($.latency < 100 || $.latency > 1000) && $.level = \"ERROR\" }", log))
                .isFalse();
        assertThat(m("{ $.latency = 250 }", log)).isTrue();
        assertThat(m("{ $.ok IS FALSE }", log)).isTrue();
        assertThat(m("{ $.gone IS NULL }", log)).isTrue();
        assertThat(m("{ $.missing NOT EXISTS }", log)).isTrue();
        assertThat(m("{ $.level = \"ERROR\" }", "not json at all")).isFalse();
    }

    @Test
    void malformedAndUnsupportedPatternsAreRefused() {
        assertThatThrownBy(() -> FilterPattern.parse("{ $.level = }"))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("expected a value");
        assertThatThrownBy(() -> FilterPattern.parse("{ $.latency > fast }"))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("compares numbers");
        assertThatThrownBy(() -> FilterPattern.parse("[ip, user]"))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("space-delimited");
        assertThatThrownBy(() -> FilterPattern.parse("\"open"))
                .isInstanceOf(AwsException.class)
                .hasMessageContaining("unterminated");
    }
}
