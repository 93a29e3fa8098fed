package org.wardwatch.dashboard.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What text written by strangers (captions, names, permalinks, errors quoted from platforms) may look
 * like on a page. Control characters are never shown: a NUL or an escape code has no business on a
 * page and can cut or hide text. Characters that change the direction of text (U+202A-202E,
 * U+2066-2069, U+200E, U+200F) are shown as a visible token such as {@code [U+202E]}, because they
 * are used to make a caption or a link read differently from what it is. Ingest may strip them too;
 * this holds whatever is in the database.
 */
public final class SafeText {
    private SafeText() {
    }

    /** For a page: no control characters, direction changes made visible. */
    public static String shown(String s) {
        if (s == null || clean(s, true)) return s;
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) continue;
            if (isBidi(c)) b.append("[U+").append(Integer.toHexString(c).toUpperCase(Locale.ROOT)).append(']');
            else b.append(c);
        }
        return b.toString();
    }

    /** For the JSON API: no control characters (direction changes are escaped by the JSON writer). */
    public static String withoutControls(String s) {
        if (s == null || clean(s, false)) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) b.append(c);
        }
        return b.toString();
    }

    /** C0 but tab and newline, DEL, and C1. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
    }

    public static boolean isBidi(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F';
    }

    /**
     * Whether a URL from a crawled post may be a link: only http and https with a host. Anything else
     * ({@code data:}, {@code javascript:}, {@code vbscript:}, {@code file:}, relative) is shown as text.
     */
    public static boolean clickable(String url) {
        if (url == null || url.length() > 4000) return false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (isControl(c) || isBidi(c) || Character.isWhitespace(c)) return false;
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean clean(String s, boolean bidiToo) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c) || (bidiToo && isBidi(c))) return false;
        }
        return true;
    }
}
