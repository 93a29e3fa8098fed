package org.wardwatch.classifier.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.core.analysis.TextFinding;

class NhsNumberRecognizerTest {
    private final NhsNumberRecognizer recognizer = new NhsNumberRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "9434765919", "943-476-5919", "401 023 2137", "450 557 7104"})
    void validCheckDigitPasses(String number) {
        assertThat(NhsNumberRecognizer.passesModulus11(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5918", "123 456 7890", "000 000 0000", "4444444444", "943 476 591", "94347659190"})
    void wrongCheckDigitOrLengthFails(String number) {
        assertThat(NhsNumberRecognizer.passesModulus11(number)).isFalse();
    }

    @Test
    void nhsNumberWithContextIsConfident() {
        var found = Spans.of(recognizer, "NHS number 943 476 5919 – please send the letter");
        assertThat(found).extracting(TextFinding::text).containsExactly("943 476 5919");
        assertThat(found.get(0).score()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void ungroupedNumberWithContextIsFound() {
        var found = Spans.of(recognizer, "Pt NHS no: 9434765919");
        assertThat(found).extracting(TextFinding::text).containsExactly("9434765919");
        assertThat(found.get(0).score()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void checksumAloneIsNeverFullConfidence() {
        // Ten digits that pass mod 11 but have no NHS context: an order number, a reference, a phone-like string.
        for (String text : new String[] {"Order ref 9434765919 has shipped", "Call 401 023 2137 for tickets",
                "Raffle ticket 4505577104 wins the hamper"}) {
            var found = Spans.of(recognizer, text);
            assertThat(found).as(text).hasSize(1);
            assertThat(found.get(0).score()).as(text).isLessThan(0.5);
        }
    }

    @Test
    void failingChecksumIsNotReportedEvenWithContext() {
        assertThat(Spans.of(recognizer, "NHS number 123 456 7890")).isEmpty();
    }

    @Test
    void phoneNumbersAndMoneyAreNotNhsNumbers() {
        assertThat(Spans.of(recognizer, "Crisis line open 24/7 – call 0800 953 0110")).isEmpty();
        assertThat(Spans.of(recognizer, "Switchboard 01632 960 123 or +449434765919")).isEmpty();
        assertThat(Spans.of(recognizer, "We raised £9434765919 (not really)")).isEmpty();
    }
}
