package org.wardwatch.classifier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.classifier.image.GifBytes.BLACK;
import static org.wardwatch.classifier.image.GifBytes.BLUE;
import static org.wardwatch.classifier.image.GifBytes.CLEAR_TO_BACKGROUND;
import static org.wardwatch.classifier.image.GifBytes.GREEN;
import static org.wardwatch.classifier.image.GifBytes.KEEP;
import static org.wardwatch.classifier.image.GifBytes.OPAQUE;
import static org.wardwatch.classifier.image.GifBytes.RED;
import static org.wardwatch.classifier.image.GifBytes.RESTORE_PREVIOUS;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Animated GIFs as {@link ImageDecoder#eachPicture} hands them to the analyzer: sampled frames, as a viewer shows them. */
class GifAnimationTest {
    private final ImageDecoder decoder = new ImageDecoder();

    /** The colour at each point of each picture, as OpenCV's B, G, R. */
    private List<List<double[]>> colours(byte[] gif, int[]... points) {
        return decoder.eachPicture(gif, "animation.gif", picture -> Arrays.stream(points).map(p -> picture.bgr().get(p[1], p[0])).toList());
    }

    @Test
    void anAnimationIsLookedAtOnItsFirstMiddleAndLastFrames() {
        int[] order = {RED, GREEN, BLUE, BLACK, RED, GREEN, BLUE};
        GifBytes gif = new GifBytes(16, 16);
        for (int colour : order) gif.frame(0, 0, 16, 16, KEEP, OPAQUE, colour);

        List<List<double[]>> seen = colours(gif.bytes(), new int[] {8, 8});

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).get(0)).containsExactly(GifBytes.BGR[RED]);
        assertThat(seen.get(1).get(0)).containsExactly(GifBytes.BGR[BLACK]);
        assertThat(seen.get(2).get(0)).containsExactly(GifBytes.BGR[BLUE]);
    }

    @Test
    void aFrameThatRepaintsOnlyAPatchIsShownOverWhatCameBefore() {
        byte[] gif = new GifBytes(40, 40)
                .frame(0, 0, 40, 40, KEEP, OPAQUE, RED)
                .frame(0, 0, 20, 20, KEEP, OPAQUE, GREEN)
                .frame(20, 20, 20, 20, KEEP, OPAQUE, BLUE).bytes();

        List<double[]> last = colours(gif, new int[] {5, 5}, new int[] {30, 5}, new int[] {30, 30}).get(2);

        assertThat(last.get(0)).containsExactly(GifBytes.BGR[GREEN]);
        assertThat(last.get(1)).containsExactly(GifBytes.BGR[RED]);
        assertThat(last.get(2)).containsExactly(GifBytes.BGR[BLUE]);
    }

    @Test
    void eachFrameIsDisposedOfAsItSays() {
        byte[] cleared = new GifBytes(40, 40)
                .frame(0, 0, 40, 40, KEEP, OPAQUE, RED)
                .frame(0, 0, 20, 20, CLEAR_TO_BACKGROUND, OPAQUE, GREEN)
                .frame(20, 20, 20, 20, KEEP, OPAQUE, BLUE).bytes();
        byte[] restored = new GifBytes(40, 40)
                .frame(0, 0, 40, 40, KEEP, OPAQUE, RED)
                .frame(0, 0, 20, 20, RESTORE_PREVIOUS, OPAQUE, GREEN)
                .frame(20, 20, 20, 20, KEEP, OPAQUE, BLUE).bytes();

        // cleared to transparent, which is shown on white; restored to what was there before the green patch
        assertThat(colours(cleared, new int[] {5, 5}).get(2).get(0)).containsExactly(255, 255, 255);
        assertThat(colours(restored, new int[] {5, 5}).get(2).get(0)).containsExactly(GifBytes.BGR[RED]);
    }

    @Test
    void transparentPixelsLeaveWhatIsBelow() {
        // a whole-screen frame, all of it the transparent colour, shows the frame before it
        byte[] gif = new GifBytes(20, 20)
                .frame(0, 0, 20, 20, KEEP, OPAQUE, RED)
                .frame(0, 0, 20, 20, KEEP, GREEN, GREEN).bytes();

        List<List<double[]>> seen = colours(gif, new int[] {10, 10});

        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).get(0)).containsExactly(GifBytes.BGR[RED]);
    }

    @Test
    void framesBetweenTheSampledOnesAreSkippedOverNotDecoded() {
        // frame 2 declares 900 megapixels: decoding it would be refused, so a sampler that decoded every frame would fail
        GifBytes gif = new GifBytes(16, 16);
        int[] order = {RED, GREEN, BLUE, BLACK, GREEN, RED, BLUE, BLACK, BLUE};
        for (int i = 0; i < order.length; i++) {
            if (i == 2) gif.frame(0, 0, 30_000, 30_000, KEEP, OPAQUE, BLUE, 16 * 16);
            else gif.frame(0, 0, 16, 16, KEEP, OPAQUE, order[i]);
        }

        List<List<double[]>> seen = colours(gif.bytes(), new int[] {8, 8});

        assertThat(seen).extracting(p -> p.get(0)).containsExactly(GifBytes.BGR[RED], GifBytes.BGR[GREEN], GifBytes.BGR[BLUE]);
    }

    @Test
    void anOversizedFrameOnTheWayToASampleIsRefusedBeforeDecoding() {
        byte[] gif = new GifBytes(16, 16)
                .frame(0, 0, 16, 16, KEEP, OPAQUE, RED)
                .frame(0, 0, 30_000, 30_000, KEEP, OPAQUE, GREEN, 4)
                .frame(0, 0, 8, 8, KEEP, OPAQUE, BLUE).bytes();

        assertThatThrownBy(() -> colours(gif, new int[] {1, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("animation.gif: refused, declared size 30000x30000").hasMessageNotContaining("\n");
    }

    @Test
    void anAnimationCutShortIsLookedAtOnTheFramesItStillHas() {
        GifBytes gif = new GifBytes(16, 16);
        for (int colour : new int[] {RED, GREEN, BLUE, BLACK}) gif.frame(0, 0, 16, 16, KEEP, OPAQUE, colour);
        byte[] whole = gif.bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 40); // into the last frame's data

        List<List<double[]>> seen = colours(cut, new int[] {8, 8});

        assertThat(seen).extracting(p -> p.get(0)).containsExactly(GifBytes.BGR[RED], GifBytes.BGR[GREEN], GifBytes.BGR[BLUE]);
    }
}
