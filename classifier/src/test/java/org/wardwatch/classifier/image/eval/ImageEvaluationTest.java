package org.wardwatch.classifier.image.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.wardwatch.core.testing.SharedData;

/**
 * Runs {@code wardwatch eval-images} over ../shared/data (skipped when absent) and checks the figures.
 * Targets the classifier meets are asserted as targets; the ones it does not yet meet are asserted at
 * the level measured when this was written, so a regression fails, and README lists them as open.
 */
class ImageEvaluationTest {
    @Test
    void theImageFiguresOnTheLabelledData() throws Exception {
        Path data = SharedData.require("faces-wider");
        // printed as it goes: the figures are the point of this test, and CI logs keep them
        ImageEvaluation.Figures f = new ImageEvaluation(data.getParent(), System.out).run(3);

        // faces: plain YuNet at 0.6 (the verification that would beat the baseline is not built yet)
        assertThat(f.get("yunet.recall50")).isGreaterThanOrEqualTo(0.88);
        assertThat(f.get("yunet.recall20")).isGreaterThanOrEqualTo(0.75);
        assertThat(f.get("yunet.precision")).isGreaterThanOrEqualTo(0.92);
        assertThat(f.get("yunet.negatives")).isLessThanOrEqualTo(0.20);
        // the cascades are the fallback: weaker, but they must still find a good share of large faces
        assertThat(f.get("cascades.recall50")).isGreaterThanOrEqualTo(0.30);
        // people
        assertThat(f.get("person.recall")).isGreaterThanOrEqualTo(0.95);
        assertThat(f.get("person.negatives")).isLessThanOrEqualTo(0.16);
        // skin, cross-validated
        assertThat(f.get("skin.f1")).isGreaterThanOrEqualTo(0.80);
        // wounds: on the images the model never saw, and on every photo without people
        assertThat(f.get("wound.recall.held-out")).isGreaterThanOrEqualTo(0.35);
        assertThat(f.get("wound.iou.held-out")).isGreaterThan(0.05);
        assertThat(f.get("wound.negatives.all")).isLessThanOrEqualTo(0.05);
    }
}
