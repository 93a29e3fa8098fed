package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateOfBirthRecognizerTest {
    private final DateOfBirthRecognizer recognizer = new DateOfBirthRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bed 9, Mr Ali, DOB 17/08/1962, transferred overnight|17/08/1962",
            "D.O.B. 21.04.1988 please confirm|21.04.1988",
            "date of birth: 1949-06-12|1949-06-12",
            "Patient Dennis Price, born 2 March 1940, loves gardening|2 March 1940",
            "born on the 14th of February 1938|14th of February 1938",
            "DOB March 3, 1957 on the ward list|March 3, 1957",
            "dob 3-11-57|3-11-57",
            "Mr Holmes, born in 1942, won the quiz|1942",
            "Baby Rosie was born on 3 May on the unit|3 May"})
    void datesAfterABirthCueAreDatesOfBirth(String text, String expected) {
        assertThat(Spans.texts(recognizer, text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "New parking arrangements for staff start on 1 February",
            "Our board meets on 14/03/2025 at the Education Centre",
            "The NHS was born on 5 July 1948",
            "Our trust was born in 2002 from a merger",
            "Training on 12 June 2025 in Willow House"})
    void eventDatesAndOrganisationBirthsAreNot(String text) {
        assertThat(Spans.of(recognizer, text)).isEmpty();
    }
}
