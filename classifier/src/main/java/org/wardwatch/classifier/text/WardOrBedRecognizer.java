package org.wardwatch.classifier.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a patient is: a bed, bay or room number, a named or numbered ward ("Willow Ward", "Ward 23"),
 * a unit known by its initials ("the PICU", "MBU") and, with a low score, a described unit ("the
 * rehab unit", "our adolescent ward"). Venues ("Willow House", "the Jubilee Building") and meeting
 * rooms are not where patients stay and are not reported.
 */
public final class WardOrBedRecognizer extends PatternRecognizer {
    static final double BED = 0.7;
    static final double NAMED_WARD = 0.6;
    static final double DESCRIBED_UNIT = 0.3;
    static final double BARE_WARD = 0.2;

    private static final Pattern MEETING_ROOM_BEFORE = Pattern.compile(
            "\\b(?:meeting|conference|seminar|training|board|committee|interview|prayer|quiet|staff|break|lecture|class|team)\\s*$");

    private static final Pattern GENERIC_FIRST = Pattern.compile("(?:our|the|this|new|a|every|each|your|their|my|whole|acute|inpatient|mental|day)[\\s-]");
    private static int words(String s) {
        int n = 1;
        for (int i = 1; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i)) && !Character.isWhitespace(s.charAt(i - 1))) n++;
        return n;
    }

    public WardOrBedRecognizer() {
        super(FindingTypes.WARD_OR_BED,
                List.of(NamedPattern.of("bed-or-room", "\\b(?:bed|bay|room|side\\s+room|cubicle|bedroom|bed\\s*space)\\s*(?:no\\.?\\s*|number\\s*)?\\d{1,3}[a-f]?\\b", BED),
                        NamedPattern.of("numbered-ward", "\\bward\\s*\\d{1,3}[a-f]?\\b|\\b\\d{1,3}[a-f]?\\s+ward\\b", NAMED_WARD),
                        NamedPattern.caseSensitive("named-ward",
                                "\\b(?:\\p{Lu}[\\p{Ll}'’]+[\\s-]){1,2}(?:Ward|Unit|Wing|Suite|Lodge|Villa)s?\\b", NAMED_WARD),
                        NamedPattern.of("initials-unit", "\\b(?:the\\s+|our\\s+)?(?:picu|mbu|hdu|itu|icu|nicu|scbu|camhs\\s+unit|emi\\s+unit|lsu|msu)\\b", NAMED_WARD),
                        NamedPattern.of("described-unit",
                                "\\b(?:the|our|this|an?|their)\\s+(?:(?!of\\s)[\\p{L}&'’-]+\\s+){0,4}?(?:ward|unit|wards|units|inpatient\\s+service|hospice|care\\s+home|nursing\\s+home)\\b",
                                DESCRIBED_UNIT)),
                List.of(), 0, 0);
    }

    @Override
    protected double validate(Caption caption, Matcher m, NamedPattern pattern, int start, int end) {
        if (pattern.name().equals("bed-or-room")
                && MEETING_ROOM_BEFORE.matcher(caption.lowerWindow(start - 25, start)).find()) return 0;
        if (pattern.name().equals("described-unit") && words(m.group().trim()) <= 2) return BARE_WARD; // "the ward"
        if (pattern.name().equals("named-ward")) {
            String first = caption.lower().substring(start, end);
            int space = first.indexOf(' ');
            String firstWord = space < 0 ? first : first.substring(0, space);
            if (NameLexicon.shared().isCommonCapitalisedWord(firstWord) && !NameLexicon.shared().isFirstName(firstWord)) return 0;
            // Sentence openers and generic words are not ward names: "Our Ward", "The Unit", "New Unit".
            if (GENERIC_FIRST.matcher(first).lookingAt()) return 0;
        }
        return pattern.score();
    }
}
