package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaffRecognizersTest {
    private final StaffRoleRecognizer roles = new StaffRoleRecognizer();
    private final StaffEventRecognizer events = new StaffEventRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Congratulations to Staff Nurse Sarah Bennett|Staff Nurse",
            "Welcome to Dr Oliver Grant|Dr",
            "Well done to HCA Marcus Reid|HCA",
            "our ward clerk Denise|ward clerk",
            "our new Medical Director|Medical Director",
            "Student nurse Ethan talks about placement|Student nurse",
            "Our OT Priya ran the group|OT"})
    void titlesAndRolesAreFound(String text, String expected) {
        assertThat(Spans.texts(roles, text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"on her promotion", "Happy retirement to Joan", "who joins us this week",
            "We are hiring Band 6 nurses", "our Employee of the Month", "has qualified as a nurse"})
    void staffNewsIsFound(String text) {
        assertThat(Spans.of(events, text)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patients enjoyed a karaoke afternoon", "Happy 80th birthday to Doreen"})
    void patientNewsIsNotStaffNews(String text) {
        assertThat(Spans.of(events, text)).isEmpty();
        assertThat(Spans.of(roles, text)).isEmpty();
    }
}
