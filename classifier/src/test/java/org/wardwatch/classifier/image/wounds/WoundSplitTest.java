package org.wardwatch.classifier.image.wounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WoundSplitTest {
    @Test
    void medetecCopiesShareTheirOriginal() {
        assertThat(WoundSplit.original("foot-ulcer-0007_2.png")).isEqualTo("foot-ulcer-0007.png");
        assertThat(WoundSplit.original("foot-ulcer-0007.png")).isEqualTo("foot-ulcer-0007.png");
        assertThat(WoundSplit.original("foot-ulcer-2-3_3.png")).isEqualTo("foot-ulcer-2-3.png");
        assertThat(WoundSplit.original("0011.png")).isEqualTo("0011.png");
        assertThat(WoundSplit.original("n07745940_strawberry.JPEG")).isEqualTo("n07745940_strawberry.JPEG");
    }

    @Test
    void aboutOneImageInFiveIsHeldOutAndTheSplitIsStable() {
        int held = 0;
        for (int i = 0; i < 1000; i++) if (WoundSplit.heldOut(String.format("%04d.png", i))) held++;
        assertThat(held).isBetween(150, 250);
        assertThat(WoundSplit.heldOut("n07768694_pomegranate.JPEG")).isTrue();
        assertThat(WoundSplit.heldOut("n07745940_strawberry.JPEG")).isFalse();
    }
}
