package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CareEventRecognizerTest {
    private final CareEventRecognizer recognizer = new CareEventRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Welcome back to Wayne who was readmitted at the weekend|readmitted",
            "She was discharged today after 11 weeks|discharged",
            "His first escorted leave since being sectioned|escorted leave",
            "His first escorted leave since being sectioned|sectioned",
            "Detained under Section 136 overnight|Section 136",
            "Now on a Section 3|Section 3",
            "Finished his detox this week|detox",
            "She won her tribunal|tribunal",
            "Transferred to the acute medical unit overnight|Transferred to",
            "Lewis has been with us on the PICU|been with us",
            "Admitted to Bay 2 overnight|Admitted"})
    void careEventsAreFound(String text, String expected) {
        assertThat(Spans.texts(recognizer, text)).anyMatch(span -> span.contains(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sam is on annual leave until Monday",
            "Our maternity leave policy has been updated",
            "Emma has transferred to a new role in Leeds",
            "Free admission to the summer fete",
            "Come to the discharge lounge to collect your medicines"})
    void staffLeaveAndTicketsAreNot(String text) {
        assertThat(Spans.of(recognizer, text)).isEmpty();
    }
}
