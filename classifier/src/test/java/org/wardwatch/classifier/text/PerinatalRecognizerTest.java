package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PerinatalRecognizerTest {
    private final PerinatalRecognizer recognizer = new PerinatalRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mum Jess and baby Freddie went home today|baby Freddie",
            "Mum Jess and baby Freddie went home today|Mum Jess",
            "Our mother and baby unit has a new garden|mother and baby unit",
            "Mums and babies on the MBU sang nursery rhymes|MBU",
            "Say hello to our newest arrivals|newest arrivals",
            "Our mums on the unit made memory books|Our mums"})
    void perinatalCuesAreFound(String text, String expected) {
        assertThat(Spans.texts(recognizer, text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Congratulations to the perinatal team on achieving CCQI accreditation",
            "Baby Week starts on Monday",
            "Thank you to our staff for their hard work"})
    void teamsAndEventsAreNot(String text) {
        assertThat(Spans.of(recognizer, text)).isEmpty();
    }
}
