package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeRecognizerTest {
    private final AgeRecognizer recognizer = new AgeRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Harold, aged 92, on Oak Ward|92",
            "Well done to Connor (19) for finishing his course|19",
            "Mrs Shaw, 90, enjoying afternoon tea|90",
            "our 14-year-old artist|14",
            "Kian, who turned 100 this week|100",
            "Happy 80th birthday to Doreen|80th",
            "Stephen is 40 today|40",
            "Sixteen-year-old Amelia raised £500|Sixteen-year-old",
            "Happy 70th to Eddie on the rehab ward|70th"})
    void agesOfPeopleAreFound(String text, String expected) {
        assertThat(Spans.texts(recognizer, text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Over 65s can get their flu jab now",
            "People aged 18 to 25 can drop in every Wednesday",
            "Men aged 50 to 70 can ask their GP about a health check",
            "Volunteers aged 50 and over wanted for a memory study",
            "Children aged 2 and 3 can have the nasal spray",
            "Our 100-year-old hospital chapel has been restored",
            "Happy 75th birthday to the NHS!",
            "The trust celebrates its 30th birthday",
            "Ward 7, 12 beds, reopens on Monday",
            "Our volunteers gave 12,000 hours this year"})
    void ageBandsAndAgesOfThingsAreNot(String text) {
        assertThat(Spans.of(recognizer, text)).isEmpty();
    }
}
