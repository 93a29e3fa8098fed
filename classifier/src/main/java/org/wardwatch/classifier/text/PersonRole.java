package org.wardwatch.classifier.text;

import org.wardwatch.core.analysis.TextFinding;

/**
 * What the role resolver decided about one named person.
 *
 * @param patientEvidence summed weight of the patient cues around the name
 * @param staffEvidence   summed weight of the staff cues around the name
 */
public record PersonRole(TextFinding name, Role role, double patientEvidence, double staffEvidence) {
    public enum Role { PATIENT, STAFF, UNKNOWN }
}
