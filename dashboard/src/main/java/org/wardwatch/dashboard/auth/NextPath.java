package org.wardwatch.dashboard.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Where to go after signing in: only a path on this site. Browsers forgive a lot in a Location header
 * ({@code /\t/evil.example} and {@code /\evil.example} lead to another host in Chromium), so rather
 * than guess what a browser will make of an odd path, anything odd goes to the start page: exactly one
 * leading slash, no {@code //} and no backslash anywhere, no control or space characters, and the
 * same again after percent-decoding (up to three times, for values encoded more than once).
 */
public final class NextPath {
    private static final int MAX_LENGTH = 2000;
    private static final int DECODINGS = 3;

    private NextPath() {
    }

    /** {@code next} when it is safe, else {@code /}. */
    public static String orHome(String next) {
        return safe(next) ? next : "/";
    }

    public static boolean safe(String next) {
        if (next == null || next.length() > MAX_LENGTH) return false;
        String s = next;
        for (int i = 0; i <= DECODINGS; i++) {
            if (!plain(s)) return false;
            String decoded = percentDecoded(s);
            if (decoded == null) return false;
            if (decoded.equals(s)) return !s.startsWith("/login");
            s = decoded;
        }
        return false;
    }

    private static boolean plain(String s) {
        if (!s.startsWith("/") || s.contains("//") || s.indexOf('\\') >= 0) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT) return false;
        }
        return true;
    }

    /** %XX decoded as UTF-8 (a '+' stays a '+'); null when malformed. */
    static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                out.write(raw[i]);
                continue;
            }
            if (i + 2 >= raw.length) return null;
            int hi = Character.digit(raw[i + 1], 16), lo = Character.digit(raw[i + 2], 16);
            if (hi < 0 || lo < 0) return null;
            out.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
