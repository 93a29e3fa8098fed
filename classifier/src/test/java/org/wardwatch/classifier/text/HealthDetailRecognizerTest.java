package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HealthDetailRecognizerTest {
    private final HealthDetailRecognizer recognizer = new HealthDetailRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kayleigh celebrated 100 days self-harm free|self-harm free",
            "readmitted after an overdose|overdose",
            "his recovery from alcohol withdrawal|alcohol withdrawal",
            "Gareth, who has schizophrenia, gave a talk|schizophrenia",
            "started on clozapine last month|clozapine",
            "her stay on the eating disorders unit|eating disorders"})
    void healthDetailsAreFound(String text, String expected) {
        assertThat(Spans.texts(recognizer, text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Our staff choir raised £800 at the Christmas concert",
            "New parking arrangements start on 1 February",
            "Welcome to our new Medical Director"})
    void captionsWithoutHealthWordsHaveNone(String text) {
        assertThat(Spans.of(recognizer, text)).isEmpty();
    }
}
