package org.wardwatch.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.wardwatch.dashboard.review.CaseDetail.CaptionPart;
import org.wardwatch.dashboard.review.CaseDetail.Finding;

class CaptionsTest {
    static Finding name(int start, int end) {
        return new Finding(1, null, "caption", "PERSON_NAME", "Doreen", start, end, null, null, null, null, 0.9);
    }

    @Test
    void aShortCaptionIsShownWholeWithItsSpanHighlighted() {
        List<CaptionPart> parts = Captions.split("Happy birthday Doreen!", List.of(name(15, 21)));
        assertThat(parts).extracting(CaptionPart::text).containsExactly("Happy birthday ", "Doreen", "!");
        assertThat(parts.get(1).flagged()).isTrue();
    }

    @Test
    void aMillionCharacterCaptionShowsItsStartAndTheTextAroundAFarSpan() {
        String text = "a".repeat(900_000) + "Doreen" + "b".repeat(99_994);
        List<CaptionPart> parts = Captions.split(text, List.of(name(900_000, 900_006)));
        int shown = parts.stream().filter(p -> !p.text().contains("not shown")).mapToInt(p -> p.text().length()).sum();
        assertThat(shown).isEqualTo(Captions.SHOWN + 2 * Captions.AROUND + 6);
        assertThat(parts).filteredOn(CaptionPart::flagged).extracting(CaptionPart::text).containsExactly("Doreen");
        assertThat(parts).extracting(CaptionPart::text)
                .contains(" … 879,700 characters not shown … ", " … 99,694 characters not shown … ");
    }
}
