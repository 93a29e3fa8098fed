package org.wardwatch.classifier.model;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The learned caption model at run time: a one-hidden-layer network (hashed features, ReLU, softmax
 * over identifying / patient_context / benign) trained with deeplearning4j by {@link CaptionModelTrainer}
 * and exported as plain weights. Inference is a sparse dot product in plain Java, so classifying needs
 * neither nd4j's native libraries nor their seconds of start-up, and the immutable weights make it
 * safe to share across threads.
 */
public final class CaptionModel {
    public static final int IDENTIFYING = 0;
    public static final int PATIENT_CONTEXT = 1;
    public static final int BENIGN = 2;
    public static final List<String> LABELS = List.of("identifying", "patient_context", "benign");
    public static final String RESOURCE = "caption-model.bin";

    private static final int MAGIC = 0x5757434d; // "WWCM"
    private static final int VERSION = 1;

    private final CaptionFeatures features;
    private final int hidden;
    private final int classes;
    private final float[] w1; // dimension x hidden, row major
    private final float[] b1;
    private final float[] w2; // hidden x classes, row major
    private final float[] b2;

    public CaptionModel(int dimension, int hidden, int classes, float[] w1, float[] b1, float[] w2, float[] b2) {
        if (w1.length != dimension * hidden || b1.length != hidden || w2.length != hidden * classes || b2.length != classes)
            throw new IllegalArgumentException("weight shapes do not match " + dimension + "x" + hidden + "x" + classes);
        this.features = new CaptionFeatures(dimension);
        this.hidden = hidden;
        this.classes = classes;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    /** The model shipped in the classifier jar, or empty when none has been trained yet. */
    public static Optional<CaptionModel> bundled() {
        try (InputStream in = CaptionModel.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled caption model", e);
        }
    }

    public CaptionFeatures features() {
        return features;
    }

    /** Class probabilities in the order of {@link #LABELS}. */
    public float[] predict(String text, List<String> cues) {
        CaptionFeatures.Sparse x = features.extract(text, cues);
        float[] h = b1.clone();
        for (int k = 0; k < x.size(); k++) {
            int row = x.index()[k] * hidden;
            float v = x.value()[k];
            for (int j = 0; j < hidden; j++) h[j] += v * w1[row + j];
        }
        float[] z = b2.clone();
        for (int j = 0; j < hidden; j++) {
            float a = Math.max(0, h[j]);
            if (a == 0) continue;
            for (int c = 0; c < classes; c++) z[c] += a * w2[j * classes + c];
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) max = Math.max(max, v);
        float sum = 0;
        for (int c = 0; c < classes; c++) {
            z[c] = (float) Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < classes; c++) z[c] /= sum;
        return z;
    }

    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(features.dimension());
        d.writeInt(hidden);
        d.writeInt(classes);
        for (float[] a : new float[][] {w1, b1, w2, b2}) for (float v : a) d.writeFloat(v);
        d.flush();
    }

    public static CaptionModel read(InputStream raw) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(raw));
        if (d.readInt() != MAGIC) throw new IOException("not a WardWatch caption model (bad magic number)");
        int version = d.readInt();
        if (version != VERSION) throw new IOException("caption model version " + version + " is not supported (expected " + VERSION + ")");
        int dimension = d.readInt();
        int hidden = d.readInt();
        int classes = d.readInt();
        float[] w1 = floats(d, dimension * hidden);
        float[] b1 = floats(d, hidden);
        float[] w2 = floats(d, hidden * classes);
        float[] b2 = floats(d, classes);
        return new CaptionModel(dimension, hidden, classes, w1, b1, w2, b2);
    }

    private static float[] floats(DataInputStream d, int n) throws IOException {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = d.readFloat();
        return out;
    }
}
