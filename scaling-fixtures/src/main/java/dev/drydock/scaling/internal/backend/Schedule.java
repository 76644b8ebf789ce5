package dev.drydock.scaling.internal.backend;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scheduled action's {@code Schedule} in its {@code Timezone}, as PutScheduledAction defines it
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html): {@code
 * at(yyyy-mm-ddThh:mm:ss)} once, {@code rate(value unit)} with unit {@code minute(s)}, {@code hour(s)} or {@code
 * day(s)}, or {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)} with the cron fields of "Cron
 * expressions" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html): numbers,
 * {@code ,} lists, {@code -} ranges, {@code /} increments, {@code *}, {@code ?} in one of the day fields, month names
 * {@code JAN}-{@code DEC} and day names {@code SUN}-{@code SAT} (1 is Sunday). Not served: {@code L}, {@code W} and
 * {@code #}. Pure: no clock of its own.
 */
public abstract sealed class Schedule {
    private static final Pattern AT = Pattern.compile("at\\((.+)\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) ([a-z]+)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** How far ahead a cron expression is searched (AWS's years end at 2199). */
    private static final int SEARCH_YEARS = 200;

    private Schedule() {}

    /**
     * Parses a schedule expression.
     *
     * @param expression e.g. {@code at(2026-12-24T18:00:00)}, {@code rate(5 minutes)}, {@code cron(0 18 ? * MON-FRI *)}
     * @param timezone an IANA time zone name, e.g. {@code America/New_York}; {@code null} for UTC
     * @throws IllegalArgumentException naming what is wrong and the form expected
     */
    public static Schedule parse(String expression, String timezone) {
        ZoneId zone = zone(timezone);
        String e = expression.trim();
        Matcher m = AT.matcher(e);
        if (m.matches()) {
            try {
                return new At(LocalDateTime.parse(m.group(1)).atZone(zone).toInstant());
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("Invalid at expression '" + expression
                        + "': use at(yyyy-mm-ddThh:mm:ss), e.g. at(2026-12-24T18:00:00).");
            }
        }
        m = RATE.matcher(e);
        if (m.matches()) {
            return rate(expression, m.group(1), m.group(2));
        }
        m = CRON.matcher(e);
        if (m.matches()) {
            return Cron.of(expression, m.group(1), zone);
        }
        throw new IllegalArgumentException("Invalid schedule expression '" + expression
                + "': use at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(Minutes Hours Day-of-month Month "
                + "Day-of-week Year).");
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid timezone '" + timezone
                    + "': use a time zone of the IANA database, e.g. UTC or America/New_York.");
        }
    }

    private static Schedule rate(String expression, String digits, String unit) {
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            value = 0;
        }
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        Duration one = switch (singular) {
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> null;
        };
        if (one == null || value <= 0 || value > 100_000) {
            throw new IllegalArgumentException("Invalid rate expression '" + expression
                    + "': use rate(value unit) with a positive integer value and the unit minute, minutes, hour, "
                    + "hours, day or days, e.g. rate(5 minutes).");
        }
        if (value == 1 == unit.endsWith("s")) {
            throw new IllegalArgumentException("Invalid rate expression '" + expression + "': the unit is singular "
                    + "for a value of 1 and plural otherwise, e.g. rate(1 hour), rate(2 hours).");
        }
        return new Rate(one.multipliedBy(value));
    }

    /**
     * The first time after {@code after} the schedule names, or {@code null} when there is none.
     *
     * @param after an instant (exclusive)
     * @param anchor when a rate counts from (the action's StartTime, or when it was created)
     */
    public abstract Instant next(Instant after, Instant anchor);

    /** {@code at(...)}: once. */
    static final class At extends Schedule {
        final Instant at;

        At(Instant at) {
            this.at = at;
        }

        @Override
        public Instant next(Instant after, Instant anchor) {
            return at.isAfter(after) ? at : null;
        }
    }

    /** {@code rate(...)}: every period from the anchor on. */
    static final class Rate extends Schedule {
        final Duration period;

        Rate(Duration period) {
            this.period = period;
        }

        @Override
        public Instant next(Instant after, Instant anchor) {
            if (after.isBefore(anchor)) {
                return anchor.plus(period);
            }
            long periods = Duration.between(anchor, after).toMillis() / period.toMillis() + 1;
            return anchor.plus(period.multipliedBy(periods));
        }
    }

    /** {@code cron(...)}: the minutes every field allows, in the time zone. */
    static final class Cron extends Schedule {
        final BitSet minutes;
        final BitSet hours;
        final BitSet daysOfMonth; // null when '?'
        final BitSet months;
        final BitSet daysOfWeek; // 1 = Sunday; null when '?'
        final BitSet years;
        final ZoneId zone;

        private Cron(
                BitSet minutes,
                BitSet hours,
                BitSet daysOfMonth,
                BitSet months,
                BitSet daysOfWeek,
                BitSet years,
                ZoneId zone) {
            this.minutes = minutes;
            this.hours = hours;
            this.daysOfMonth = daysOfMonth;
            this.months = months;
            this.daysOfWeek = daysOfWeek;
            this.years = years;
            this.zone = zone;
        }

        static Cron of(String expression, String body, ZoneId zone) {
            String[] f = body.trim().split("\\s+");
            if (f.length != 6) {
                throw new IllegalArgumentException("Invalid cron expression '" + expression + "': it has 6 fields, "
                        + "cron(Minutes Hours Day-of-month Month Day-of-week Year), e.g. cron(0 18 ? * MON-FRI *).");
            }
            boolean domAny = f[2].equals("?");
            boolean dowAny = f[4].equals("?");
            if (domAny == dowAny) {
                throw new IllegalArgumentException("Invalid cron expression '" + expression + "': one of the "
                        + "Day-of-month and Day-of-week fields must be '?' and the other not (e.g. cron(0 18 ? * "
                        + "MON-FRI *) or cron(0 12 1 * ? *)).");
            }
            return new Cron(
                    field(expression, "Minutes", f[0], 0, 59, null),
                    field(expression, "Hours", f[1], 0, 23, null),
                    domAny ? null : field(expression, "Day-of-month", f[2], 1, 31, null),
                    field(expression, "Month", f[3], 1, 12, MONTHS),
                    dowAny ? null : field(expression, "Day-of-week", f[4], 1, 7, DAYS),
                    field(expression, "Year", f[5], 1970, 2199, null),
                    zone);
        }

        private static BitSet field(String expression, String name, String text, int min, int max, List<String> names) {
            BitSet set = new BitSet(max + 1);
            for (String part : text.split(",", -1)) {
                String p = part.toUpperCase(Locale.ROOT);
                if (p.matches("L|LW|\\d+L|\\d+W|.*#.*")) {
                    throw new IllegalArgumentException("Invalid cron expression '" + expression + "': the " + name
                            + " field's '" + part + "' uses L, W or #, which Drydock does not serve; use lists, "
                            + "ranges and increments.");
                }
                int step = 1;
                int slash = p.indexOf('/');
                if (slash >= 0) {
                    step = number(expression, name, p.substring(slash + 1), 1, max, null);
                    p = p.substring(0, slash);
                }
                int from;
                int to;
                if (p.equals("*")) {
                    from = min;
                    to = max;
                } else {
                    int dash = p.indexOf('-');
                    from = number(expression, name, dash < 0 ? p : p.substring(0, dash), min, max, names);
                    to = dash < 0
                            ? (slash >= 0 ? max : from)
                            : number(expression, name, p.substring(dash + 1), min, max, names);
                    if (to < from) {
                        throw new IllegalArgumentException("Invalid cron expression '" + expression + "': the " + name
                                + " range '" + part + "' ends before it starts.");
                    }
                }
                for (int v = from; v <= to; v += step) {
                    set.set(v);
                }
            }
            return set;
        }

        private static int number(String expression, String name, String text, int min, int max, List<String> names) {
            if (names != null && names.contains(text)) {
                return names.indexOf(text) + 1;
            }
            try {
                int v = Integer.parseInt(text);
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException("Invalid cron expression '" + expression + "': the " + name
                    + " field's value '" + text + "' is not in " + min + "-" + max
                    + (names != null ? " (or " + names.get(0) + "-" + names.get(names.size() - 1) + ")" : "") + ".");
        }

        @Override
        public Instant next(Instant after, Instant anchor) {
            ZonedDateTime start =
                    after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            LocalDate day = start.toLocalDate();
            LocalDate last = day.plusYears(SEARCH_YEARS);
            for (; !day.isAfter(last); day = day.plusDays(1)) {
                if (!years.get(day.getYear())) {
                    if (day.getYear() > years.length()) {
                        return null;
                    }
                    day = day.withDayOfYear(day.lengthOfYear());
                    continue;
                }
                if (!months.get(day.getMonthValue())) {
                    day = day.withDayOfMonth(day.lengthOfMonth());
                    continue;
                }
                boolean dayMatches = daysOfMonth != null
                        ? daysOfMonth.get(day.getDayOfMonth())
                        : daysOfWeek.get(day.getDayOfWeek().getValue() % 7 + 1);
                if (!dayMatches) {
                    continue;
                }
                for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                    for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                        ZonedDateTime t = ZonedDateTime.of(day, LocalTime.of(h, m), zone);
                        if (!t.isBefore(start)) {
                            return t.toInstant();
                        }
                    }
                }
            }
            return null;
        }
    }
}
