package org.wardwatch.classifier.text;

import java.util.List;
import java.util.regex.Matcher;

/**
 * NHS numbers: ten digits, grouped 3-3-4 or not, whose tenth digit is the modulus 11 check digit.
 * About one random ten-digit number in eleven passes the check, so a passing checksum alone gives
 * only a modest score; "NHS number", "NHS no" and the like nearby raise it to a confident one.
 */
public final class NhsNumberRecognizer extends PatternRecognizer {
    static final double CHECKSUM_ONLY = 0.4;
    static final double CONTEXT_BOOST = 0.5;

    public NhsNumberRecognizer() {
        super(FindingTypes.NHS_NUMBER,
                List.of(NamedPattern.of("grouped", "(?<![\\d£$.,])(?<v>\\d{3}[ -]\\d{3}[ -]\\d{4})(?![ -]?\\d)", CHECKSUM_ONLY),
                        NamedPattern.of("plain", "(?<![\\d£$.,+])(?<v>\\d{10})(?!\\d)", CHECKSUM_ONLY)),
                List.of("nhs", "nhs\\s*(?:no|num|number|#)", "patient\\s+(?:no|number|id)", "hospital\\s+number",
                        "chi", "nhs\\s*id"),
                40, CONTEXT_BOOST);
    }

    @Override
    protected boolean mayMatch(Caption caption) {
        String t = caption.text();
        int digits = 0;
        for (int i = 0; i < t.length() && digits < 10; i++) if (t.charAt(i) >= '0' && t.charAt(i) <= '9') digits++;
        return digits >= 10;
    }

    @Override
    protected double validate(Caption caption, Matcher m, NamedPattern pattern, int start, int end) {
        return passesModulus11(caption.text().substring(start, end)) ? pattern.score() : 0;
    }

    /** The NHS check: weights 10..2 over the first nine digits; 11 - (sum mod 11), 11 meaning 0 and 10 invalid. */
    public static boolean passesModulus11(String candidate) {
        int[] d = new int[10];
        int n = 0;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == 10) return false;
                d[n++] = c - '0';
            }
        }
        if (n != 10) return false;
        boolean allSame = true;
        for (int i = 1; i < 10; i++) allSame &= d[i] == d[0];
        if (allSame) return false; // 000 000 0000 and friends pass the arithmetic but are never issued
        int sum = 0;
        for (int i = 0; i < 9; i++) sum += d[i] * (10 - i);
        int check = 11 - (sum % 11);
        if (check == 11) check = 0;
        return check != 10 && check == d[9];
    }
}
