package org.wardwatch.core.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whose voice an account is. Trust, ward and service accounts are organisational and always
 * monitored; a staff account is a person's, so it needs a recorded basis and its opt-outs count.
 */
public enum AccountKind {
    TRUST, WARD, SERVICE, STAFF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean organisational() {
        return this != STAFF;
    }

    public static Optional<AccountKind> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(AccountKind::id).collect(Collectors.joining(", "));
    }
}
