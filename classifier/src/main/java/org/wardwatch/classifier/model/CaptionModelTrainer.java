package org.wardwatch.classifier.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.wardwatch.classifier.text.CaptionAnalyzer;
import org.wardwatch.classifier.text.EvidenceScorer;
import org.wardwatch.classifier.text.Evaluation;
import org.wardwatch.classifier.text.LabelledCaption;
import org.wardwatch.classifier.text.RecognizerRegistry;
import org.wardwatch.classifier.text.RoleResolver;

/**
 * Trains the caption model with deeplearning4j: hashed n-gram and recognizer-cue features, one ReLU
 * hidden layer, softmax over the three labels, Adam on the full batch (the corpus is a few hundred
 * captions), everything seeded so the same corpus and settings give the same model. The trained
 * network is exported to the plain {@link CaptionModel} that classification uses.
 */
public final class CaptionModelTrainer {
    /** Hyper-parameters; {@link #DEFAULTS} are the ones the committed model was trained with. */
    public record Settings(int dimension, int hidden, int epochs, double learningRate, double l2, long seed) {
        public static final Settings DEFAULTS = new Settings(4096, 32, 80, 0.005, 1e-4, 42);

        public Settings withSeed(long newSeed) {
            return new Settings(dimension, hidden, epochs, learningRate, l2, newSeed);
        }
    }

    /** Figures of a k-fold cross-validation: the blended analyzer and the model alone on each held-out fold. */
    public record CrossValidation(int folds, Evaluation blended, Evaluation rulesOnly, double modelAccuracy) {
    }

    private final CaptionAnalyzer rules = CaptionAnalyzer.rulesOnly();

    public CaptionModel train(List<LabelledCaption> corpus, Settings s) {
        MultiLayerNetwork net = fit(corpus, s);
        return export(net, s.dimension());
    }

    /** The deeplearning4j network, trained; exposed so tests can compare it with the exported model. */
    public MultiLayerNetwork fit(List<LabelledCaption> corpus, Settings s) {
        Nd4j.getRandom().setSeed(s.seed());
        CaptionFeatures features = new CaptionFeatures(s.dimension());
        float[][] x = new float[corpus.size()][];
        float[][] y = new float[corpus.size()][CaptionModel.LABELS.size()];
        for (int i = 0; i < corpus.size(); i++) {
            LabelledCaption c = corpus.get(i);
            x[i] = features.dense(c.text(), rules.evidence(c.text()).cues());
            y[i][CaptionModel.LABELS.indexOf(c.label())] = 1;
        }
        DataSet data = new DataSet(Nd4j.create(x), Nd4j.create(y));
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(s.learningRate()))
                .l2(s.l2())
                .list()
                .layer(new DenseLayer.Builder().nIn(s.dimension()).nOut(s.hidden()).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(s.hidden())
                        .nOut(CaptionModel.LABELS.size()).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        for (int epoch = 0; epoch < s.epochs(); epoch++) net.fit(data);
        return net;
    }

    /** Copies the network's weights into the plain-Java model. */
    public static CaptionModel export(MultiLayerNetwork net, int dimension) {
        INDArray w0 = net.getLayer(0).getParam("W");
        INDArray b0 = net.getLayer(0).getParam("b");
        INDArray w1 = net.getLayer(1).getParam("W");
        INDArray b1 = net.getLayer(1).getParam("b");
        int hidden = (int) w0.size(1);
        int classes = (int) w1.size(1);
        return new CaptionModel(dimension, hidden, classes, rowMajor(w0), flat(b0), rowMajor(w1), flat(b1));
    }

    /** k-fold cross-validation with a seeded shuffle, stratified by label. */
    public CrossValidation crossValidate(List<LabelledCaption> corpus, int k, Settings s) {
        List<List<LabelledCaption>> folds = stratifiedFolds(corpus, k, s.seed());
        List<LabelledCaption> allHeldOut = new ArrayList<>();
        int correct = 0;
        Evaluation.Counts id = new Evaluation.Counts(0, 0, 0, 0);
        Evaluation.Counts ctx = new Evaluation.Counts(0, 0, 0, 0);
        for (int f = 0; f < k; f++) {
            List<LabelledCaption> train = new ArrayList<>();
            for (int g = 0; g < k; g++) if (g != f) train.addAll(folds.get(g));
            CaptionModel model = train(train, s);
            CaptionAnalyzer blended = new CaptionAnalyzer(RecognizerRegistry.standard(), new RoleResolver(), new EvidenceScorer(), Optional.of(model));
            Evaluation e = Evaluation.of(blended, folds.get(f));
            id = sum(id, e.identifying());
            ctx = sum(ctx, e.patientContext());
            for (LabelledCaption c : folds.get(f)) {
                float[] p = model.predict(c.text(), rules.evidence(c.text()).cues());
                if (argmax(p) == CaptionModel.LABELS.indexOf(c.label())) correct++;
            }
            allHeldOut.addAll(folds.get(f));
        }
        return new CrossValidation(k, new Evaluation(id, ctx, allHeldOut.size()), Evaluation.of(rules, allHeldOut),
                (double) correct / allHeldOut.size());
    }

    static List<List<LabelledCaption>> stratifiedFolds(List<LabelledCaption> corpus, int k, long seed) {
        List<List<LabelledCaption>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) folds.add(new ArrayList<>());
        Random random = new Random(seed);
        int next = 0;
        for (String label : CaptionModel.LABELS) {
            List<LabelledCaption> ofLabel = new ArrayList<>(corpus.stream().filter(c -> c.label().equals(label)).toList());
            java.util.Collections.shuffle(ofLabel, random);
            for (LabelledCaption c : ofLabel) folds.get(next++ % k).add(c);
        }
        return folds;
    }

    private static Evaluation.Counts sum(Evaluation.Counts a, Evaluation.Counts b) {
        return new Evaluation.Counts(a.tp() + b.tp(), a.fp() + b.fp(), a.fn() + b.fn(), a.tn() + b.tn());
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    private static float[] rowMajor(INDArray m) {
        int rows = (int) m.size(0);
        int cols = (int) m.size(1);
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[r * cols + c] = m.getFloat(r, c);
        return out;
    }

    private static float[] flat(INDArray v) {
        float[] out = new float[(int) v.length()];
        for (int i = 0; i < out.length; i++) out[i] = v.getFloat(i);
        return out;
    }
}
