package org.wardwatch.classifier.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a date in any common written form right after "DOB", "date of birth", "born" or
 * "b.". A date with no such cue is an event date and is not reported. "The NHS was born on 5 July
 * 1948" is about an organisation, so births of trusts, services and buildings are rejected.
 */
public final class DateOfBirthRecognizer extends PatternRecognizer {
    static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    static final String YEAR = "(?:19|20)\\d\\d";
    static final String NUMERIC = "(?:[12]\\d|3[01]|0?[1-9])[/.\\-](?:1[0-2]|0?[1-9])[/.\\-](?:" + YEAR + "|\\d\\d)";
    static final String ISO = YEAR + "-(?:1[0-2]|0[1-9])-(?:[12]\\d|3[01]|0[1-9])";
    static final String WRITTEN = DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR;
    static final String AMERICAN = MONTH + "\\s+" + DAY + ",?\\s+" + YEAR;
    static final String NO_YEAR = "(?:" + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?!\\p{L})|" + MONTH + "\\s+" + DAY + ")(?![\\s,]*\\d)";
    static final String ANY_DATE = "(?:" + NUMERIC + "|" + ISO + "|" + WRITTEN + "|" + AMERICAN + ")";

    private static final String CUE = "\\b(?:d\\.?o\\.?b\\.?|date\\s+of\\s+birth|birth\\s*date|born(?:\\s+on)?(?:\\s+the)?|b\\.)\\s*[:\\-–]?\\s*";
    private static final Pattern ORGANISATION_BEFORE = Pattern.compile(
            "\\b(?:nhs|trust|service|hospital|ward|unit|charity|team|building|centre|clinic|idea|project|scheme|campaign)\\b"
                    + "(?:\\s+\\w+){0,2}\\s+(?:was|were|is)\\s*$");

    public DateOfBirthRecognizer() {
        super(FindingTypes.DATE_OF_BIRTH,
                List.of(NamedPattern.of("cue-date", CUE + "(?<v>" + ANY_DATE + ")", 0.9),
                        NamedPattern.of("born-in-year", "\\bborn\\s+in\\s+(?<v>" + YEAR + ")\\b", 0.6),
                        NamedPattern.of("born-day-month", "\\bborn(?:\\s+on)?(?:\\s+the)?\\s+(?<v>" + NO_YEAR + ")", 0.6)),
                List.of(), 0, 0);
    }

    @Override
    protected boolean mayMatch(Caption caption) {
        String l = caption.lower();
        return l.contains("born") || l.contains("birth") || l.contains("dob") || l.contains("d.o.b") || l.contains("b.");
    }

    @Override
    protected double validate(Caption caption, Matcher m, NamedPattern pattern, int start, int end) {
        String before = caption.lowerWindow(m.start() - 40, m.start());
        if (ORGANISATION_BEFORE.matcher(before).find()) return 0;
        return pattern.score();
    }
}
