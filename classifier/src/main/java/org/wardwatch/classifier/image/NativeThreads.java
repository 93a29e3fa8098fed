package org.wardwatch.classifier.image;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.opencv.core.Core;

/**
 * WardWatch analyses photos in parallel, one photo a worker thread (as many workers as cores). OpenCV,
 * ND4J's OpenMP and OpenBLAS would each also split every photo over all the cores, so 2 workers on 2
 * cores ran 4 to 6 busy threads that waited on each other at every layer; on a host shared with other
 * jobs OpenMP's spinning barriers made the tiny wound network cost several times its work. With the
 * libraries kept to one thread each, every core works on its own photo.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** Process-wide: OpenCV, ND4J and OpenBLAS each run a call on the calling thread alone. */
    public static void onePerWorker() {
        OpenCv.load();
        Core.setNumThreads(1);
        // (ND4J's setMaxThreads is fixed once its native side starts; the master threads and OpenMP are what it splits with)
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
    }

    /** OpenCV's thread count, for the test that checks the setting took. */
    public static int openCvThreads() {
        return Core.getNumThreads();
    }
}
