package org.wardwatch.core.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One reason a post was flagged, in words, with the spans it quotes kept apart. The words are not
 * patient content ("caption names a patient") and are stored in the clear, queryable and shown in the
 * queue; the quotes ('Doreen') are, so they are never stored with the words: the stored form marks
 * where they belong and which findings they come from ({@code caption names a patient
 * {caption:PERSON_NAME}}), and the case page fills them in from the decrypted findings.
 *
 * @param source the source of the findings whose spans complete the reason (caption, alt_text, quote,
 *               card, image_text, platform), or null for a reason without quotes
 * @param type   those findings' type (PERSON_NAME, CONTENT_WARNING...), or null
 * @param quotes the spans quoted, in memory only
 */
public record Reason(String words, String source, String type, List<String> quotes) {
    /** At most this many spans are quoted in one reason; the rest are counted. */
    public static final int MAX_QUOTES = 3;
    private static final Pattern MARK = Pattern.compile(" \\{([a-z_]+):([A-Z_]+)\\}$");

    public Reason {
        Objects.requireNonNull(words, "words");
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    public static Reason plain(String words) {
        return new Reason(words, null, null, List.of());
    }

    /** The reason as a reviewer reads it: "caption names a patient: 'Doreen'". */
    public String shown() {
        return quotes.isEmpty() ? words : words + ": " + quoted(quotes);
    }

    /** The reason as the database keeps it: the words and where its quotes come from, never the quotes. */
    public String stored() {
        return source == null ? words : words + " {" + source + ":" + type + "}";
    }

    /** A stored reason in words, for the queue and for anyone who may not see the quotes. */
    public static String inWords(String stored) {
        return MARK.matcher(stored).replaceFirst("");
    }

    /**
     * A stored reason with its quotes filled in from the findings: {@code spans} gives the (decrypted)
     * texts of the findings of a source and type; none (a purged post) leaves the words alone.
     */
    public static String withQuotes(String stored, BiFunction<String, String, List<String>> spans) {
        Matcher m = MARK.matcher(stored);
        if (!m.find()) return stored;
        List<String> texts = spans.apply(m.group(1), m.group(2)).stream()
                .filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        String words = stored.substring(0, m.start());
        return texts.isEmpty() ? words : words + ": " + quoted(texts);
    }

    /** 'Doreen', 'Willow Ward' and 2 more: distinct spans, leaving out those inside a longer one. */
    public static String quoted(List<String> spans) {
        List<String> shown = outermost(spans);
        String s = shown.stream().limit(MAX_QUOTES).map(q -> "'" + q + "'").collect(Collectors.joining(", "));
        return shown.size() > MAX_QUOTES ? s + " and " + (shown.size() - MAX_QUOTES) + " more" : s;
    }

    /** Distinct spans, leaving out any that another span already contains ('PICU' in 'the PICU'). */
    static List<String> outermost(List<String> spans) {
        List<String> distinct = spans.stream().distinct().toList();
        return distinct.stream()
                .filter(s -> distinct.stream().noneMatch(o -> o.length() > s.length()
                        && o.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT))))
                .toList();
    }

    private static final List<String[]> WHERE = List.of(new String[] {"caption", "caption"},
            new String[] {"alt text", "alt_text"}, new String[] {"quoted post", "quote"}, new String[] {"link card", "card"},
            new String[] {"text in the image", "image_text"});

    /**
     * A reason as versions before this one stored it, quotes and all, in its stored form. The words
     * before the quotes are matched against the phrases the risk policy writes, so the quotes can be
     * rebuilt from the findings; anything else quoted loses its quotes.
     */
    public static String fromLegacy(String old) {
        if (MARK.matcher(old).find()) return old;
        int colon = old.indexOf(": '");
        if (colon < 0) return old;
        String words = old.substring(0, colon);
        if (words.equals("the platform's content warning")) return words + " {platform:CONTENT_WARNING}";
        for (String[] w : WHERE) {
            if (!words.startsWith(w[0] + " ")) continue;
            String phrase = words.substring(w[0].length() + 1);
            for (String type : RiskPolicy.TYPES) {
                if (RiskPolicy.phrase(type).equals(phrase)) return words + " {" + w[1] + ":" + type + "}";
            }
            if (phrase.startsWith("has ")) {
                return words + " {" + w[1] + ":" + phrase.substring(4).toUpperCase(Locale.ROOT).replace(' ', '_') + "}";
            }
        }
        return words;
    }

    /** Stored forms of a list of reasons, in order. */
    public static List<String> stored(List<Reason> reasons) {
        List<String> out = new ArrayList<>();
        for (Reason r : reasons) out.add(r.stored());
        return out;
    }
}
