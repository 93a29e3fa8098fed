package org.wardwatch.classifier.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.wardwatch.classifier.text.LabelledCaption;

/**
 * The {@code wardwatch train-text} logic: reads the labelled corpus (the one bundled in the classifier
 * unless a file is given), reports a stratified k-fold cross-validation, trains on the whole corpus and
 * writes the model. Plain Java so that the command class stays thin and this stays testable.
 */
public final class TrainText {
    /** The corpus written for the project, bundled next to the model. */
    public static final String BUNDLED_CORPUS = "captions-corpus.tsv";
    /** Where the committed model lives in a source checkout, relative to the repository root. */
    public static final Path SOURCE_MODEL = Path.of("classifier/src/main/resources/org/wardwatch/classifier/model", CaptionModel.RESOURCE);

    private final CaptionModelTrainer trainer = new CaptionModelTrainer();

    public static List<LabelledCaption> readCorpus(Path file) throws IOException {
        if (file == null) {
            try (InputStream in = TrainText.class.getResourceAsStream(BUNDLED_CORPUS)) {
                if (in == null) throw new IOException("the bundled corpus " + BUNDLED_CORPUS + " is missing from the classifier jar");
                return LabelledCaption.readTsv(in, BUNDLED_CORPUS);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return LabelledCaption.readTsv(in, file.toString());
        }
    }

    /** Cross-validates (when folds > 1), trains on everything and writes the model to {@code out}; returns the model. */
    public CaptionModel run(Path corpusFile, Path out, CaptionModelTrainer.Settings settings, int folds, PrintWriter log)
            throws IOException {
        List<LabelledCaption> corpus = readCorpus(corpusFile);
        long counts[] = new long[3];
        for (LabelledCaption c : corpus) counts[CaptionModel.LABELS.indexOf(c.label())]++;
        log.printf(Locale.ROOT, "corpus: %s, %d captions (identifying %d, patient_context %d, benign %d)%n",
                corpusFile == null ? "bundled " + BUNDLED_CORPUS : corpusFile, corpus.size(), counts[0], counts[1], counts[2]);
        log.printf(Locale.ROOT, "settings: %s%n", settings);
        long start = System.nanoTime();
        if (folds > 1) {
            CaptionModelTrainer.CrossValidation cv = trainer.crossValidate(corpus, folds, settings);
            log.printf(Locale.ROOT, "%d-fold cross-validation, recognizers + model on held-out folds: %s%n", folds, cv.blended());
            log.printf(Locale.ROOT, "  same folds, recognizers only: %s%n", cv.rulesOnly());
            log.printf(Locale.ROOT, "  model alone, 3-label accuracy on held-out folds: %.3f%n", cv.modelAccuracy());
        }
        CaptionModel model = trainer.train(corpus, settings);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        log.printf(Locale.ROOT, "wrote %s (%d bytes) in %.1f s%n", out, Files.size(out), (System.nanoTime() - start) / 1e9);
        log.flush();
        return model;
    }
}
