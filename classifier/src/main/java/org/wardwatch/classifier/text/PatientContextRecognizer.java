package org.wardwatch.classifier.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Patients as the subject of a post: "our patients", "service users", "inpatients", "young people on
 * the unit", "the residents on the dementia unit", "the lads on the low secure unit". The singular
 * "patient" used as an adjective ("patient safety", "protecting patient confidentiality") and
 * patients addressed by a campaign ("patients can now book online") are not patient context, or only
 * weakly.
 */
public final class PatientContextRecognizer extends PatternRecognizer {
    static final double STRONG = 0.8;
    static final double WEAK = 0.35;

    private static final String SETTING = "(?:\\s+(?:on|at|from|in|of)\\s+(?:(?:the|our|a|this)\\s+)?(?:(?:[\\p{L}&'’-]+\\s+){0,4}?(?:ward|unit|wards|units|service|services|hospital|home|centre|house)\\b|ward\\s*\\d+|picu|mbu|hdu|ldu|camhs\\b))";
    private static final String GROUP = "(?:patients|inpatients|residents|lads|ladies|gents|gentlemen|men|women|guys|girls|boys|young\\s+people|young\\s+men|young\\s+women|children|kids|teenagers|teens|clients|members|folk|people|everyone|adults|older\\s+adults|mums|families)";
    private static final Pattern ACTIVITY_AFTER = Pattern.compile(
            "^(?:\\s+(?:and\\s+(?:their\\s+)?(?:carers|families|staff|visitors)|who|have|had|all|really|both|also|then|each))*\\s+"
                    + "(?:enjoy|enjoyed|took|take|taking|made|make|making|help|helped|helping|had|loved|love|join|joined|built|grew|grow|growing|planted|plant|created|create|baked|bake|cooked|cook|painted|paint|celebrated|celebrate|visited|went|go|showed|learned|learnt|raised|are|were|got|get|have|spent|tried|won|competed|designed|wrote|sang|played|danced|attended|completed|finished|prepared|decorated|worked|met|welcomed|received)\\b");
    private static final Pattern NOT_PARTICIPANTS_AFTER = Pattern.compile(
            "^\\s*(?:can|should|must|may|will\\s+need|need|needing|who\\s+need|are\\s+(?:advised|asked|reminded|encouraged|able)|and\\s+visitors|,\\s+visitors|first|safety|experience|care|records?|data|information|feedback|advice|leaflets?|forum\\s+survey)\\b");
    private static final Pattern NOT_PARTICIPANTS_BEFORE = Pattern.compile(
            "\\b(?:for|ask|asking|remind|reminding|help|supporting|support|protect|protecting|advise|advising|treat|treating|all|many|some\\s+of\\s+the|most|million|thousands\\s+of|\\d[\\d,]*|more|new|remind|inform)\\s+$");

    private static final Pattern SETTING_AFTER = Pattern.compile("\\s+(?:on|at|from|in)\\b");

    private static String firstWord(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isLetter(text.charAt(i))) i++;
        return text.substring(from, i);
    }

    public PatientContextRecognizer() {
        super(FindingTypes.PATIENT_CONTEXT,
                List.of(NamedPattern.of("former-patient", "\\b(?:former|ex|current|past)[\\s-]+(?:patients?|service[\\s-]users?|inpatients?|residents?)\\b", STRONG),
                        NamedPattern.of("service-users", "\\b(?:service[\\s-]users?|inpatients|in-patients|people\\s+who\\s+use\\s+(?:our|the)\\s+services?|people\\s+in\\s+our\\s+care|those\\s+in\\s+our\\s+care)\\b", STRONG),
                        NamedPattern.of("our-patients", "\\b(?:our|one\\s+of\\s+our|two\\s+of\\s+our|some\\s+of\\s+our|a\\s+few\\s+of\\s+our|the)\\s+(?:\\w+\\s+)?(?:patients?|residents|young\\s+people|clients|mums|lads|ladies|gents|guys)\\b", STRONG),
                        NamedPattern.of("group-in-setting", "\\b" + GROUP + SETTING, STRONG),
                        NamedPattern.mixedCase("patient-named", "\\b(?<v>patients?)\\s+(?=(?-i:\\p{Lu}\\p{Ll}+))", STRONG),
                        NamedPattern.of("patients", "\\b(?:patients|residents)\\b", WEAK)),
                List.of("ward", "unit", "today", "session", "activity", "group", "garden", "enjoyed", "our"), 50, 0.0);
    }

    @Override
    protected double validate(Caption caption, Matcher m, NamedPattern pattern, int start, int end) {
        String lower = caption.lower();
        String after = lower.substring(end, Math.min(lower.length(), end + 80));
        String before = caption.lowerWindow(start - 30, start);
        switch (pattern.name()) {
            case "our-patients" -> {
                if (m.group().startsWith("the") || m.group().startsWith("The")) {
                    // "the patients on Ward 3 enjoyed" is context; "the patient experience" is not.
                    if (m.group().toLowerCase().endsWith("patient")) return 0;
                    return ACTIVITY_AFTER.matcher(after).find() || SETTING_AFTER.matcher(after).lookingAt() ? STRONG : WEAK;
                }
                if (lower.startsWith("patient", end - 7) && NOT_PARTICIPANTS_AFTER.matcher(after).find()) return WEAK;
                return STRONG;
            }
            case "patient-named" -> {
                String next = firstWord(caption.text(), end);
                if (NameLexicon.shared().isCommonCapitalisedWord(next.toLowerCase(java.util.Locale.ROOT))) return 0;
                return STRONG;
            }
            case "group-in-setting" -> {
                String group = m.group().toLowerCase();
                // "people on the ward" in a visiting notice, "members of the team": keep only when something happens.
                if (group.startsWith("people") || group.startsWith("everyone") || group.startsWith("members") || group.startsWith("families") || group.startsWith("adults") || group.startsWith("children")) {
                    return ACTIVITY_AFTER.matcher(after).find() ? STRONG : 0;
                }
                return STRONG;
            }
            case "patients" -> {
                if (NOT_PARTICIPANTS_AFTER.matcher(after).find() || NOT_PARTICIPANTS_BEFORE.matcher(before).find()) return WEAK * 0.5;
                if (ACTIVITY_AFTER.matcher(after).find()) return 0.7;
                return WEAK;
            }
            default -> {
                return pattern.score();
            }
        }
    }
}
