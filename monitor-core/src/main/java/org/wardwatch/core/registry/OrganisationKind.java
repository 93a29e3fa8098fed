package org.wardwatch.core.registry;

import java.util.Locale;
import java.util.Optional;

public enum OrganisationKind {
    NHS_TRUST, INDEPENDENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrganisationKind> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (wanted.equals("NHS") || wanted.equals("TRUST")) return Optional.of(NHS_TRUST);
        if (wanted.equals("INDEPENDENT_PROVIDER")) return Optional.of(INDEPENDENT);
        for (OrganisationKind k : values()) if (k.name().equals(wanted)) return Optional.of(k);
        return Optional.empty();
    }
}
