package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WardOrBedRecognizerTest {
    private final WardOrBedRecognizer recognizer = new WardOrBedRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The gentleman in Bed 4 is going home|Bed 4",
            "Frank (room 7) let us share his story|room 7",
            "Happy birthday to Doreen on Willow Ward|Willow Ward",
            "Admitted to Ward 23 overnight|Ward 23",
            "Lewis has been with us on the PICU|the PICU",
            "Moved to side room 2 on the ward|side room 2",
            "Patients on the low secure unit built a bench|the low secure unit"})
    void wardsBedsAndRoomsAreFound(String text, String expected) {
        assertThat(Spans.texts(recognizer, text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Open day at Willow House on Saturday",
            "The staff wellbeing hub opens in the Jubilee Building",
            "Team brief in meeting room 3 at 9am",
            "Training in conference room 2",
            "Welcome to our new Medical Director"})
    void venuesAndMeetingRoomsAreNot(String text) {
        assertThat(Spans.of(recognizer, text)).isEmpty();
    }
}
