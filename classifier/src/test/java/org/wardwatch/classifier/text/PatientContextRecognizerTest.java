package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.core.analysis.TextFinding;

class PatientContextRecognizerTest {
    private final PatientContextRecognizer recognizer = new PatientContextRecognizer();

    private double best(String text) {
        return Spans.of(recognizer, text).stream().mapToDouble(TextFinding::score).max().orElse(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Our patients helped the chef prepare lunch",
            "Service users at the rehab unit are growing tomatoes",
            "Young people on the unit made slime today",
            "Inpatients enjoyed a visit from the therapy dogs",
            "The residents on the dementia unit loved the alpacas",
            "Some of the lads on the low secure unit built a bench",
            "Patients on Ward 9 made Easter bonnets",
            "Patients and their carers joined us for the fete"})
    void patientsAsSubjectsAreStrongContext(String text) {
        assertThat(best(text)).isGreaterThanOrEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Safe use of social media and protecting patient confidentiality",
            "Patient safety is everyone's business",
            "Our patient experience team wants your feedback",
            "Patients can now order repeat prescriptions online",
            "We ask patients and visitors to wear masks",
            "Local residents: roadworks near the hospital next week",
            "Our staff choir raised £800"})
    void adjectivesAndCampaignsAreNotStrongContext(String text) {
        assertThat(best(text)).isLessThan(0.5);
    }
}
