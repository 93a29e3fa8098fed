package org.wardwatch.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

class CaptionModelTest {
    @Test
    void bundledModelIsSmallAndLoadsWithoutNd4j() throws IOException {
        try (InputStream in = CaptionModel.class.getResourceAsStream(CaptionModel.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes().length).isLessThan(2 * 1024 * 1024);
        }
        assertThat(CaptionModel.bundled()).isPresent();
    }

    @Test
    void predictionsAreProbabilities() {
        CaptionModel model = CaptionModel.bundled().orElseThrow();
        float[] p = model.predict("Happy 80th birthday to Doreen on Willow Ward", List.of("name:PATIENT", "AGE:high"));
        assertThat(p).hasSize(3);
        float sum = 0;
        for (float v : p) {
            assertThat(v).isBetween(0f, 1f);
            sum += v;
        }
        assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void bundledModelSeparatesClearCases() {
        CaptionModel model = CaptionModel.bundled().orElseThrow();
        float[] patient = model.predict("Happy 90th birthday to Winnie on Larch Ward from all the team", List.of("name:PATIENT", "AGE:high", "WARD_OR_BED:high"));
        float[] staff = model.predict("We are recruiting Band 5 nurses, apply now", List.of("STAFF_EVENT"));
        assertThat(patient[CaptionModel.IDENTIFYING]).isGreaterThan(0.5f);
        assertThat(staff[CaptionModel.BENIGN]).isGreaterThan(0.5f);
    }

    @Test
    void writeThenReadGivesTheSameModel() throws IOException {
        CaptionModel model = new CaptionModel(4, 2, 3, new float[] {1, 2, 3, 4, 5, 6, 7, 8}, new float[] {0.1f, -0.2f},
                new float[] {1, 0, -1, 0.5f, 0.5f, 0.5f}, new float[] {0, 0, 0});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        CaptionModel back = CaptionModel.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.predict("any words at all", List.of("AGE:high")))
                .containsExactly(model.predict("any words at all", List.of("AGE:high")));
    }

    @Test
    void aFileThatIsNotAModelIsRejected() {
        assertThatThrownBy(() -> CaptionModel.read(new ByteArrayInputStream("label\ttext\n".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("not a WardWatch caption model");
    }

    @Test
    void featuresAreStableAndNormalised() {
        CaptionFeatures f = new CaptionFeatures(1024);
        CaptionFeatures.Sparse a = f.extract("Happy birthday Doreen", List.of("AGE:high"));
        CaptionFeatures.Sparse b = f.extract("Happy birthday Doreen", List.of("AGE:high"));
        assertThat(a.index()).containsExactly(b.index());
        double norm = 0;
        for (int k = 0; k < a.size(); k++) norm += a.value()[k] * a.value()[k];
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        // Numbers generalise by shape: two ages of the same length give the same features.
        assertThat(f.extract("Connor (22)", List.of()).index()).containsExactly(f.extract("Connor (19)", List.of()).index());
    }
}
