package org.wardwatch.dashboard.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.wardwatch.classifier.image.cli.ImageCommands;
import org.wardwatch.core.config.ConfigException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "classify-image", description = {
        "Analyse images: files or folders (walked recursively, image files only). One JSON line per image:",
        "path, faces, people, woundRegions (lists of {x,y,w,h,score} in original pixels), skinFraction,",
        "gps ({lat,lon} or null), text (read from the image, or null), labels (FACE, PERSON, WOUND_LIKE,",
        "GEOTAGGED, TEXT), score (0..1), millis. A progress bar goes to standard error for folders; an",
        "unreadable, corrupt or oversized image gives one error line there and the rest goes on (exit 1).",
        "Faces: --face-model, else classifier.faces.model, else the YuNet copy fetched once into the data",
        "directory, else the built-in cascades (said once)."})
final class ClassifyImageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    WardWatch root;

    @Option(names = "--face-model", paramLabel = "FILE", description = "YuNet ONNX face model (face_detection_yunet_2023mar.onnx).")
    Path faceModel;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Image files or folders.")
    List<Path> paths;

    @Override
    public Integer call() {
        Path model = faceModel;
        if (model == null) {
            try {
                String configured = root.context().config().classifier().faces().model();
                if (configured != null) model = Path.of(configured);
            } catch (ConfigException e) {
                // no usable configuration: classify-image needs none, so go on with the defaults
            }
        }
        return new ImageCommands(WriterStream.of(spec.commandLine().getOut()), WriterStream.of(spec.commandLine().getErr()))
                .classifyImage(model, root.data, paths);
    }
}
