package org.wardwatch.classifier.image.wounds;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.wardwatch.classifier.image.OpenCv;
import org.wardwatch.classifier.image.OpenCvImageAnalyzer;
import org.wardwatch.classifier.image.faces.FaceDetector;
import org.wardwatch.classifier.image.faces.FaceDetectors;
import org.wardwatch.classifier.image.faces.FaceModelFetcher;
import org.wardwatch.classifier.image.faces.Scaling;
import org.wardwatch.classifier.image.skin.SkinModel;
import org.wardwatch.core.analysis.Box;

/**
 * {@code wardwatch train-wounds}: trains the wound segmenter on {@code wounds/} (FUSeg and Medetec photos
 * with masks) against {@code negatives/} and {@code skin/} (no wounds anywhere), leaving out the
 * {@link WoundSplit held-out} fifth, and writes the weights. Deterministic for a given seed on one thread
 * count; a few minutes on two cores.
 */
public final class WoundTrainer {
    public record Options(Path data, Path out, int epochs, long seed, int batch) {
        public static final int DEFAULT_EPOCHS = 8;
        public static final long DEFAULT_SEED = 20261123L;
    }

    record Example(String name, Mat bgr, Mat mask) {
    }

    /**
     * The gate's cut-off. On the training photos every threshold from 0.5 to 0.9 passes no photo
     * without a wound; 0.8 leaves a margin below the highest of them and still passes 95% of the
     * wounds. (Measured afterwards: held out, 0.7 and 0.8 both pass every wound photo, and 0.8 flags
     * fewer faces-wider/ crowds; see MODEL-CARD.md.)
     */
    static final double GATE_THRESHOLD = 0.8;

    private final PrintStream log;

    public WoundTrainer(PrintStream log) {
        this.log = log;
        OpenCv.load();
    }

    public MultiLayerNetwork train(Options o) throws IOException {
        SkinModel skin = SkinModel.builtIn();
        List<Example> train = new ArrayList<>();
        int wounds = 0, clean = 0;
        int copies = 0;
        for (String set : List.of("wounds/fuseg", "wounds/medetec")) {
            List<Path> images = list(o.data().resolve(set).resolve("images"));
            // Medetec ships mirrored and turned copies of each photo: none is trained on when one is held out
            java.util.Set<String> heldOriginals = new java.util.HashSet<>();
            for (Path img : images) if (WoundSplit.heldOut(img.getFileName().toString())) heldOriginals.add(WoundSplit.original(img.getFileName().toString()));
            for (Path img : images) {
                String name = img.getFileName().toString();
                if (WoundSplit.heldOut(name)) continue;
                if (heldOriginals.contains(WoundSplit.original(name))) {
                    copies++;
                    continue;
                }
                Mat mask = WoundMasks.read(o.data().resolve(set).resolve("masks").resolve(img.getFileName()));
                Mat bgr = Imgcodecs.imread(img.toString(), Imgcodecs.IMREAD_COLOR);
                if (bgr.empty()) throw new IOException(img + ": unreadable photo");
                train.add(new Example(img.getFileName().toString(), bgr, mask));
                wounds++;
            }
        }
        for (Path img : concat(list(o.data().resolve("negatives")), list(o.data().resolve("skin/images")))) {
            if (WoundSplit.heldOut(img.getFileName().toString())) continue;
            Mat bgr = Imgcodecs.imread(img.toString(), Imgcodecs.IMREAD_COLOR);
            if (bgr.empty()) continue;
            train.add(new Example(img.getFileName().toString(), bgr, null));
            clean++;
        }
        log.printf("train-wounds: %d wound photos, %d without wounds (held out: one in five, and %d copies of held-out photos left unused), %d epochs, seed %d%n",
                wounds, clean, copies, o.epochs(), o.seed());
        DataSet all = toDataSet(train, skin, new Random(o.seed()));
        log.printf("%d cells to learn from%n", all.numExamples());
        MultiLayerNetwork net = WoundNetwork.create(o.seed());
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            long t0 = System.nanoTime();
            all.shuffle(o.seed() + epoch);
            double loss = 0;
            int batches = 0;
            for (DataSet batch : all.batchBy(o.batch())) {
                net.fit(batch);
                loss += net.score();
                batches++;
            }
            log.printf("epoch %d/%d  loss %.4f  %.1f s%n", epoch, o.epochs(), loss / batches, (System.nanoTime() - t0) / 1e9);
        }
        WoundGate gate = fitGate(net, train, o.data(), skin);
        if (o.out() != null) {
            Files.createDirectories(o.out().toAbsolutePath().getParent());
            ModelSerializer.writeModel(net, o.out().toFile(), false);
            log.printf("wrote %s (%d bytes)%n", o.out(), Files.size(o.out()));
            Path gateFile = o.out().toAbsolutePath().resolveSibling(WoundGate.RESOURCE);
            gate.write(gateFile);
            log.printf("wrote %s%n", gateFile);
        }
        return net;
    }

    /**
     * Fits the photo-level gate on the same training photos, seen as the analyzer sees them: the
     * working copy of at most {@value OpenCvImageAnalyzer#SKIN_SIDE} pixels, faces blanked.
     */
    private WoundGate fitGate(MultiLayerNetwork net, List<Example> examples, Path data, SkinModel skin) {
        Path model = data.resolve("models/yunet/" + FaceModelFetcher.FILE_NAME);
        FaceDetector faces = Files.isRegularFile(model) ? FaceDetectors.yunet(model) : null;
        if (faces == null) log.println("wound gate: no " + model + "; faces are not blanked while fitting");
        List<double[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        for (Example e : examples) {
            Scaling small = Scaling.fit(e.bgr(), OpenCvImageAnalyzer.SKIN_SIDE);
            Mat prob = skin.probability(small.image());
            float[] cells = WoundDetector.cells(net, small.image(), prob);
            List<Box> found = faces == null ? List.of() : faces.detect(e.bgr()).stream().map(small::toWorking).toList();
            WoundGate.blankFaces(cells, WoundFeatures.GRID, found, small.image().cols(), small.image().rows());
            xs.add(WoundGate.features(cells, small.image(), prob));
            ys.add(e.mask() != null);
            prob.release();
            if (small.image() != e.bgr()) small.image().release();
        }
        WoundGate gate = WoundGate.fit(xs, ys, GATE_THRESHOLD);
        int[] c = new int[4];
        for (int i = 0; i < xs.size(); i++) c[(ys.get(i) ? 2 : 0) + (gate.probability(xs.get(i)) >= GATE_THRESHOLD ? 1 : 0)]++;
        log.printf("wound gate at %.2f on the training photos: %d of %d wound photos pass, %d of %d without wounds%n",
                GATE_THRESHOLD, c[3], c[2] + c[3], c[1], c[0] + c[1]);
        return gate;
    }

    /**
     * One example per cell. Every cell that a wound touches is kept (wounds are the rare class); of
     * the cells without wound, one in six is kept at random.
     */
    private static DataSet toDataSet(List<Example> examples, SkinModel skin, Random random) {
        List<float[]> xs = new ArrayList<>();
        List<Float> ys = new ArrayList<>();
        for (Example e : examples) {
            Mat prob = skin.probability(e.bgr());
            float[][] f = WoundFeatures.compute(e.bgr(), prob);
            prob.release();
            float[] t = e.mask() == null ? new float[f.length] : WoundFeatures.target(e.mask());
            for (int k = 0; k < f.length; k++) {
                int copies = t[k] > 0.05f ? 1 : random.nextInt(6) == 0 ? 1 : 0;
                for (int c = 0; c < copies; c++) {
                    xs.add(f[k]);
                    ys.add(t[k]);
                }
            }
        }
        INDArray x = Nd4j.create(xs.toArray(new float[0][]));
        float[] y = new float[ys.size()];
        for (int i = 0; i < y.length; i++) y[i] = ys.get(i);
        return new DataSet(x, Nd4j.create(y, new long[] {y.length, 1}));
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": folder not found");
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }
}
