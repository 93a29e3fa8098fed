package org.wardwatch.classifier.image.faces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chooses the face detector: the YuNet model named by configuration or {@code --face-model}; otherwise
 * the copy in the data directory, fetched once from the pinned URL; and when that fails (no network),
 * the cascades, with one message saying so.
 */
public final class FaceDetectors {
    /** Plain YuNet's operating point, the baseline measured on faces-wider (see classifier/IMAGES.md). */
    public static final float YUNET_THRESHOLD = 0.6f;
    public static final int MAX_SIDE = 1024;
    /**
     * The second look's thresholds by face size in working pixels, tuned on faces-wider/ and
     * negatives/ (classifier/IMAGES.md), where 4 numbers were chosen by looking at both: boxes of 128
     * pixels and more need the most certainty, as that is where animal faces are taken for people.
     */
    public static final List<SecondLookFaceDetector.SizeThreshold> SECOND_LOOK_THRESHOLDS = List.of(
            new SecondLookFaceDetector.SizeThreshold(0, 0.6),
            new SecondLookFaceDetector.SizeThreshold(32, 0.6),
            new SecondLookFaceDetector.SizeThreshold(64, 0.55),
            new SecondLookFaceDetector.SizeThreshold(128, 0.75));

    private FaceDetectors() {
    }

    /**
     * @param explicitModel a model file the user named, or null
     * @param modelDir      where a fetched model is kept (under the data directory), or null for no fetch
     * @param fetcher       the downloader, or null for no fetch
     * @param notice        receives the single line explaining a fallback
     * @throws IllegalArgumentException when an explicitly named model is missing or unloadable
     */
    public static FaceDetector choose(Path explicitModel, Path modelDir, FaceModelFetcher fetcher, Consumer<String> notice) {
        if (explicitModel != null) {
            if (!Files.isRegularFile(explicitModel)) throw new IllegalArgumentException(explicitModel + ": face model file not found");
            return yunet(explicitModel);
        }
        if (modelDir != null && fetcher != null) {
            try {
                return yunet(fetcher.fetchInto(modelDir));
            } catch (IOException | RuntimeException e) {
                notice.accept("face model unavailable (" + e.getMessage() + "); using the built-in cascades, which miss more small and turned faces");
                return new CascadeFaceDetector(MAX_SIDE);
            }
        }
        notice.accept("no face model configured; using the built-in cascades, which miss more small and turned faces");
        return new CascadeFaceDetector(MAX_SIDE);
    }

    /** The detector WardWatch uses with a YuNet model: candidates from YuNet, each looked at again. */
    public static FaceDetector yunet(Path model) {
        return new SecondLookFaceDetector(model, SECOND_LOOK_THRESHOLDS, MAX_SIDE);
    }
}
