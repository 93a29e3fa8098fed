package org.wardwatch.classifier.image.skin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.wardwatch.classifier.image.OpenCv;
import org.wardwatch.classifier.image.PngColourProfile;

/**
 * Learns the skin colour table from {@code skin/} (images and masks) and {@code negatives/} (photos with
 * no people, every pixel non-skin). Deterministic: the same data always gives the same table.
 */
public final class SkinTrainer {
    public static final double THRESHOLD = 0.5;

    private SkinTrainer() {
    }

    public static SkinModel train(Path skinDir, Path negativesDir, List<String> skipSkinImages) throws IOException {
        OpenCv.load();
        int bins = SkinModel.Y_BINS * SkinModel.C_BINS * SkinModel.C_BINS;
        long[] skin = new long[bins], other = new long[bins];
        for (Path img : list(skinDir.resolve("images"))) {
            if (skipSkinImages.contains(img.getFileName().toString())) continue;
            Mat im = Imgcodecs.imread(img.toString(), Imgcodecs.IMREAD_COLOR);
            Mat mask = PngColourProfile.read(maskFor(skinDir, img), Imgcodecs.IMREAD_GRAYSCALE);
            if (im.empty() || mask.empty() || im.size().width != mask.size().width) continue;
            SkinModel.count(im, mask, skin, other);
        }
        if (negativesDir != null) {
            for (Path img : list(negativesDir)) {
                Mat im = Imgcodecs.imread(img.toString(), Imgcodecs.IMREAD_COLOR);
                if (!im.empty()) SkinModel.count(im, null, skin, other);
            }
        }
        return SkinModel.fromCounts(skin, other, THRESHOLD);
    }

    public static Path maskFor(Path skinDir, Path image) {
        String n = image.getFileName().toString();
        return skinDir.resolve("masks").resolve(n.substring(0, n.lastIndexOf('.')) + ".png");
    }

    public static List<Path> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** {@code SkinTrainer SKIN_DIR NEGATIVES_DIR OUT}: writes the table committed as skin-ycrcb.lut. */
    public static void main(String[] args) throws IOException {
        SkinModel model = train(Path.of(args[0]), Path.of(args[1]), List.of());
        try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
            model.write(out);
        }
    }
}
