package org.wardwatch.core.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week such as {@code 2026-W47}: Monday to Sunday, numbered by the week-based year. A
 * digest reports on one week, and is recorded as sent for that week.
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    public IsoWeek {
        if (year < 1000 || year > 9999) throw new IllegalArgumentException("year out of range: " + year);
        long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException(year + " has no ISO week " + week + " (it has " + weeks + ")");
        }
    }

    /** Parses {@code 2026-W47}; the message of the exception names the input and the expected form. */
    public static IsoWeek parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) throw new IllegalArgumentException("week '" + text + "' is not an ISO week like 2026-W47");
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static IsoWeek containing(Instant instant, ZoneId zone) {
        return of(instant.atZone(zone).toLocalDate());
    }

    /** The last complete week before the one containing {@code instant}: what a Monday digest reports on. */
    public static IsoWeek lastCompleteBefore(Instant instant, ZoneId zone) {
        return containing(instant, zone).previous();
    }

    public LocalDate monday() {
        return LocalDate.of(year, 6, 1)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** Midnight at the start of Monday in that zone, inclusive. */
    public Instant start(ZoneId zone) {
        return monday().atStartOfDay(zone).toInstant();
    }

    /** Midnight at the end of Sunday in that zone, exclusive. */
    public Instant end(ZoneId zone) {
        return next().start(zone);
    }

    public IsoWeek previous() {
        return of(monday().minusWeeks(1));
    }

    public IsoWeek next() {
        return of(monday().plusWeeks(1));
    }

    @Override
    public int compareTo(IsoWeek o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(week, o.week);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, week);
    }
}
