package org.wardwatch.classifier.image.wounds;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed split between training and held-out images: one image in five, chosen by a stable hash of
 * its file name, is never trained on, so the figures reported on it are honest. Medetec ships each photo
 * also mirrored or turned ({@code foot-ulcer-0007.png}, {@code foot-ulcer-0007_1.png} to {@code _3}),
 * so {@link #original} groups the copies: a photo is trained on only when no copy of it is held out.
 */
public final class WoundSplit {
    private static final Pattern COPY = Pattern.compile("(.*?)(_[0-9])?(\\.[A-Za-z]+)$");

    private WoundSplit() {
    }

    public static boolean heldOut(String fileName) {
        return Math.floorMod(fileName.hashCode() * 0x9E3779B1, 5) == 0;
    }

    /** The name shared by a photo and its copies, for keeping them in one cross-validation fold. */
    public static String original(String fileName) {
        Matcher m = COPY.matcher(fileName);
        return m.matches() ? m.group(1) + m.group(3) : fileName;
    }
}
