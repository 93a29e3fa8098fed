package org.wardwatch.classifier.image.faces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Chooses the face detector: the YuNet model named by configuration or {@code --face-model}; otherwise
 * the copy in the data directory, fetched once from the pinned URL; and when that fails (no network),
 * the cascades, with one message saying so.
 */
public final class FaceDetectors {
    /** The operating point measured on faces-wider (see the classifier README). */
    public static final float YUNET_THRESHOLD = 0.6f;
    public static final int MAX_SIDE = 1024;

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
            return new YuNetFaceDetector(explicitModel, YUNET_THRESHOLD, MAX_SIDE);
        }
        if (modelDir != null && fetcher != null) {
            try {
                return new YuNetFaceDetector(fetcher.fetchInto(modelDir), YUNET_THRESHOLD, MAX_SIDE);
            } catch (IOException | RuntimeException e) {
                notice.accept("face model unavailable (" + e.getMessage() + "); using the built-in cascades, which miss more small and turned faces");
                return new CascadeFaceDetector(MAX_SIDE);
            }
        }
        notice.accept("no face model configured; using the built-in cascades, which miss more small and turned faces");
        return new CascadeFaceDetector(MAX_SIDE);
    }
}
