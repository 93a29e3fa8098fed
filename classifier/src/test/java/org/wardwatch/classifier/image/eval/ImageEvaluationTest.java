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

        // faces: YuNet with the second look. Precision meets its target; the recalls and FACE on
        // negatives/ do not yet, so they are held at the level measured (0.899, 0.794, 0.042)
        assertThat(f.get("yunet.precision")).isGreaterThanOrEqualTo(0.95);
        assertThat(f.get("yunet.recall50")).isGreaterThanOrEqualTo(0.89);
        assertThat(f.get("yunet.recall20")).isGreaterThanOrEqualTo(0.785);
        assertThat(f.get("yunet.negatives")).isLessThanOrEqualTo(0.05);
        // and it beats plain YuNet, measured again beside it, where the issue says it is weak
        assertThat(f.get("yunet.recall20")).isGreaterThan(f.get("plain.recall20"));
        assertThat(f.get("yunet.precision")).isGreaterThan(f.get("plain.precision") + 0.01);
        assertThat(f.get("yunet.negatives")).isLessThan(f.get("plain.negatives") / 2);
        // the cascades are the fallback: weaker, but they must still find a good share of large faces
        assertThat(f.get("cascades.recall50")).isGreaterThanOrEqualTo(0.30);
        // people
        assertThat(f.get("person.recall")).isGreaterThanOrEqualTo(0.95);
        assertThat(f.get("person.negatives")).isLessThanOrEqualTo(0.05);
        // skin, cross-validated
        assertThat(f.get("skin.f1")).isGreaterThanOrEqualTo(0.80);
        // wounds: recall is a target met on the photos the model never saw and on all; the false-alarm
        // targets are met on all photos (mostly trained on) but not on the few held out (1 of 18
        // negatives, 1 of 3 portraits), so those are guarded at the measured level
        assertThat(f.get("wound.recall.held-out")).isGreaterThanOrEqualTo(0.90);
        assertThat(f.get("wound.recall.all")).isGreaterThanOrEqualTo(0.90);
        assertThat(f.get("wound.negatives.all")).isLessThanOrEqualTo(0.03);
        assertThat(f.get("wound.skin.all")).isLessThanOrEqualTo(0.05);
        assertThat(f.get("wound.negatives.held-out")).isLessThanOrEqualTo(0.06);
        assertThat(f.get("wound.skin.held-out")).isLessThanOrEqualTo(0.34);
        assertThat(f.get("wound.iou.held-out")).isGreaterThan(0.10);
        // people photos never trained on: 0.078 measured with regions kept only where they lie on skin (0.101 before)
        assertThat(f.get("wound.faces-wider")).isLessThanOrEqualTo(0.08);
    }
}
