package org.wardwatch.classifier.image.wounds;

/**
 * The fixed split between training and held-out images: one image in five, chosen by a stable hash of
 * its file name, is never trained on, so the figures reported on it are honest.
 */
public final class WoundSplit {
    private WoundSplit() {
    }

    public static boolean heldOut(String fileName) {
        return Math.floorMod(fileName.hashCode() * 0x9E3779B1, 5) == 0;
    }
}
