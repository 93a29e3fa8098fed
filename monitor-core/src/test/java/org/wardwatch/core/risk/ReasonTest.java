package org.wardwatch.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReasonTest {
    final Reason named = new Reason("caption names a patient", "caption", "PERSON_NAME", List.of("Doreen", "Ali"));

    @Test
    void aReasonIsShownWithItsQuotesAndStoredWithout() {
        assertThat(named.shown()).isEqualTo("caption names a patient: 'Doreen', 'Ali'");
        assertThat(named.stored()).isEqualTo("caption names a patient {caption:PERSON_NAME}");
        assertThat(Reason.inWords(named.stored())).isEqualTo("caption names a patient");
        assertThat(Reason.plain("2 faces").stored()).isEqualTo("2 faces");
        assertThat(Reason.inWords("2 faces")).isEqualTo("2 faces");
    }

    @Test
    void quotesAreRebuiltFromTheFindingsOfTheirSourceAndType() {
        Map<String, List<String>> findings = Map.of("caption/PERSON_NAME", List.of("Doreen", "Ali", "Doreen"),
                "alt_text/PERSON_NAME", List.of("Zoë"));
        assertThat(Reason.withQuotes(named.stored(), (source, type) -> findings.getOrDefault(source + "/" + type, List.of())))
                .isEqualTo("caption names a patient: 'Doreen', 'Ali'");
        // purged findings leave the words
        assertThat(Reason.withQuotes(named.stored(), (source, type) -> java.util.Arrays.asList((String) null)))
                .isEqualTo("caption names a patient");
    }

    @Test
    void manySpansAreCountedAndSpansInsideLongerOnesDropped() {
        assertThat(Reason.quoted(List.of("the PICU", "PICU", "Willow Ward", "Bed 4", "Oak Ward", "Ash Ward")))
                .isEqualTo("'the PICU', 'Willow Ward', 'Bed 4' and 2 more");
    }

    @Test
    void reasonsOlderVersionsStoredAreUnquotedIntoTheStoredForm() {
        assertThat(Reason.fromLegacy("caption names a patient: 'Doreen'")).isEqualTo("caption names a patient {caption:PERSON_NAME}");
        assertThat(Reason.fromLegacy("alt text gives an age: '80'")).isEqualTo("alt text gives an age {alt_text:AGE}");
        assertThat(Reason.fromLegacy("quoted post names a ward or bed: 'Willow Ward', 'Bed 4' and 1 more"))
                .isEqualTo("quoted post names a ward or bed {quote:WARD_OR_BED}");
        assertThat(Reason.fromLegacy("text in the image names a patient: 'Doreen'")).isEqualTo("text in the image names a patient {image_text:PERSON_NAME}");
        assertThat(Reason.fromLegacy("the platform's content warning: 'self-harm'")).isEqualTo("the platform's content warning {platform:CONTENT_WARNING}");
        assertThat(Reason.fromLegacy("link card has nhs number: '943 476 5919'")).isEqualTo("link card has nhs number {card:NHS_NUMBER}");
        assertThat(Reason.fromLegacy("something else: 'Doreen'")).isEqualTo("something else");
        assertThat(Reason.fromLegacy("2 faces")).isEqualTo("2 faces");
        assertThat(Reason.fromLegacy("caption names a patient {caption:PERSON_NAME}")).isEqualTo("caption names a patient {caption:PERSON_NAME}");
    }
}
