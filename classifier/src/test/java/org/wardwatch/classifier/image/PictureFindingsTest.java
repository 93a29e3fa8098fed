package org.wardwatch.classifier.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.wardwatch.core.analysis.Box;

class PictureFindingsTest {
    private static PictureFindings frame(List<Box> faces, double skin, String text) {
        return new PictureFindings(400, 300, faces, List.of(new Box(0, 0, 100, 300, 0.6)), List.of(), skin, text);
    }

    @Test
    void aStillIsItsOwnFindings() {
        PictureFindings still = frame(List.of(new Box(10, 10, 50, 50, 0.7)), 0.2, "WARD 7");

        assertThat(PictureFindings.merge(List.of(still))).isSameAs(still);
    }

    @Test
    void whatAnyFrameShowsCountsAndAThingSeenAgainIsKeptOnceAtItsBestScore() {
        Box face = new Box(10, 10, 50, 50, 0.7);
        Box sameFaceLater = new Box(13, 11, 50, 50, 0.9);
        Box anotherFace = new Box(200, 120, 40, 40, 0.8);

        PictureFindings merged = PictureFindings.merge(List.of(
                frame(List.of(face), 0.1, null),
                frame(List.of(sameFaceLater, anotherFace), 0.3, "WARD 7"),
                frame(List.of(), 0.2, "WARD 7")));

        assertThat(merged.faces()).containsExactly(sameFaceLater, anotherFace);
        assertThat(merged.people()).hasSize(1);
        assertThat(merged.skinFraction()).isEqualTo(0.3);
        assertThat(merged.text()).isEqualTo("WARD 7");
        assertThat(merged.width()).isEqualTo(400);
    }

    @Test
    void boxesOfOneFrameAreNeverMergedWithEachOther() {
        // the detector kept both: two people standing close, say
        Box a = new Box(10, 10, 50, 50, 0.7), b = new Box(15, 12, 50, 50, 0.8);

        PictureFindings merged = PictureFindings.merge(List.of(frame(List.of(), 0, "Bay 3"), frame(List.of(a, b), 0, "Doreen Mills")));

        assertThat(merged.faces()).containsExactly(a, b);
        assertThat(merged.text()).isEqualTo("Bay 3\nDoreen Mills");
    }
}
