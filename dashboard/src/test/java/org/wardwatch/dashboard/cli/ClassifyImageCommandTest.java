package org.wardwatch.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.testing.SharedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** `wardwatch classify-image` through the real command line. */
class ClassifyImageCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithTheYuNetModelGivesJsonLinesAndNamesTheBadFile() throws Exception {
        Path model = SharedData.require("models/yunet/face_detection_yunet_2023mar.onnx");
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.copy(SharedData.require("faces/images/2008_001322.jpg"), photos.resolve("garden.jpg"));
        Files.write(photos.resolve("zz-corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        StringWriter out = new StringWriter(), err = new StringWriter();

        int exit = WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "--data", dir.resolve("data").toString(), "classify-image", "--face-model", model.toString(), photos.toString());

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode garden = new ObjectMapper().readTree(lines.get(0));
        assertThat(garden.get("path").asText()).endsWith("garden.jpg");
        assertThat(garden.get("faces").size()).isPositive();
        assertThat(garden.get("labels").toString()).contains("FACE");
        assertThat(err.toString()).contains("zz-corrupt.png: ").doesNotContain("\tat ");
        assertThat(exit).isEqualTo(1);
    }
}
