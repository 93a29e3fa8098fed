package org.wardwatch.core.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The platforms WardWatch reads public posts from, by their registry name. */
public enum Platform {
    RSS, ATOM, MASTODON, BLUESKY, WORDPRESS, HTML, X;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> parse(String text) {
        if (text == null) return Optional.empty();
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(wanted)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Platform::id).collect(Collectors.joining(", "));
    }
}
