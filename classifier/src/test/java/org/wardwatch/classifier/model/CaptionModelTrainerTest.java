package org.wardwatch.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wardwatch.classifier.text.CaptionAnalyzer;
import org.wardwatch.classifier.text.LabelledCaption;

/** Training with deeplearning4j on a slice of the bundled corpus, small settings so nd4j loads once and the test stays quick. */
class CaptionModelTrainerTest {
    private static final CaptionModelTrainer.Settings SMALL = new CaptionModelTrainer.Settings(1024, 8, 30, 0.01, 1e-4, 7);
    private static List<LabelledCaption> slice;

    @BeforeAll
    static void readCorpus() throws IOException {
        List<LabelledCaption> all = TrainText.readCorpus(null);
        assertThat(all).hasSizeGreaterThan(300);
        slice = CaptionModelTrainer.stratifiedFolds(all, 4, 1).get(0);
    }

    @Test
    void bundledCorpusIsBalancedAcrossTheThreeLabels() throws IOException {
        List<LabelledCaption> all = TrainText.readCorpus(null);
        for (String label : CaptionModel.LABELS) {
            long n = all.stream().filter(c -> c.label().equals(label)).count();
            assertThat(n).as(label).isBetween((long) (all.size() * 0.28), (long) (all.size() * 0.38));
        }
    }

    @Test
    void exportedModelGivesTheNetworksOwnProbabilities() {
        CaptionModelTrainer trainer = new CaptionModelTrainer();
        MultiLayerNetwork net = trainer.fit(slice, SMALL);
        CaptionModel exported = CaptionModelTrainer.export(net, SMALL.dimension());
        CaptionAnalyzer rules = CaptionAnalyzer.rulesOnly();
        for (LabelledCaption c : slice.subList(0, 10)) {
            List<String> cues = rules.evidence(c.text()).cues();
            INDArray row = Nd4j.create(new float[][] {exported.features().dense(c.text(), cues)});
            INDArray expected = net.output(row);
            float[] actual = exported.predict(c.text(), cues);
            for (int k = 0; k < 3; k++) assertThat((double) actual[k]).isCloseTo(expected.getDouble(0, k), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void trainingIsRepeatableWithAFixedSeed() throws IOException {
        CaptionModelTrainer trainer = new CaptionModelTrainer();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        trainer.train(slice, SMALL).write(a);
        trainer.train(slice, SMALL).write(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void trainTextCrossValidatesAndWritesALoadableModel(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("corpus.tsv");
        StringBuilder tsv = new StringBuilder("label\ttext\n");
        for (LabelledCaption c : slice) tsv.append(c.label()).append('\t').append(c.text()).append('\n');
        Files.writeString(corpus, tsv);
        Path out = dir.resolve("model.bin");
        java.io.StringWriter log = new java.io.StringWriter();
        new TrainText().run(corpus, out, SMALL, 2, new java.io.PrintWriter(log));
        String printed = log.toString();
        assertThat(printed).contains("2-fold cross-validation").contains("identifying").contains("wrote " + out);
        try (InputStream in = Files.newInputStream(out)) {
            assertThat(CaptionModel.read(in).predict("Patients on the ward", List.of())).hasSize(3);
        }
    }
}
