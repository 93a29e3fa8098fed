package org.wardwatch.dashboard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.wardwatch.classifier.image.cli.ImageCommands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval-images", description = {
        "Measure the image classifier on the labelled data (faces, people, skin, wound-like regions) and",
        "print the figures beside their targets. Says so and exits 0 when the data is absent."})
final class EvalImagesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--shared-data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "The labelled data (default: ${DEFAULT-VALUE}).")
    Path sharedData;

    @Option(names = "--no-cascades", description = "Skip measuring the cascade fallback.")
    boolean noCascades;

    @Override
    public Integer call() {
        return new ImageCommands(WriterStream.of(spec.commandLine().getOut()), WriterStream.of(spec.commandLine().getErr()))
                .evalImages(sharedData, !noCascades);
    }
}
