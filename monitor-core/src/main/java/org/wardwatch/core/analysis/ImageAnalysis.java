package org.wardwatch.core.analysis;

import java.util.List;
import java.util.Set;

/**
 * What image analysis found in one image. Boxes are in the original image's pixels.
 *
 * @param text   text recognised in the image, or null
 * @param gps    the EXIF position, or null
 * @param score  0..1, how likely the image shows or identifies a person
 */
public record ImageAnalysis(int width, int height, List<Box> faces, List<Box> people, List<Box> woundRegions,
                            double skinFraction, GeoPoint gps, String text, Set<ImageLabel> labels,
                            double score, long millis) {
    public ImageAnalysis {
        faces = List.copyOf(faces);
        people = List.copyOf(people);
        woundRegions = List.copyOf(woundRegions);
        labels = Set.copyOf(labels);
    }
}
