package org.wardwatch.classifier.image.wounds;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small network over cell features: two hidden layers of 48 and 24. Under three thousand weights,
 * a few KB on disk, and fast on a busy two-core machine where a convolutional segmenter in DL4J was
 * measured at several hundred milliseconds a photo.
 */
final class WoundNetwork {
    private WoundNetwork() {
    }

    static MultiLayerNetwork create(long seed) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(3e-3))
                .weightInit(WeightInit.XAVIER)
                .l2(1e-5)
                .list()
                .layer(new DenseLayer.Builder().nIn(WoundFeatures.COUNT).nOut(48).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(24).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
