package org.wardwatch.dashboard.requests;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A removal request's life: raised (drafted), sent to the owner, acknowledged by them, and then
 * removed (the re-check found the post gone), refused, or overdue (past its due date while still up).
 */
public enum RequestStatus {
    RAISED, SENT, ACKNOWLEDGED, REMOVED, REFUSED, OVERDUE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Still waiting on the owner: the re-check keeps looking at these posts. */
    public boolean active() {
        return this == RAISED || this == SENT || this == ACKNOWLEDGED || this == OVERDUE;
    }

    public static Optional<RequestStatus> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }
}
