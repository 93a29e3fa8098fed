package org.wardwatch.dashboard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.wardwatch.classifier.image.cli.ImageCommands;
import org.wardwatch.classifier.image.wounds.WoundTrainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-wounds", description = {
        "Train the wound-like region model (deeplearning4j) on wounds/ of the labelled data, with negatives/",
        "and skin/ as counter-examples, leaving one image in five out for evaluation, and write the weights.",
        "The same data, epochs and seed give the same model. See classifier/.../wounds/MODEL-CARD.md."})
final class TrainWoundsCommand implements Callable<Integer> {
    static final Path SOURCE_MODEL = Path.of("classifier/src/main/resources/org/wardwatch/classifier/image/wounds/wound-model.zip");

    @Spec
    CommandSpec spec;

    @Option(names = "--shared-data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "The labelled data (default: ${DEFAULT-VALUE}).")
    Path sharedData;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default: the committed one, in a checkout).")
    Path out;

    @Option(names = "--epochs", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs = WoundTrainer.Options.DEFAULT_EPOCHS;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = WoundTrainer.Options.DEFAULT_SEED;

    @Override
    public Integer call() {
        Path target = out != null ? out : SOURCE_MODEL;
        return new ImageCommands(WriterStream.of(spec.commandLine().getOut()), WriterStream.of(spec.commandLine().getErr()))
                .trainWounds(sharedData, target, epochs, seed);
    }
}
