package dev.drydock.scaling.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Schedule expressions as PutScheduledAction reads them: at, rate and cron, in a time zone. */
class ScheduleTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:15:30Z"); // a Monday

    @Test
    void atRunsOnceAtItsLocalTimeInTheTimezone() {
        Schedule s = Schedule.parse("at(2026-12-07T12:00:00)", "Europe/Paris");
        assertThat(s.next(NOW, NOW)).isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));
        assertThat(s.next(Instant.parse("2026-12-07T11:00:00Z"), NOW)).isNull();
        assertThat(Schedule.parse("at(2026-12-07T12:00:00)", null).next(NOW, NOW))
                .isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    }

    @Test
    void rateCountsFromItsAnchor() {
        Schedule s = Schedule.parse("rate(5 minutes)", null);
        Instant anchor = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(s.next(NOW, anchor)).isEqualTo(Instant.parse("2026-12-07T10:20:00Z"));
        assertThat(s.next(Instant.parse("2026-12-07T10:20:00Z"), anchor))
                .isEqualTo(Instant.parse("2026-12-07T10:25:00Z"));
        assertThat(Schedule.parse("rate(1 day)", null).next(NOW, NOW)).isEqualTo(NOW.plusSeconds(86_400));
        assertThat(Schedule.parse("rate(2 hours)", null).next(anchor.minusSeconds(60), anchor))
                .isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    }

    @Test
    void cronFindsTheNextMinuteEveryFieldAllows() {
        assertThat(Schedule.parse("cron(0 18 ? * MON-FRI *)", null).next(NOW, NOW))
                .isEqualTo(Instant.parse("2026-12-07T18:00:00Z"));
        // Friday 18:00 -> the next is Monday
        assertThat(Schedule.parse("cron(0 18 ? * MON-FRI *)", null).next(Instant.parse("2026-12-11T18:00:00Z"), NOW))
                .isEqualTo(Instant.parse("2026-12-14T18:00:00Z"));
        assertThat(Schedule.parse("cron(*/20 * * * ? *)", null).next(NOW, NOW))
                .isEqualTo(Instant.parse("2026-12-07T10:20:00Z"));
        assertThat(Schedule.parse("cron(0 9 1 JAN,JUL ? 2027-2030)", null).next(NOW, NOW))
                .isEqualTo(Instant.parse("2027-01-01T09:00:00Z"));
        assertThat(Schedule.parse("cron(30 8 ? * 1 *)", "America/New_York").next(NOW, NOW))
                .isEqualTo(Instant.parse("2026-12-13T13:30:00Z")); // Sunday 08:30 EST
        assertThat(Schedule.parse("cron(0 0 29 2 ? *)", null).next(NOW, NOW))
                .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
        assertThat(Schedule.parse("cron(0 0 1 1 ? 2020)", null).next(NOW, NOW)).isNull();
    }

    @Test
    void badExpressionsAreRefusedNamingTheFormExpected() {
        assertThatThrownBy(() -> Schedule.parse("every 5 minutes", null))
                .hasMessageContaining("Invalid schedule expression 'every 5 minutes'")
                .hasMessageContaining("rate(value unit)");
        assertThatThrownBy(() -> Schedule.parse("at(2026-12-07 12:00)", null))
                .hasMessageContaining("at(yyyy-mm-ddThh:mm:ss)");
        assertThatThrownBy(() -> Schedule.parse("rate(1 minutes)", null)).hasMessageContaining("singular");
        assertThatThrownBy(() -> Schedule.parse("rate(0 minutes)", null)).hasMessageContaining("positive integer");
        assertThatThrownBy(() -> Schedule.parse("rate(5 weeks)", null)).hasMessageContaining("minute, minutes");
        assertThatThrownBy(() -> Schedule.parse("cron(0 18 * * *)", null)).hasMessageContaining("6 fields");
        assertThatThrownBy(() -> Schedule.parse("cron(0 18 * * MON *)", null)).hasMessageContaining("'?'");
        assertThatThrownBy(() -> Schedule.parse("cron(0 25 * * ? *)", null))
                .hasMessageContaining("Hours field's value '25' is not in 0-23");
        assertThatThrownBy(() -> Schedule.parse("cron(0 18 L * ? *)", null)).hasMessageContaining("L, W or #");
        assertThatThrownBy(() -> Schedule.parse("cron(0 18 ? * 6#3 *)", null)).hasMessageContaining("L, W or #");
        assertThatThrownBy(() -> Schedule.parse("rate(5 minutes)", "Mars/Olympus"))
                .hasMessageContaining("Invalid timezone 'Mars/Olympus'");
    }
}
