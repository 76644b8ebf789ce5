package dev.drydock.core.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast reading of {@code X-Amz-Date} gives the formatter's instant, or leaves the value to the formatter. */
class SigV4DateTest {
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"20261207T195301Z", "20240229T235959Z", "00010101T000000Z", "99991231T235959Z"})
    void validBasicDatesReadAsTheFormatterReadsThem(String value) {
        assertThat(SigV4Verifier.parseBasicDate(value))
                .isEqualTo(ZonedDateTime.parse(value, BASIC).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "20261307T195301Z", // month 13
                "20250229T000000Z", // not a leap year: the formatter's SMART resolving decides
                "20261207T240000Z", // hour 24: likewise
                "20261207T196001Z", // minute 60
                "00000101T000000Z", // year 0
                "2026-12-07T19:53:01Z",
                "20261207T195301",
                "2026120XT195301Z",
                "20261207 195301Z",
                "+0261207T195301Z",
                ""
            })
    void anythingElseIsLeftToTheFormatters(String value) {
        assertThat(SigV4Verifier.parseBasicDate(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261307T195301Z", "20261207T196001Z", "00000101T000000Z"})
    void whatTheFastPathLeavesTheFormatterRefusesToo(String value) {
        Instant parsed;
        try {
            parsed = ZonedDateTime.parse(value, BASIC).toInstant();
        } catch (DateTimeException e) {
            parsed = null;
        }
        assertThat(parsed).isNull();
    }
}
