package org.wardwatch.core.analysis;

/** Image analysis: implemented by the classifier module. Must be safe to call from several threads. */
public interface ImageAnalyzer {
    /**
     * @param image the encoded image (JPEG, PNG, WebP...) as downloaded
     * @param name  where it came from, for error messages
     * @throws IllegalArgumentException with a one-line message when the image is corrupt or refused
     */
    ImageAnalysis analyze(byte[] image, String name);
}
