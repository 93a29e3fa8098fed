package org.wardwatch.classifier.image.wounds;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * What the wound network sees: the photo cut into a {@value #GRID}x{@value #GRID} grid of cells, each
 * described by its colour (CIELAB means and spread, saturation), its skin probability, the same around
 * it, how much redder and darker it is than its surroundings, and the photo's overall skin and
 * redness. Colour contrast against surrounding skin is what tells a wound from red food on a plate.
 */
public final class WoundFeatures {
    public static final int GRID = 32;
    public static final int COUNT = 18;
    private static final int WORK = GRID * 8;

    private WoundFeatures() {
    }

    /** One row of {@link #COUNT} features per cell, row-major over the grid. */
    public static float[][] compute(Mat bgr, Mat skinProbability) {
        Mat small = new Mat();
        Imgproc.resize(bgr, small, new Size(WORK, WORK), 0, 0, Imgproc.INTER_AREA);
        Mat lab = new Mat();
        Imgproc.cvtColor(small, lab, Imgproc.COLOR_BGR2Lab);
        Mat hsv = new Mat();
        Imgproc.cvtColor(small, hsv, Imgproc.COLOR_BGR2HSV);
        Mat labF = new Mat();
        lab.convertTo(labF, CvType.CV_32FC3, 1 / 255.0);
        List<Mat> labCh = new ArrayList<>();
        Core.split(labF, labCh);
        List<Mat> hsvCh = new ArrayList<>();
        Core.split(hsv, hsvCh);
        Mat sat = new Mat();
        hsvCh.get(1).convertTo(sat, CvType.CV_32F, 1 / 255.0);
        Mat skin = new Mat();
        Imgproc.resize(skinProbability, skin, new Size(WORK, WORK), 0, 0, Imgproc.INTER_AREA);
        skin.convertTo(skin, CvType.CV_32F, 1 / 255.0);

        Mat[] mean = new Mat[3], std = new Mat[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = cellMean(labCh.get(c));
            Mat sq = new Mat();
            Core.multiply(labCh.get(c), labCh.get(c), sq);
            Mat meanSq = cellMean(sq);
            Mat var = new Mat();
            Core.subtract(meanSq, mean[c].mul(mean[c]), var);
            Core.max(var, new Scalar(0), var);
            std[c] = new Mat();
            Core.sqrt(var, std[c]);
        }
        Mat skinCell = cellMean(skin);
        Mat satCell = cellMean(sat);
        Mat[] around = new Mat[4];
        Mat[] src = {mean[0], mean[1], mean[2], skinCell};
        for (int i = 0; i < 4; i++) {
            around[i] = new Mat();
            Imgproc.blur(src[i], around[i], new Size(7, 7), new org.opencv.core.Point(-1, -1), Core.BORDER_REFLECT);
        }
        double globalSkin = Core.mean(skinCell).val[0], globalA = Core.mean(mean[1]).val[0];
        double globalSat = Core.mean(satCell).val[0];

        float[][] rows = new float[GRID * GRID][COUNT];
        float[][] maps = new float[13][GRID * GRID];
        Mat[] all = {mean[0], mean[1], mean[2], std[0], std[1], std[2], skinCell, satCell, around[0], around[1], around[2], around[3]};
        for (int i = 0; i < all.length; i++) all[i].get(0, 0, maps[i]);
        for (int k = 0; k < GRID * GRID; k++) {
            float[] r = rows[k];
            for (int i = 0; i < 12; i++) r[i] = maps[i][k];
            r[12] = (maps[1][k] - maps[9][k]) * 4;  // redder than around
            r[13] = (maps[0][k] - maps[8][k]) * 4;  // darker or lighter than around
            r[14] = (maps[2][k] - maps[10][k]) * 4; // yellower (slough) than around
            r[15] = (float) globalSkin;
            r[16] = (float) globalA;
            r[17] = (float) globalSat;
        }
        for (Mat m : List.of(small, lab, hsv, labF, sat, skin)) m.release();
        return rows;
    }

    private static Mat cellMean(Mat m) {
        Mat r = new Mat();
        Imgproc.resize(m, r, new Size(GRID, GRID), 0, 0, Imgproc.INTER_AREA);
        return r;
    }

    /** The share of each cell the mask (255 = wound, as {@link WoundMasks} reads it) covers, row-major. */
    public static float[] target(Mat mask) {
        Mat bin = new Mat();
        Imgproc.threshold(mask, bin, 127, 255, Imgproc.THRESH_BINARY);
        Mat f = new Mat();
        bin.convertTo(f, CvType.CV_32F, 1 / 255.0);
        Mat cells = cellMean(f);
        float[] t = new float[GRID * GRID];
        cells.get(0, 0, t);
        bin.release();
        f.release();
        cells.release();
        return t;
    }
}
