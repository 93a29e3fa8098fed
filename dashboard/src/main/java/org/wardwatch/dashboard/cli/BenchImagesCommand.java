package org.wardwatch.dashboard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.wardwatch.classifier.image.cli.ImageCommands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench-images", description = {
        "Images per second and peak memory of the image analysis (faces, people, skin, wounds; no text",
        "reading) over a folder of photos, on as many threads as cores."})
final class BenchImagesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--face-model", paramLabel = "FILE", description = "YuNet ONNX face model; the cascades otherwise.")
    Path faceModel;

    @Option(names = "--threads", description = "Worker threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--limit", description = "At most this many photos (default: all).")
    int limit = Integer.MAX_VALUE;

    @Option(names = "--library-threads", description = "Let OpenCV, ND4J and OpenBLAS split each photo over every core"
            + " as well (as before WardWatch kept them to one thread a worker), to compare.")
    boolean libraryThreads;

    @Parameters(index = "0", paramLabel = "FOLDER")
    Path folder;

    @Override
    public Integer call() {
        return new ImageCommands(WriterStream.of(spec.commandLine().getOut()), WriterStream.of(spec.commandLine().getErr()))
                .benchImages(faceModel, folder, threads, limit, libraryThreads);
    }
}
