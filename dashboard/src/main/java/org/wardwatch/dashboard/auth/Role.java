package org.wardwatch.dashboard.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a dashboard user may do. Admins run the installation; reviewers work the cases of their own
 * organisation; auditors see figures across organisations and never a post's content.
 */
public enum Role {
    ADMIN, REVIEWER, AUDITOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }
}
