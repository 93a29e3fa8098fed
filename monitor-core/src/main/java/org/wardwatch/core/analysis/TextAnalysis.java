package org.wardwatch.core.analysis;

import java.util.List;

/**
 * What caption analysis concluded about one text.
 *
 * @param identifying    the text identifies a patient (name, age, date of birth, NHS number, bed, a named baby...)
 * @param patientContext the text refers to patients or service users, identified or not
 * @param score          0..1, how strongly the text identifies a patient
 */
public record TextAnalysis(boolean identifying, boolean patientContext, double score, List<TextFinding> findings) {
    public static final TextAnalysis EMPTY = new TextAnalysis(false, false, 0, List.of());

    public TextAnalysis {
        findings = List.copyOf(findings);
    }
}
