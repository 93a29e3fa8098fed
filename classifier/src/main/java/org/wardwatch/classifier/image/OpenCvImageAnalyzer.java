package org.wardwatch.classifier.image;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.opencv.core.Mat;
import org.wardwatch.classifier.image.exif.MetadataReader;
import org.wardwatch.classifier.image.exif.PhotoMetadata;
import org.wardwatch.classifier.image.faces.FaceDetector;
import org.wardwatch.classifier.image.faces.FaceDetectors;
import org.wardwatch.classifier.image.faces.Scaling;
import org.wardwatch.classifier.image.ocr.TextReader;
import org.wardwatch.classifier.image.people.PeopleDetector;
import org.wardwatch.classifier.image.skin.SkinModel;
import org.wardwatch.classifier.image.wounds.WoundDetector;
import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.ImageAnalyzer;
import org.wardwatch.core.analysis.ImageLabel;

/**
 * The image side of the classifier: decode (refusing pixel bombs), faces, skin, people, wound-like
 * regions on skin, EXIF position, and text in the image. An animated GIF is looked at on a few frames
 * ({@link ImageDecoder#eachPicture}), and what any of them shows counts for the image. Thread-safe: every
 * OpenCV, DL4J and Tesseract object underneath is held per thread.
 */
public final class OpenCvImageAnalyzer implements ImageAnalyzer {
    /** Skin and wounds are computed on a copy at most this large: colour needs no detail. */
    public static final int SKIN_SIDE = 512;
    /** The smallest face, in pixels of the detectors' working copy, worth looking for (the evaluation counts faces from 20 px). */
    static final int MIN_FACE = 16;

    private final ImageDecoder decoder;
    private final FaceDetector faces;
    private final SkinModel skin;
    private final PeopleDetector people;
    private final WoundDetector wounds;
    private final MetadataReader metadata;
    private final TextReader text;

    /**
     * @param wounds null when no wound model is available
     * @param text   null when Tesseract is not installed
     */
    public OpenCvImageAnalyzer(ImageDecoder decoder, FaceDetector faces, SkinModel skin, PeopleDetector people,
                               WoundDetector wounds, MetadataReader metadata, TextReader text) {
        this.decoder = decoder;
        this.faces = faces;
        this.skin = skin;
        this.people = people;
        this.wounds = wounds;
        this.metadata = metadata;
        this.text = text;
    }

    @Override
    public ImageAnalysis analyze(byte[] image, String name) {
        long t0 = System.nanoTime();
        PictureFindings found = PictureFindings.merge(decoder.eachPicture(image, name, this::look));
        PhotoMetadata meta = metadata.read(image);
        Set<ImageLabel> labels = EnumSet.noneOf(ImageLabel.class);
        if (!found.faces().isEmpty()) labels.add(ImageLabel.FACE);
        if (!found.people().isEmpty()) labels.add(ImageLabel.PERSON);
        if (!found.wounds().isEmpty()) labels.add(ImageLabel.WOUND_LIKE);
        if (meta.gps() != null) labels.add(ImageLabel.GEOTAGGED);
        if (found.text() != null) labels.add(ImageLabel.TEXT);
        double score = score(found.faces(), found.people(), found.wounds(), meta, found.text());
        return new ImageAnalysis(found.width(), found.height(), found.faces(), found.people(), found.wounds(),
                found.skinFraction(), meta.gps(), found.text(), labels, score, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Whether a picture can hold a face the detectors could find: one of at least {@value #MIN_FACE} px once
     * the picture is shrunk to the detectors' working size. Thinner or smaller pictures (spacer GIFs, 1x30000
     * strips) are not given to them: there is nothing to find, and some OpenCV steps assert on them.
     */
    static boolean canHoldAFace(int width, int height) {
        double shrink = Math.min(1.0, (double) FaceDetectors.MAX_SIDE / Math.max(width, height));
        return Math.min(width, height) * shrink >= MIN_FACE;
    }

    /** What one picture (a still, or a frame of an animation) shows; the decoder releases its pixels. */
    private PictureFindings look(DecodedImage picture) {
        Mat bgr = picture.bgr();
        if (!canHoldAFace(bgr.cols(), bgr.rows())) return PictureFindings.nothing(bgr.cols(), bgr.rows());
        List<Box> faceBoxes = faces.detect(bgr);

        Scaling small = Scaling.fit(bgr, SKIN_SIDE);
        Mat globalSkin = null, skinMask = null;
        try {
            List<Box> smallFaces = faceBoxes.stream().map(small::toWorking).toList();
            globalSkin = skin.probability(small.image());
            skinMask = skin.mask(small.image(), smallFaces);
            double skinFraction = SkinModel.fraction(skinMask);

            // skin regions and wounds are found on the small copy, so their boxes are scaled back to original pixels
            List<Box> peopleBoxes = merge(people.detect(bgr, faceBoxes),
                    people.onSkinCopy(small.image(), skinMask).stream().map(b -> small.toOriginal(b, bgr.cols(), bgr.rows())).toList());

            // a wound lies on skin: regions with no skin round them (red shirts, banners) are dropped
            List<Box> woundBoxes = wounds == null ? List.of() : WoundDetector.onSkin(wounds.detect(small.image(), globalSkin, smallFaces), skinMask)
                    .stream().map(b -> small.toOriginal(b, bgr.cols(), bgr.rows())).toList();

            String words = text == null ? null : text.read(bgr);
            return new PictureFindings(bgr.cols(), bgr.rows(), faceBoxes, peopleBoxes, woundBoxes, skinFraction, words);
        } finally {
            if (globalSkin != null) globalSkin.release();
            if (skinMask != null) skinMask.release();
            if (small.image() != bgr) small.image().release();
        }
    }

    /**
     * How likely the image shows or identifies a person, as a noisy-or of the signals: a face is the
     * strongest, a body without a visible face next, a wound on skin is a health detail about someone;
     * a geotag or text identify only together with a person, so alone they count little.
     */
    static double score(List<Box> faces, List<Box> people, List<Box> wounds, PhotoMetadata meta, String words) {
        double miss = 1;
        miss *= 1 - 0.95 * max(faces);
        miss *= 1 - 0.8 * max(people);
        miss *= 1 - 0.7 * max(wounds);
        if (meta.gps() != null) miss *= 1 - 0.3;
        if (words != null) miss *= 1 - 0.15;
        return Math.round((1 - miss) * 1000) / 1000.0;
    }

    private static double max(List<Box> boxes) {
        double m = 0;
        for (Box b : boxes) m = Math.max(m, b.score());
        return m;
    }

    private static List<Box> merge(List<Box> a, List<Box> b) {
        List<Box> all = new ArrayList<>(a);
        all.addAll(b);
        return org.wardwatch.classifier.image.faces.Boxes.nonMaxSuppress(all, 0.4);
    }
}
