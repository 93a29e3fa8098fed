package org.wardwatch.classifier.image.wounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.analysis.Box;

class WoundGateTest {
    /** Photos whose cells light up strongly and widely are wounds; a few faint cells are not. */
    private static List<double[]> photos(Random r, boolean wound, int n) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = new double[WoundGate.COUNT];
            for (int j = 0; j < x.length; j++) x[j] = r.nextGaussian() * 0.1 + 0.5;
            x[0] = wound ? 0.9 + r.nextDouble() * 0.1 : 0.2 + r.nextDouble() * 0.5;
            x[4] = wound ? 1.5 + r.nextDouble() : r.nextDouble() * 0.8;
            out.add(x);
        }
        return out;
    }

    @Test
    void fittingSeparatesWoundPhotosFromOthersAndIsRepeatable() {
        Random r = new Random(7);
        List<double[]> x = new ArrayList<>(photos(r, true, 60));
        x.addAll(photos(r, false, 30));
        List<Boolean> y = new ArrayList<>();
        for (int i = 0; i < 90; i++) y.add(i < 60);

        WoundGate gate = WoundGate.fit(x, y, 0.8);
        List<double[]> unseenWounds = photos(new Random(8), true, 20), unseenOthers = photos(new Random(9), false, 20);
        assertThat(unseenWounds).allMatch(p -> gate.probability(p) >= 0.8);
        assertThat(unseenOthers).allMatch(p -> gate.probability(p) < 0.8);
        assertThat(WoundGate.fit(x, y, 0.8).weights()).containsExactly(gate.weights());
    }

    @Test
    void itIsWrittenAndReadBackExactly(@TempDir Path dir) throws Exception {
        Random r = new Random(3);
        List<double[]> x = new ArrayList<>(photos(r, true, 10));
        x.addAll(photos(r, false, 10));
        List<Boolean> y = new ArrayList<>();
        for (int i = 0; i < 20; i++) y.add(i < 10);
        WoundGate gate = WoundGate.fit(x, y, 0.8);
        gate.write(dir.resolve("gate.txt"));

        WoundGate read = WoundGate.read(Files.newInputStream(dir.resolve("gate.txt")));
        for (double[] p : x) assertThat(read.probability(p)).isCloseTo(gate.probability(p), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(read.threshold()).isEqualTo(0.8);
    }

    @Test
    void aTruncatedGateFileIsAClearError() {
        assertThatThrownBy(() -> WoundGate.read(new ByteArrayInputStream("0.8\n1 2 3\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("wound gate: expected threshold");
    }

    @Test
    void cellsUnderAFaceAreBlanked() {
        float[] cells = new float[32 * 32];
        java.util.Arrays.fill(cells, 0.9f);
        // a face in the top-left quarter of a 320 x 320 photo: 10 pixels a cell
        WoundGate.blankFaces(cells, 32, List.of(new Box(0, 0, 100, 100, 1)), 320, 320);
        assertThat(cells[0]).isZero();
        assertThat(cells[5 * 32 + 5]).isZero();
        assertThat(cells[20 * 32 + 20]).isEqualTo(0.9f);
        assertThat(cells[31]).isEqualTo(0.9f);
    }

    @Test
    void theCommittedGateLoads() {
        WoundGate gate = WoundGate.builtIn();
        assertThat(gate).isNotNull();
        assertThat(gate.threshold()).isBetween(0.5, 0.95);
    }

    @Test
    void fittingNeedsBothKindsOfPhoto() {
        assertThatThrownBy(() -> WoundGate.fit(photos(new Random(1), true, 5), List.of(true, true, true, true, true), 0.8))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
