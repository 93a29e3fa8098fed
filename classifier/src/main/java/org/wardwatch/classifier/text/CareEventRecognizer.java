package org.wardwatch.classifier.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events in a patient's care: admission, readmission, discharge, detention under the Mental Health
 * Act ("sectioned", "Section 2/3/136"), leave from the ward, detox, tribunals, transfers and the
 * length of a stay. Staff leave ("annual leave") and staff moves ("transferred to a new role") are
 * not care events.
 */
public final class CareEventRecognizer extends PatternRecognizer {
    private static final Pattern STAFF_AFTER = Pattern.compile(
            "^\\s*(?:to|into)\\s+(?:a|an|her|his|their|the)?\\s*(?:new\\s+)?(?:role|post|job|position|team|band|trust)\\b");

    private static final Pattern TICKETS = Pattern.compile("free|ticket|entry|£|price");
    public CareEventRecognizer() {
        super(FindingTypes.CARE_EVENT,
                List.of(NamedPattern.of("admission", "\\b(?:re-?admitted|admitted|re-?admission|admission)\\b", 0.6),
                        NamedPattern.of("discharge", "\\b(?:discharged|discharge|discharging)\\b(?!\\s+(?:lounge|team|coordinator|co-ordinator|nurse|planning\\s+team|policy))", 0.6),
                        NamedPattern.of("detention", "\\b(?:sectioned|detained|detention|section\\s*(?:2|3|4|5\\(?[24]\\)?|17|35|36|37|41|117|135|136)\\b|(?:under|on)\\s+(?:a\\s+)?section\\b(?:\\s*\\d{1,3}\\b)?|mental\\s+health\\s+act\\s+(?:assessment|detention))", 0.7),
                        NamedPattern.of("leave", "\\b(?:escorted|unescorted|section\\s*17|ground|home|overnight|community|first|weekend|trial)\\s+leave\\b", 0.7),
                        NamedPattern.of("detox", "\\b(?:detox|detoxification|withdrawal\\s+programme|rehab\\s+programme)\\b", 0.6),
                        NamedPattern.of("tribunal", "\\b(?:tribunal|managers'?\\s+hearing|ward\\s+round\\s+review|cpa\\s+review)\\b", 0.6),
                        NamedPattern.of("transfer", "\\b(?:transferred|transfer|moved|moves|moving)\\s+(?:on\\s+)?(?:to|from)\\b", 0.45),
                        NamedPattern.of("stay", "\\b(?:after|for)\\s+(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|many|several)\\s+(?:days?|weeks?|months?|years?)\\s+(?:with\\s+us|on\\s+(?:the|our)\\s+\\w+|in\\s+hospital|on\\s+\\p{L}+\\s+ward|here)"
                                + "|\\b(?:been|stayed|staying)\\s+with\\s+us\\b|\\b(?:during|throughout)\\s+(?:his|her|their)\\s+(?:stay|admission|time\\s+with\\s+us)\\b"
                                + "|\\b(?:going|went|goes|heading)\\s+home\\b|\\bleaves?\\s+(?:us|our\\s+(?:ward|unit))\\b", 0.55),
                        NamedPattern.of("seclusion", "\\b(?:seclusion|restrained|restraint|1:1\\s+observations|constant\\s+observations|ect\\b)", 0.5)),
                List.of("today", "yesterday", "tomorrow", "ward", "unit", "weeks", "months", "patient", "he", "she", "his", "her"), 40, 0.1);
    }

    @Override
    protected double validate(Caption caption, Matcher m, NamedPattern pattern, int start, int end) {
        if (pattern.name().equals("transfer") || pattern.name().equals("admission") || pattern.name().equals("stay")) {
            String after = caption.lower().substring(Math.min(caption.lower().length(), pattern.name().equals("transfer") ? m.start() + m.group().lastIndexOf(' ') : end));
            if (STAFF_AFTER.matcher(after).find()) return 0;
        }
        if (pattern.name().equals("admission")) {
            // "free admission", "admission £5": tickets, not hospital admissions.
            String around = caption.lowerWindow(start - 12, end + 12);
            if (TICKETS.matcher(around).find()) return 0;
        }
        return pattern.score();
    }
}
