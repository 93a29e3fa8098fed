package org.wardwatch.classifier.image;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.wardwatch.classifier.image.exif.MetadataReader;
import org.wardwatch.classifier.image.faces.FaceDetector;
import org.wardwatch.classifier.image.faces.FaceDetectors;
import org.wardwatch.classifier.image.faces.FaceModelFetcher;
import org.wardwatch.classifier.image.ocr.TextReader;
import org.wardwatch.classifier.image.people.PeopleDetector;
import org.wardwatch.classifier.image.skin.SkinModel;
import org.wardwatch.classifier.image.wounds.WoundDetector;

import okhttp3.OkHttpClient;

/**
 * Builds the image analyzer the application uses. Each notice (no face model, no Tesseract) is given
 * once, here, at start-up.
 */
public final class ImageAnalyzers {
    private ImageAnalyzers() {
    }

    /**
     * @param faceModel a YuNet model named by {@code classifier.faces.model} or {@code --face-model}, or null
     * @param dataDir   the data directory, where a fetched model is kept; null to never fetch
     * @param notice    receives one line per missing optional part
     */
    public static OpenCvImageAnalyzer standard(Path faceModel, Path dataDir, Consumer<String> notice) {
        OpenCv.load();
        // the application analyses photos on parallel workers (classify-image's, the pipeline's crawl.parallel crawls)
        NativeThreads.onePerWorker();
        FaceModelFetcher fetcher = dataDir == null ? null : new FaceModelFetcher(new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build());
        FaceDetector faces = FaceDetectors.choose(faceModel, dataDir == null ? null : dataDir.resolve("models"), fetcher, notice);
        return withFaces(faces, TextReader.open(notice));
    }

    /** The analyzer around a given face detector; text reading when {@code text} is not null. */
    public static OpenCvImageAnalyzer withFaces(FaceDetector faces, TextReader text) {
        return new OpenCvImageAnalyzer(new ImageDecoder(), faces, SkinModel.builtIn(), new PeopleDetector(),
                WoundDetector.builtIn(), new MetadataReader(), text);
    }
}
