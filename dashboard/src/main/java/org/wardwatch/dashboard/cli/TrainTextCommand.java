package org.wardwatch.dashboard.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.wardwatch.classifier.model.CaptionModelTrainer;
import org.wardwatch.classifier.model.TrainText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-text", description = {
        "Train the caption model with deeplearning4j on a labelled corpus (label<TAB>text; labels identifying,",
        "patient_context, benign), print a stratified k-fold cross-validation, and write the model.",
        "Without --corpus the corpus bundled with the classifier is used; without --out the model is written",
        "into the source tree (" + "classifier/src/main/resources/org/wardwatch/classifier/model/caption-model.bin" + ")",
        "when run from a checkout. The same corpus, settings and seed give the same model."})
final class TrainTextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "FILE", description = "Labelled captions (TSV with a label<TAB>text header).")
    Path corpus;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds; 0 or 1 skips it (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--epochs", description = "Training epochs (default: the committed model's, 80).")
    Integer epochs;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Path target = out;
        if (target == null) {
            if (!Files.isDirectory(TrainText.SOURCE_MODEL.getParent())) {
                err.println("wardwatch train-text: not in a source checkout (no " + TrainText.SOURCE_MODEL.getParent() + "); give --out FILE");
                return 2;
            }
            target = TrainText.SOURCE_MODEL;
        }
        CaptionModelTrainer.Settings d = CaptionModelTrainer.Settings.DEFAULTS;
        CaptionModelTrainer.Settings settings = new CaptionModelTrainer.Settings(d.dimension(), d.hidden(),
                epochs == null ? d.epochs() : epochs, d.learningRate(), d.l2(), seed);
        var log = spec.commandLine().getOut();
        try {
            new TrainText().run(corpus, target, settings, folds, log);
        } catch (NoSuchFileException e) {
            err.println("wardwatch train-text: " + e.getFile() + ": no such file");
            return 2;
        } finally {
            log.flush();
        }
        return 0;
    }
}
