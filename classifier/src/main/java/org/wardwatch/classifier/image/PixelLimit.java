package org.wardwatch.classifier.image;

/**
 * The largest picture WardWatch will decode, checked against sizes read from headers before any pixel is
 * decoded: a few hundred bytes can declare gigapixels (a pixel bomb).
 */
record PixelLimit(long maxPixels) {
    /** Beyond any real photo's side; also keeps width times height far from overflowing an int in the decoders. */
    static final int MAX_SIDE = 30_000;

    /** @throws Refused naming the image when the declared size is refused */
    void check(String name, long width, long height) {
        if (width <= 0 || height <= 0) throw new Refused(name + ": declares no pixels (" + width + "x" + height + ")");
        if (width > MAX_SIDE || height > MAX_SIDE || width * height > maxPixels) {
            throw new Refused(name + ": refused, declared size " + width + "x" + height
                    + " exceeds the limit of " + maxPixels + " pixels (" + MAX_SIDE + " a side)");
        }
    }

    /** Told apart from the IllegalArgumentExceptions a decoding library throws at corrupt data, which are reworded. */
    static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }
}
