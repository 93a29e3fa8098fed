package org.wardwatch.dashboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.wardwatch.classifier.text.CaptionAnalyzer;
import org.wardwatch.classifier.text.ClassifyText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "classify-text", description = {
        "Classify captions: one caption per line (UTF-8) from FILE, or standard input when no FILE is given.",
        "Writes one JSON line per input line, in the same order: identifying (bool), patientContext (bool),",
        "score (0..1) and findings [{type, text, start, end, score}]; start and end count Unicode characters.",
        "An empty line gives the empty result. A line that is not valid UTF-8 is reported on standard error",
        "with its line number and gives the empty result plus \"error\": \"invalid UTF-8\", so output lines stay",
        "aligned with input lines; the rest goes on and the exit code is 1.",
        "Uses the recognizers and the bundled caption model (recognizers alone, said once, when none is bundled)."})
final class ClassifyTextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Captions file; standard input when absent or '-'.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CaptionAnalyzer analyzer = CaptionAnalyzer.standard();
        if (!analyzer.hasModel()) err.println("wardwatch classify-text: no caption model bundled; using the recognizers alone");
        boolean stdin = file == null || file.toString().equals("-");
        String name = stdin ? "stdin" : file.toString();
        try (InputStream in = stdin ? System.in : Files.newInputStream(file)) {
            ClassifyText.Summary s = new ClassifyText(analyzer).run(in, out, err, name);
            return s.invalid() > 0 ? 1 : 0;
        } catch (NoSuchFileException e) {
            err.println("wardwatch classify-text: " + name + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("wardwatch classify-text: " + name + ": cannot read (" + WardWatch.oneLine(e) + ")");
            return 2;
        }
    }
}
