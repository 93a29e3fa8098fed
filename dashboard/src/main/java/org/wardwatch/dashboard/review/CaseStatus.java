package org.wardwatch.dashboard.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a case stands: flagged and waiting, confirmed by a reviewer, dismissed, or resolved (post gone). */
public enum CaseStatus {
    OPEN, CONFIRMED, DISMISSED, RESOLVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case OPEN -> "Open";
            case CONFIRMED -> "Confirmed";
            case DISMISSED -> "Dismissed";
            case RESOLVED -> "Resolved";
        };
    }

    public static Optional<CaseStatus> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }
}
