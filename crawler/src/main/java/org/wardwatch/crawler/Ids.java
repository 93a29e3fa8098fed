package org.wardwatch.crawler;

import java.math.BigInteger;

/**
 * Compares platform post ids. Mastodon and X ids are decimal snowflakes that grow with time, but
 * they are strings and can outgrow a long; ids that are not numbers compare by length, then text.
 */
public final class Ids {
    private Ids() {
    }

    public static int compare(String a, String b) {
        if (a.matches("\\d+") && b.matches("\\d+")) return new BigInteger(a).compareTo(new BigInteger(b));
        if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
        return a.compareTo(b);
    }

    public static String max(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return compare(a, b) >= 0 ? a : b;
    }
}
