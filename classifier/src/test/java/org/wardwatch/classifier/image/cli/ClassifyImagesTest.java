package org.wardwatch.classifier.image.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.classifier.image.ImageAnalyzers;
import org.wardwatch.classifier.image.TestImages;
import org.wardwatch.classifier.image.TestPictures;
import org.wardwatch.classifier.image.faces.CascadeFaceDetector;
import org.wardwatch.core.analysis.ImageAnalyzer;
import org.wardwatch.core.testing.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ClassifyImagesTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path... inputs) {
        return new ClassifyImages(TestImages.analyzer(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 2).run(List.of(inputs));
    }

    @Test
    void aFolderGivesOneJsonLinePerImageAndAOneLineErrorPerBadFileWhileTheRestGoesOn() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("ward posts"));
        Files.copy(SharedData.require("faces/images/2007_007763.jpg"), photos.resolve("a-garden.jpg"));
        Files.writeString(photos.resolve("b-broken.jpg"), "this is not a jpeg");
        Files.copy(SharedData.require("negatives/n07745940_strawberry.JPEG"), photos.resolve("c-fruit.JPEG"));
        Files.writeString(photos.resolve("notes.txt"), "not an image name, skipped");

        int exit = run(photos);

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode garden = json.readTree(lines[0]);
        JsonNode fruit = json.readTree(lines[1]);
        assertThat(garden.get("path").asText()).endsWith("a-garden.jpg");
        assertThat(fruit.get("path").asText()).endsWith("c-fruit.JPEG");
        for (String field : List.of("faces", "people", "woundRegions", "skinFraction", "gps", "text", "labels", "score", "millis")) {
            assertThat(garden.has(field)).as(field).isTrue();
        }
        assertThat(garden.get("faces").size()).isGreaterThanOrEqualTo(6);
        JsonNode face = garden.get("faces").get(0);
        assertThat(face.fieldNames()).toIterable().containsExactly("x", "y", "w", "h", "score");
        assertThat(garden.get("labels").toString()).contains("FACE").contains("PERSON");
        assertThat(fruit.get("labels").toString()).doesNotContain("FACE");
        assertThat(fruit.get("gps").isNull()).isTrue();

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("b-broken.jpg: not a recognised image format").contains("3/3 images");
        assertThat(errors.lines().filter(l -> l.contains("b-broken.jpg"))).hasSize(1);
        assertThat(errors).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void gifAndWebpAreClassifiedAndATruncatedOneIsAOneLineError() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("formats"));
        byte[] webp = TestPictures.resource("lossy.webp");
        Files.write(folder.resolve("a-still.gif"), TestPictures.encoded(TestPictures.opaque(), "gif"));
        Files.write(folder.resolve("b-photo.webp"), webp);
        Files.write(folder.resolve("c-animated.webp"), TestPictures.resource("animated.webp"));
        Files.write(folder.resolve("d-cut.webp"), Arrays.copyOf(webp, webp.length / 2));
        // the pictures hold no face: the cascades do, and no shared data is needed
        ImageAnalyzer analyzer = ImageAnalyzers.withFaces(new CascadeFaceDetector(512), null);

        int exit = new ClassifyImages(analyzer, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 2).run(List.of(folder));

        List<String> lines = out.toString(StandardCharsets.UTF_8).strip().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("a-still.gif");
        assertThat(lines.get(1)).contains("b-photo.webp");
        assertThat(lines.get(2)).contains("c-animated.webp");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("d-cut.webp: corrupt or truncated image data").doesNotContain("Exception");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void singleFilesNeedNoProgressBarAndAMissingOneIsReported() throws Exception {
        Path photo = SharedData.require("faces/images/2008_001322.jpg");

        int exit = run(photo, dir.resolve("gone.jpg"));

        assertThat(out.toString(StandardCharsets.UTF_8).strip().split("\n")).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("gone.jpg: no such file or folder").doesNotContain("images");
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void allGoodInputsExitZero() throws Exception {
        assertThat(run(SharedData.require("faces/images/2008_001322.jpg"))).isZero();
    }
}
