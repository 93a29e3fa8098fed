package org.wardwatch.classifier.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The age of one person: "aged 92", "(19)" or ", 90," after a name, "14-year-old", "turned 100",
 * "80th birthday", "100 today". Age bands of campaigns ("over 65s", "aged 18 to 25", "65 and over")
 * and the ages of buildings and organisations are not a person's age and are rejected.
 */
public final class AgeRecognizer extends PatternRecognizer {
    private static final String N = "(?<v>1[01]\\d|[1-9]?\\d)";
    private static final Pattern BAND_AFTER = Pattern.compile(
            "^(?:\\s*(?:-|–|to|and|or)\\s*(?:over|under|above|older|younger|\\d)|s\\b|\\+|\\s*plus\\b|\\s+and\\s+(?:over|under|above|older))");
    private static final Pattern BAND_BEFORE = Pattern.compile(
            "\\b(?:over|under|above|below|between|from|than|those|people|anyone|everyone|adults|children|patients|all)\\s*(?:the\\s+age\\s+of\\s+|aged\\s+)?$");
    private static final Pattern THING_AFTER = Pattern.compile(
            "^[\\s-]*(?:year|yr)s?[\\s-]*old\\s+(?:building|hospital|tree|house|church|trust|tradition|charity|oak|site|service|ward|nhs|institution|piano|car)");
    private static final Pattern ORGANISATION_BIRTHDAY = Pattern.compile(
            "^\\s*birthday\\s+(?:to|of|for)\\s+(?:the|our)\\s+(?:nhs|trust|hospital|ward|unit|team|charity|service|building|centre|league|friends)");
    private static final Pattern ORGANISATION_BEFORE = Pattern.compile(
            "\\b(?:its|nhs|nhs's|trust's|the\\s+trust|hospital's|charity's|ward's|unit's|service's|our\\s+\\w+\\s+(?:team|service|charity))\\s*$");

    public AgeRecognizer() {
        super(FindingTypes.AGE,
                List.of(NamedPattern.of("aged", "\\baged?\\s+" + N + "\\b", 0.7),
                        NamedPattern.of("year-old", "\\b" + N + "[\\s-]*(?:year|yr)s?[\\s-]*old\\b", 0.75),
                        NamedPattern.of("year-old-words", "\\b(?<v>(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)[\\s-]*(?:year|yr)s?[\\s-]*old)\\b", 0.75),
                        NamedPattern.caseSensitive("is-age", "\\b\\p{Lu}\\p{Ll}+\\s+(?:is|was|turned|turns)\\s+" + N + "(?=\\s*(?:years?\\b|yrs\\b|and\\b|today\\b|[,.!–-]|$))", 0.65),
                        NamedPattern.of("happy-ordinal", "\\bhappy\\s+(?<v>(?:1[01]\\d|[1-9]?\\d)(?:st|nd|rd|th))\\b(?!\\s+(?:anniversary|year|birthday\\s+to\\s+(?:the|our)))", 0.65),
                        NamedPattern.of("turned", "\\bturn(?:ed|s|ing)\\s+" + N + "\\b(?!\\s*(?:years\\s+ago|%|am|pm))", 0.7),
                        NamedPattern.of("ordinal-birthday", "\\b(?<v>(?:1[01]\\d|[1-9]?\\d)(?:st|nd|rd|th))\\s+birthday\\b", 0.7),
                        NamedPattern.of("today", "\\b" + N + "\\s+today\\b", 0.6),
                        NamedPattern.caseSensitive("parenthesised", "\\p{Lu}[\\p{L}'’.-]*\\s*\\(" + N + "\\)", 0.75),
                        NamedPattern.caseSensitive("apposition", "\\p{Lu}[\\p{L}'’.-]*,\\s*" + N + "(?=\\s*(?:,|today|years|yrs|on\\b|from\\b|is\\b|has\\b|who\\b|was\\b|and\\b|enjoy|celebrat|with\\b|at\\b|in\\b|–|-|!))", 0.7)),
                List.of("years?", "birthday", "old", "patient", "today"), 20, 0.05);
    }

    @Override
    protected boolean mayMatch(Caption caption) {
        String t = caption.text();
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) >= '0' && t.charAt(i) <= '9') return true;
        return caption.lower().contains("old"); // "sixteen-year-old"
    }

    @Override
    protected double validate(Caption caption, Matcher m, NamedPattern pattern, int start, int end) {
        String lower = caption.lower();
        String after = lower.substring(end, Math.min(lower.length(), end + 60));
        String before = caption.lowerWindow(m.start() - 40, m.start());
        if (BAND_AFTER.matcher(after).find()) return 0;
        if (BAND_BEFORE.matcher(before).find() && !pattern.name().equals("parenthesised")) return 0;
        if (pattern.name().equals("year-old") && THING_AFTER.matcher(lower.substring(end)).find()) return 0;
        if (pattern.name().equals("ordinal-birthday")) {
            if (ORGANISATION_BIRTHDAY.matcher(after).find()) return 0;
            if (ORGANISATION_BEFORE.matcher(before).find()) return 0;
        }
        if (pattern.name().equals("parenthesised") || pattern.name().equals("apposition")) {
            // "(2019)" or "Ward 7, 12 beds" are not ages; the capitalised word before must look like a name.
            if (caption.text().charAt(m.start()) == 'W' && caption.lower().startsWith("ward", m.start())) return 0;
        }
        return pattern.score();
    }
}
