package org.wardwatch.classifier.image.wounds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.imgproc.Imgproc;
import org.wardwatch.core.analysis.Box;

/**
 * Does the photo as a whole show a wound? The cell network sees one cell and its neighbours, so a red
 * shirt, a pomegranate or flushed cheeks can light up a few cells; the photo-level pattern tells
 * them apart: how many cells light up and how strongly, how much of the photo is skin, and its overall
 * colour. A logistic regression over {@value #COUNT} such figures, fitted by {@code train-wounds} on
 * the training photos after the cell network. Cells under a detected face are left out first:
 * lips and cheeks are the commonest false wound on people.
 */
public record WoundGate(double[] mean, double[] scale, double[] weights, double threshold) {
    public static final String RESOURCE = "wound-gate.txt";
    public static final int COUNT = 14;

    /** The {@value #COUNT} photo-level figures, from the cell map (faces already blanked) and the photo's colour. */
    public static double[] features(float[] cells, Mat bgr, Mat skinProbability) {
        float[] sorted = cells.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double top10 = 0, top50 = 0, mean = 0, over3 = 0, over5 = 0, over7 = 0;
        for (int i = n - 10; i < n; i++) top10 += sorted[i] / 10;
        for (int i = n - 50; i < n; i++) top50 += sorted[i] / 50;
        for (float c : cells) {
            mean += c;
            if (c > 0.3) over3++;
            if (c > 0.5) over5++;
            if (c > 0.7) over7++;
        }
        Mat lab = new Mat();
        Imgproc.cvtColor(bgr, lab, Imgproc.COLOR_BGR2Lab);
        MatOfDouble mu = new MatOfDouble(), sd = new MatOfDouble();
        Core.meanStdDev(lab, mu, sd);
        lab.release();
        double[] m = mu.toArray(), s = sd.toArray();
        double skin = Core.mean(skinProbability).val[0] / 255.0;
        return new double[] {sorted[n - 1], top10, top50, mean / n * 10, over3 / n * 10, over5 / n * 10, over7 / n * 10, skin,
                m[0] / 255, m[1] / 255, m[2] / 255, s[0] / 64, s[1] / 64, s[2] / 64};
    }

    /** Sets the cells under each face (in {@code width} x {@code height} pixels, with a tenth's margin) to zero. */
    public static void blankFaces(float[] cells, int grid, List<Box> faces, int width, int height) {
        double gx = grid / (double) width, gy = grid / (double) height;
        for (Box f : faces) {
            int x0 = (int) Math.floor((f.x() - 0.1 * f.w()) * gx), x1 = (int) Math.ceil((f.x() + 1.1 * f.w()) * gx);
            int y0 = (int) Math.floor((f.y() - 0.1 * f.h()) * gy), y1 = (int) Math.ceil((f.y() + 1.1 * f.h()) * gy);
            for (int y = Math.max(0, y0); y < Math.min(grid, y1); y++) {
                for (int x = Math.max(0, x0); x < Math.min(grid, x1); x++) cells[y * grid + x] = 0;
            }
        }
    }

    public double probability(double[] x) {
        double z = weights[COUNT];
        for (int j = 0; j < COUNT; j++) z += weights[j] * (x[j] - mean[j]) / scale[j];
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Fits the regression: features standardised, both classes weighted equally whatever their counts,
     * a little L2, full-batch gradient descent from zero (so the same data always gives the same gate).
     */
    public static WoundGate fit(List<double[]> x, List<Boolean> wound, double threshold) {
        int n = x.size();
        double[] mu = new double[COUNT], sd = new double[COUNT];
        for (double[] r : x) for (int j = 0; j < COUNT; j++) mu[j] += r[j] / n;
        for (double[] r : x) for (int j = 0; j < COUNT; j++) sd[j] += Math.pow(r[j] - mu[j], 2) / n;
        for (int j = 0; j < COUNT; j++) sd[j] = Math.sqrt(sd[j]) + 1e-6;
        long positives = wound.stream().filter(b -> b).count(), negatives = n - positives;
        if (positives == 0 || negatives == 0) throw new IllegalArgumentException("the wound gate needs photos with and without wounds");
        WoundGate gate = new WoundGate(mu, sd, new double[COUNT + 1], threshold);
        double[] w = gate.weights();
        for (int step = 0; step < 3000; step++) {
            double[] g = new double[COUNT + 1];
            for (int i = 0; i < n; i++) {
                double[] r = x.get(i);
                double error = (gate.probability(r) - (wound.get(i) ? 1 : 0)) / (wound.get(i) ? positives : negatives);
                for (int j = 0; j < COUNT; j++) g[j] += error * (r[j] - mu[j]) / sd[j];
                g[COUNT] += error;
            }
            for (int j = 0; j < COUNT; j++) g[j] += 1e-3 * w[j];
            for (int j = 0; j <= COUNT; j++) w[j] -= 0.5 * g[j];
        }
        return gate;
    }

    /** The committed gate, or null when the jar carries none. */
    public static WoundGate builtIn() {
        try (InputStream in = WoundGate.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Four lines: threshold, means, scales, weights (the last is the bias); '#' lines are comments. */
    public static WoundGate read(InputStream in) throws IOException {
        List<double[]> rows = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> Arrays.stream(l.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray()).toList();
        if (rows.size() != 4 || rows.get(1).length != COUNT || rows.get(2).length != COUNT || rows.get(3).length != COUNT + 1) {
            throw new IOException("wound gate: expected threshold, " + COUNT + " means, " + COUNT + " scales and " + (COUNT + 1) + " weights");
        }
        return new WoundGate(rows.get(1), rows.get(2), rows.get(3), rows.get(0)[0]);
    }

    public void write(Path file) throws IOException {
        String text = "# wound gate (see MODEL-CARD.md): threshold, feature means, feature scales, weights with the bias last\n"
                + line(new double[] {threshold}) + line(mean) + line(scale) + line(weights);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String line(double[] v) {
        return Arrays.stream(v).mapToObj(d -> String.format(Locale.ROOT, "%.9g", d)).collect(Collectors.joining(" ")) + "\n";
    }
}
