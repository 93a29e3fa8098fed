package org.wardwatch.core.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small wording helpers the templates share, so the HTML and the text part say the same thing. */
public final class DigestFormat {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private DigestFormat() {
    }

    public static String day(LocalDate d) {
        return d == null ? "never" : DAY.format(d);
    }

    public static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    public static String signals(Digest.AccountCases a) {
        StringBuilder s = new StringBuilder();
        for (Digest.SignalCount c : a.signals()) {
            if (s.length() > 0) s.append(", ");
            s.append(c.signal()).append(' ').append(c.count());
        }
        return s.toString();
    }

    public static String due(Digest.Pending p) {
        if (p.due() == null) return "no due date";
        return (p.overdue() ? "overdue, was due " : "due ") + day(p.due());
    }
}
