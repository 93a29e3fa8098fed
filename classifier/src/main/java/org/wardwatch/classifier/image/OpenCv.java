package org.wardwatch.classifier.image;

/** Loads OpenCV's native library (bundled in the openpnp jar) once per JVM, before any org.opencv call. */
public final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static void load() {
        if (loaded) return;
        synchronized (OpenCv.class) {
            if (!loaded) {
                nu.pattern.OpenCV.loadLocally();
                loaded = true;
            }
        }
    }
}
