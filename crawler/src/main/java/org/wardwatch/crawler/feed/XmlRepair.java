package org.wardwatch.crawler.feed;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Entities;

/**
 * Repairs made to a feed's text before the strict XML parse, each to a mistake common in real feeds
 * with only one sensible reading. None moves a line, so the parser's line numbers still point at the
 * feed as served. Character data, comments and processing instructions are left as they are, except
 * for characters XML forbids.
 * <ul>
 * <li>An HTML entity the document does not declare ({@code &nbsp;}, {@code &eacute;}) becomes the
 * character reference it stands for; an unknown one, and a bare {@code &}, become literal text.</li>
 * <li>A character XML 1.0 forbids (most C0 controls, unpaired surrogates, U+FFFE, U+FFFF), literally
 * or as a character reference, becomes U+FFFD.</li>
 * <li>An XML declaration after leading white space or comments becomes spaces.</li>
 * </ul>
 */
final class XmlRepair {
    private static final Pattern DECLARED = Pattern.compile("<!ENTITY\\s+([^\\s%][^\\s]*)");
    private static final Pattern REFERENCE = Pattern.compile("&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z_:][A-Za-z0-9._:-]*));");
    private static final Set<String> PREDEFINED = Set.of("amp", "lt", "gt", "quot", "apos");

    private XmlRepair() {
    }

    static String repair(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        Set<String> declared = new HashSet<>();
        Matcher ref = REFERENCE.matcher(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<') {
                int end = verbatimEnd(text, i);
                if (end > i) {
                    String part = text.substring(i, end);
                    if (part.startsWith("<!DOCTYPE") || part.startsWith("<!doctype")) {
                        Matcher m = DECLARED.matcher(part);
                        while (m.find()) declared.add(m.group(1));
                    }
                    if (i > 0 && part.startsWith("<?xml") && part.length() > 5 && Character.isWhitespace(part.charAt(5))) {
                        // a declaration is only allowed first; ours is already used up (the text is decoded)
                        appendBlank(out, part);
                    } else {
                        appendLegal(out, part);
                    }
                    i = end;
                    continue;
                }
                out.append(c);
                i++;
            } else if (c == '&') {
                ref.region(i, n);
                if (ref.lookingAt()) {
                    out.append(reference(ref, declared));
                    i = ref.end();
                } else {
                    out.append("&amp;");
                    i++;
                }
            } else {
                i = appendLegal(out, text, i);
            }
        }
        return out.toString();
    }

    private static String reference(Matcher ref, Set<String> declared) {
        if (ref.group(3) == null) {
            long cp = ref.group(1) != null ? Long.parseLong(ref.group(1)) : Long.parseLong(ref.group(2), 16);
            return cp <= Character.MAX_CODE_POINT && legal((int) cp) ? ref.group() : "&#xFFFD;";
        }
        String name = ref.group(3);
        if (PREDEFINED.contains(name) || declared.contains(name)) return ref.group();
        if (Entities.isNamedEntity(name)) {
            StringBuilder sb = new StringBuilder();
            Entities.getByName(name).codePoints().forEach(cp -> sb.append("&#").append(cp).append(';'));
            return sb.toString();
        }
        // an entity nobody declared: keep it readable as the text the author typed
        return "&amp;" + ref.group().substring(1);
    }

    /** The end of a CDATA section, comment, processing instruction or DOCTYPE starting at i; i if none. */
    private static int verbatimEnd(String s, int i) {
        if (s.startsWith("<![CDATA[", i)) return endAfter(s, i + 9, "]]>");
        if (s.startsWith("<!--", i)) return endAfter(s, i + 4, "-->");
        if (s.startsWith("<?", i)) return endAfter(s, i + 2, "?>");
        if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) return doctypeEnd(s, i + 9);
        return i;
    }

    private static int endAfter(String s, int from, String close) {
        int k = s.indexOf(close, from);
        return k < 0 ? s.length() : k + close.length();
    }

    /** The DOCTYPE ends at the first '>' outside its internal subset and outside quotes. */
    private static int doctypeEnd(String s, int from) {
        boolean subset = false;
        char quote = 0;
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                subset = true;
            } else if (c == ']') {
                subset = false;
            } else if (c == '>' && !subset) {
                return k + 1;
            }
        }
        return s.length();
    }

    private static void appendLegal(StringBuilder out, String part) {
        int k = 0;
        while (k < part.length()) k = appendLegal(out, part, k);
    }

    /** Appends the character (or surrogate pair) at k, or U+FFFD when XML forbids it; returns the next index. */
    private static int appendLegal(StringBuilder out, String s, int k) {
        char c = s.charAt(k);
        if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
            out.append(c).append(s.charAt(k + 1));
            return k + 2;
        }
        out.append(legal(c) && !Character.isSurrogate(c) ? c : '\uFFFD');
        return k + 1;
    }

    private static void appendBlank(StringBuilder out, String part) {
        for (int k = 0; k < part.length(); k++) {
            char c = part.charAt(k);
            out.append(c == '\n' || c == '\r' ? c : ' ');
        }
    }

    private static boolean legal(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
