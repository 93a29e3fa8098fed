package org.wardwatch.core.digest;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Signal codes (cases.signals) in words a comms lead understands. Only the code is ever read, never
 * a reason or a caption, so nothing a post said can reach the email through here.
 */
public final class SignalWords {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("FACE", "faces"),
            Map.entry("PERSON", "people in the photo"),
            Map.entry("WOUND_LIKE", "wound-like marks on skin"),
            Map.entry("GEOTAGGED", "location in the photo"),
            Map.entry("TEXT", "text in the image"),
            Map.entry("NHS_NUMBER", "NHS number"),
            Map.entry("DATE_OF_BIRTH", "date of birth"),
            Map.entry("AGE", "age"),
            Map.entry("PERSON_NAME", "a person's name"),
            Map.entry("WARD_OR_BED", "ward or bed"),
            Map.entry("CARE_EVENT", "care event"),
            Map.entry("PERINATAL", "mother and baby"),
            Map.entry("HEALTH_DETAIL", "health detail"),
            Map.entry("PATIENT_CONTEXT", "patient context"),
            Map.entry("CONTENT_WARNING", "the platform's content warning"));

    private SignalWords() {
    }

    /** Words for one code; an unknown but well-formed code is spelt out, anything else is "other signal". */
    public static String of(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        int colon = c.lastIndexOf(':');
        if (colon >= 0) c = c.substring(colon + 1); // "image:FACE" and "FACE" are the same signal
        String known = WORDS.get(c);
        if (known != null) return known;
        if (CODE.matcher(c).matches()) return c.toLowerCase(Locale.ROOT).replace('_', ' ');
        return "other signal";
    }
}
