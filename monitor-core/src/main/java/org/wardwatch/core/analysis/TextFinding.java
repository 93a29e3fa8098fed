package org.wardwatch.core.analysis;

import java.util.Objects;

/**
 * A span of text a recognizer flagged.
 *
 * @param type  the signal, for example NHS_NUMBER, DATE_OF_BIRTH, AGE, PERSON_NAME, WARD_OR_BED,
 *              CARE_EVENT, PERINATAL, HEALTH_DETAIL, PATIENT_CONTEXT
 * @param start inclusive character offset into the analysed text
 * @param end   exclusive character offset
 * @param score 0..1
 */
public record TextFinding(String type, String text, int start, int end, double score) {
    public TextFinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
        if (score < 0 || score > 1) throw new IllegalArgumentException("score out of 0..1: " + score);
    }
}
