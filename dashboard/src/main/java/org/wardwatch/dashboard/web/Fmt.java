package org.wardwatch.dashboard.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates and numbers read on the pages (UK style, London time). */
public final class Fmt {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(LONDON);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(LONDON);
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(LONDON);

    private Fmt() {
    }

    public static String date(Instant t) {
        return t == null ? "" : DATE.format(t);
    }

    public static String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    /** For datetime attributes of time elements. */
    public static String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    public static String isoDay(Instant t) {
        return t == null ? "" : ISO_DAY.format(t);
    }

    public static String number(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    public static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
