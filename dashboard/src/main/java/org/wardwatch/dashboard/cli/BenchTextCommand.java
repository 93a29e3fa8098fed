package org.wardwatch.dashboard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.wardwatch.classifier.model.TrainText;
import org.wardwatch.classifier.text.BenchText;
import org.wardwatch.classifier.text.CaptionAnalyzer;
import org.wardwatch.classifier.text.LabelledCaption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench-text", description = {
        "Measure caption analysis throughput on one thread after warm-up and print captions per second.",
        "Uses the captions of FILE (one per line, or a label<TAB>text TSV) or the bundled training corpus."})
final class BenchTextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Captions to analyse.")
    Path file;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--seconds", defaultValue = "3", description = "Seconds per measured round (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws IOException {
        List<String> captions;
        if (file == null) {
            captions = TrainText.readCorpus(null).stream().map(LabelledCaption::text).toList();
        } else {
            captions = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("label\t"))
                    .map(l -> l.contains("\t") ? l.substring(l.indexOf('\t') + 1) : l).toList();
        }
        new BenchText(CaptionAnalyzer.standard()).run(captions, warmup, seconds, rounds, spec.commandLine().getOut());
        return 0;
    }
}
