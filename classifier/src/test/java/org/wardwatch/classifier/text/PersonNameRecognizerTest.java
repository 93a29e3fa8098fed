package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameRecognizerTest {
    private final PersonNameRecognizer recognizer = new PersonNameRecognizer(NameLexicon.shared());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Happy 80th birthday to Doreen on Willow Ward|Doreen",
            "Mum Jess and baby Freddie went home|Jess",
            "Mum Jess and baby Freddie went home|Freddie",
            "Congratulations to Staff Nurse Sarah Bennett on her promotion|Sarah Bennett",
            "Our service user Ben B. painted the mural|Ben B.",
            "Kieran M. wrote a poem|Kieran M.",
            "Bed 9, Mr Ali, transferred overnight|Ali",
            "Say hello to baby Yusra, born on Sunday|Yusra",
            "Well done to Tayo (22) for finishing his course|Tayo",
            "Goodbye to Marty who has been with us for 28 days|Marty",
            "Jordan has been on the ward for a week|Jordan",
            "Maureen's family came to visit|Maureen"})
    void namesAreFound(String text, String name) {
        assertThat(Spans.texts(recognizer, text)).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Please note visiting is suspended on Holly Ward today",
            "May is Mental Health Awareness Month",
            "Will you join our team? We are hiring",
            "Hope to see you at the open day in Hazel House",
            "Our CQC report is now published – rated Good overall",
            "The new staff wellbeing hub opens on Monday in the Jubilee Building",
            "Grace Court car park is closed",
            "Mark your diaries for the summer fete"})
    void placesAndOrdinaryWordsAreNotNames(String text) {
        assertThat(Spans.of(recognizer, text)).isEmpty();
    }

    @Test
    void nameListIsLoaded() {
        assertThat(NameLexicon.shared().firstNameCount()).isGreaterThan(1000);
        assertThat(NameLexicon.shared().surnameCount()).isGreaterThan(350);
        assertThat(NameLexicon.shared().isFirstName("doreen")).isTrue();
        assertThat(NameLexicon.shared().isSurname("bennett")).isTrue();
    }
}
