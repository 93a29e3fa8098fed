package org.wardwatch.classifier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One caption prepared once for every recognizer: the original text (offsets in findings refer to it),
 * a lower-case copy with the same offsets, and its word tokens.
 */
public final class Caption {
    /** A word: letters, digits, apostrophes and inner hyphens. */
    public record Token(String text, String lower, int start, int end) {
        public boolean capitalised() {
            return Character.isUpperCase(text.charAt(0))
                    && (text.length() == 1 || !Character.isUpperCase(text.charAt(1)) || text.length() <= 2);
        }

        public boolean alphabetic() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isLetter(c) && c != '\'' && c != '-' && c != '’') return false;
            }
            return true;
        }
    }

    private final String text;
    private final String lower;
    private final List<Token> tokens;

    public Caption(String text) {
        this.text = text;
        this.lower = lowerSameLength(text);
        this.tokens = tokenize(text, lower);
    }

    public String text() {
        return text;
    }

    /** Whether any word of the caption starts with one of the stems (lower case). */
    public boolean anyWordStartsWith(List<String> stems) {
        for (Token t : tokens) {
            String w = t.lower();
            for (int i = 0; i < stems.size(); i++) if (w.startsWith(stems.get(i))) return true;
        }
        return false;
    }

    /** Lower case with the same length and offsets as {@link #text()}. */
    public String lower() {
        return lower;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** Index of the first token starting at or after {@code offset}, or tokens().size(). */
    public int tokenAt(int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Lower-case text in [from, to), clamped to the caption. */
    public String lowerWindow(int from, int to) {
        return lower.substring(Math.max(0, from), Math.min(lower.length(), to));
    }

    // Locale.ROOT lower-casing can change the length of a few characters (for example the dotted I),
    // which would shift every offset after it; lower-casing char by char keeps offsets aligned.
    private static String lowerSameLength(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        if (l.length() == s.length()) return l;
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) out[i] = Character.toLowerCase(s.charAt(i));
        return new String(out);
    }

    private static List<Token> tokenize(String text, String lower) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char d = text.charAt(i);
                boolean inner = (d == '\'' || d == '’' || d == '-') && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))
                        && i > start;
                if (Character.isLetterOrDigit(d) || inner) i++;
                else break;
            }
            out.add(new Token(text.substring(start, i), lower.substring(start, i), start, i));
        }
        return List.copyOf(out);
    }
}
