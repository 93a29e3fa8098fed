package org.wardwatch.classifier.text;

import java.util.List;

import org.wardwatch.core.analysis.TextFinding;

/**
 * What the recognizers and the role resolver say about a caption before the learned model: the
 * reported findings (staff names removed) and rule scores for the two questions.
 *
 * @param identifying 0..1, how strongly the rules say a patient is identified
 * @param context     0..1, how strongly the rules say the caption is about patients
 * @param cues        short symbolic names of what fired ("name:PATIENT", "AGE", ...), the learned
 *                    model's view of the recognizers
 */
public record Evidence(double identifying, double context, List<TextFinding> findings, List<PersonRole> roles,
                       List<String> cues) {
    public Evidence {
        findings = List.copyOf(findings);
        roles = List.copyOf(roles);
        cues = List.copyOf(cues);
    }
}
