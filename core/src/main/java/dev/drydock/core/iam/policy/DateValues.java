package dev.drydock.core.iam.policy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Date/time values for the {@code Date*} operators: the W3C profile of ISO 8601 ({@code YYYY-MM},
 * {@code YYYY-MM-DD}, {@code YYYY-MM-DDThh:mmTZD}, {@code YYYY-MM-DDThh:mm:ssTZD}, {@code YYYY-MM-DDThh:mm:ss.sTZD};
 * TZD is {@code Z} or {@code +hh:mm}/{@code -hh:mm}; a missing TZD is taken as UTC) or epoch seconds (an integer,
 * optionally with a fractional part). A string of digits only is always read as epoch seconds, so the W3C
 * year-only form {@code YYYY} is not supported (it is indistinguishable from an epoch value). Per "IAM JSON policy
 * elements: Condition operators", date section.
 */
final class DateValues {

    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,12}(\\.\\d+)?");
    private static final Pattern HAS_ZONE = Pattern.compile(".*(Z|z|[+-]\\d{2}:?\\d{2})$");

    private DateValues() {}

    /** @return the instant, or null when the text is not a supported date/time. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (EPOCH.matcher(t).matches()) {
                int dot = t.indexOf('.');
                if (dot < 0) {
                    return Instant.ofEpochSecond(Long.parseLong(t));
                }
                long secs = Long.parseLong(t.substring(0, dot));
                String frac = (t.substring(dot + 1) + "000000000").substring(0, 9);
                long nanos = Long.parseLong(frac);
                return Instant.ofEpochSecond(secs, t.startsWith("-") ? -nanos : nanos);
            }
            if (t.length() == 7) {
                return YearMonth.parse(t).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.indexOf('T') != 10 && t.indexOf('t') != 10) {
                return null;
            }
            String u = t.replace('t', 'T').replace('z', 'Z');
            if (!HAS_ZONE.matcher(u).matches()) {
                u = u + "Z";
            }
            // "YYYY-MM-DDThh:mmZ" (no seconds) is W3C-valid; OffsetDateTime accepts it.
            return OffsetDateTime.parse(u).toInstant();
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
