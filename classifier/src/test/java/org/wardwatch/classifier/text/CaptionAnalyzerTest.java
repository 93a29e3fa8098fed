package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextFinding;

class CaptionAnalyzerTest {
    private static final CaptionAnalyzer ANALYZER = CaptionAnalyzer.standard();

    @ParameterizedTest
    @ValueSource(strings = {
            "Happy 80th birthday to Doreen on Willow Ward",
            "Mum Jess and baby Freddie are going home from the MBU today",
            "NHS number 943 476 5919 – please send the letter to the GP",
            "Pt DOB 03/11/1957 admitted to Bay 2 overnight",
            "Our service user Ben B. designed the poster for the ward",
            "Kieran M. has been discharged today after 11 weeks on Ward 23"})
    void captionsThatIdentifyAPatientAreIdentifying(String text) {
        TextAnalysis a = ANALYZER.analyze(text);
        assertThat(a.identifying()).as(text).isTrue();
        assertThat(a.patientContext()).as(text).isTrue();
        assertThat(a.score()).isBetween(0.5, 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Congratulations to Staff Nurse Sarah Bennett on her promotion",
            "Welcome to Dr Oliver Grant, our new Medical Director",
            "Well done to HCA Marcus Reid, our Employee of the Month",
            "Happy birthday to our brilliant housekeeper Pam, 60 today!",
            "We are hiring: Band 6 charge nurses for our psychiatric intensive care unit",
            "Over 65s can get their free flu jab at Willow House on 12 October",
            "Crisis line open 24/7 – call 0800 953 0110",
            "Order ref 9434765919 has been dispatched",
            "Congratulations to Jodie and Sam from Ward 12 who both passed their nursing degrees",
            "Our volunteer Maureen, 82, has been helping on Ward 3 for 20 years",
            "Well done to Ward 4 for raising £2,000 for Macmillan",
            "Our healthcare assistants are the backbone of the ward – thank you Kim, Leah, Omar and Jo"})
    void staffNewsAndCampaignsAreNotIdentifying(String text) {
        TextAnalysis a = ANALYZER.analyze(text);
        assertThat(a.identifying()).as(text).isFalse();
        assertThat(a.patientContext()).as(text).isFalse();
    }

    @Test
    void staffNamesAreNeverPatientFindings() {
        TextAnalysis a = ANALYZER.analyze("Congratulations to Staff Nurse Sarah Bennett on her promotion to Ward Manager on Willow Ward");
        assertThat(a.findings()).extracting(TextFinding::type).doesNotContain("PERSON_NAME");
    }

    @Test
    void patientContextWithoutANameIsContextButNotIdentifying() {
        TextAnalysis a = ANALYZER.analyze("Young people on the unit made pizzas in today's cooking group");
        assertThat(a.patientContext()).isTrue();
        assertThat(a.identifying()).isFalse();
    }

    @Test
    void findingsQuoteTheirSpan() {
        String text = "Happy 80th birthday to Doreen on Willow Ward";
        TextAnalysis a = ANALYZER.analyze(text);
        assertThat(a.findings()).extracting(TextFinding::type).contains("AGE", "PERSON_NAME", "WARD_OR_BED");
        for (TextFinding f : a.findings()) assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text());
    }

    @Test
    void emptyAndBlankCaptionsGiveEmptyResults() {
        assertThat(ANALYZER.analyze("")).isEqualTo(TextAnalysis.EMPTY);
        assertThat(ANALYZER.analyze("   ")).isEqualTo(TextAnalysis.EMPTY);
    }

    @Test
    void analyzerIsSafeToShareAcrossThreads() throws Exception {
        String[] texts = {"Happy 80th birthday to Doreen on Willow Ward", "Welcome to Dr Oliver Grant, our new Medical Director",
                "Our patients helped the chef prepare Diwali sweets"};
        TextAnalysis[] expected = new TextAnalysis[texts.length];
        for (int i = 0; i < texts.length; i++) expected[i] = ANALYZER.analyze(texts[i]);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < 300; k++) {
                        int i = k % texts.length;
                        if (!ANALYZER.analyze(texts[i]).equals(expected[i])) return false;
                    }
                    return true;
                }));
            }
            for (var f : futures) assertThat(f.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
