package org.wardwatch.classifier.image.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.wardwatch.classifier.image.ImageAnalyzers;
import org.wardwatch.classifier.image.NativeThreads;
import org.wardwatch.classifier.image.OpenCvImageAnalyzer;
import org.wardwatch.classifier.image.eval.ImageBenchmark;
import org.wardwatch.classifier.image.faces.FaceDetectors;
import org.wardwatch.classifier.image.eval.ImageEvaluation;
import org.wardwatch.classifier.image.wounds.WoundTrainer;

/**
 * The image commands as plain Java, so they run and are tested without the picocli root; the
 * dashboard's {@code wardwatch} commands are thin wrappers over these methods. Each returns an exit code.
 */
public final class ImageCommands {
    private final PrintStream out;
    private final PrintStream err;

    public ImageCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code classify-image [--face-model FILE] PATH...} */
    public int classifyImage(Path faceModel, Path dataDir, List<Path> inputs) {
        OpenCvImageAnalyzer analyzer;
        try {
            analyzer = ImageAnalyzers.standard(faceModel, dataDir, m -> err.println("classify-image: " + m));
        } catch (IllegalArgumentException e) {
            err.println("classify-image: " + e.getMessage());
            return 2;
        }
        if (inputs.isEmpty()) {
            err.println("classify-image: no files or folders given");
            return 2;
        }
        return new ClassifyImages(analyzer, out, err, Runtime.getRuntime().availableProcessors()).run(inputs);
    }

    /** {@code train-wounds [--shared-data DIR] [--out FILE] [--epochs N] [--seed S]} */
    public int trainWounds(Path sharedData, Path outFile, int epochs, long seed) {
        if (!Files.isDirectory(sharedData.resolve("wounds"))) {
            err.println("train-wounds: " + sharedData + ": no wounds/ folder (the labelled data lives in ../shared/data)");
            return 2;
        }
        try {
            new WoundTrainer(out).train(new WoundTrainer.Options(sharedData, outFile, epochs, seed, 1024));
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("train-wounds: " + e.getMessage());
            return 1;
        }
    }

    /** {@code eval-images [--shared-data DIR] [--no-cascades]} */
    public int evalImages(Path sharedData, boolean cascades) {
        if (!Files.isDirectory(sharedData.resolve("faces-wider"))) {
            out.println("eval-images: skipped, " + sharedData + " has no labelled data (it lives in ../shared/data and is never committed)");
            return 0;
        }
        try {
            new ImageEvaluation(sharedData, out).run(cascades ? 1 : 0);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("eval-images: " + e.getMessage());
            return 1;
        }
    }

    /**
     * {@code bench-images [--face-model FILE] [--threads N] [--limit N] [--library-threads] FOLDER}
     *
     * @param libraryThreads let the native libraries split each photo over every core too (the old way), to compare
     */
    public int benchImages(Path faceModel, Path folder, int threads, int limit, boolean libraryThreads) {
        try {
            if (!libraryThreads) NativeThreads.onePerWorker(); // as the application runs (ImageAnalyzers.standard)
            // text reading is measured separately: Tesseract alone costs more than everything else together
            OpenCvImageAnalyzer analyzer = ImageAnalyzers.withFaces(
                    FaceDetectors.choose(faceModel, null, null, m -> err.println("bench-images: " + m)), null);
            out.println("faces, people, skin and wounds (text in images excluded); OpenCV, ND4J and OpenBLAS "
                    + (libraryThreads ? "on every core within each photo" : "on one thread a worker"));
            new ImageBenchmark(analyzer, out).run(folder, threads, limit);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("bench-images: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Plain entry point: {@code java ... ImageCommands COMMAND [options] ARGS}. */
    public static void main(String[] args) {
        System.exit(new ImageCommands(System.out, System.err).dispatch(args));
    }

    int dispatch(String[] args) {
        if (args.length == 0) {
            err.println("usage: classify-image|train-wounds|eval-images|bench-images [options] ...");
            return 2;
        }
        Path faceModel = null, data = Path.of("data"), shared = Path.of("../shared/data"), outFile = null;
        int epochs = WoundTrainer.Options.DEFAULT_EPOCHS, threads = Runtime.getRuntime().availableProcessors(), limit = Integer.MAX_VALUE;
        long seed = WoundTrainer.Options.DEFAULT_SEED;
        boolean cascades = true, libraryThreads = false;
        List<Path> rest = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--face-model" -> faceModel = Path.of(args[++i]);
                    case "--data" -> data = Path.of(args[++i]);
                    case "--shared-data" -> shared = Path.of(args[++i]);
                    case "--out" -> outFile = Path.of(args[++i]);
                    case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--limit" -> limit = Integer.parseInt(args[++i]);
                    case "--no-cascades" -> cascades = false;
                    case "--library-threads" -> libraryThreads = true;
                    default -> rest.add(Path.of(args[i]));
                }
            }
        } catch (RuntimeException e) {
            err.println(args[0] + ": bad option (" + e.getMessage() + ")");
            return 2;
        }
        return switch (args[0].toLowerCase(Locale.ROOT)) {
            case "classify-image" -> classifyImage(faceModel, data, rest);
            case "train-wounds" -> trainWounds(shared, outFile, epochs, seed);
            case "eval-images" -> evalImages(shared, cascades);
            case "bench-images" -> rest.size() == 1 ? benchImages(faceModel, rest.get(0), threads, limit, libraryThreads) : usage("bench-images FOLDER");
            default -> usage("classify-image|train-wounds|eval-images|bench-images");
        };
    }

    private int usage(String what) {
        err.println("usage: " + what);
        return 2;
    }
}
