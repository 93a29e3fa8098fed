package org.wardwatch.classifier.image;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.wardwatch.core.analysis.Box;

/**
 * What the detectors found in one picture: a still, or one frame of an animation. Boxes are in the
 * picture's pixels; text is null when none was read.
 */
record PictureFindings(int width, int height, List<Box> faces, List<Box> people, List<Box> wounds, double skinFraction,
                       String text) {
    /** Boxes from two frames this much alike are the same thing seen again (a face that barely moved). */
    static final double SAME_THING_IOU = 0.5;

    PictureFindings {
        faces = List.copyOf(faces);
        people = List.copyOf(people);
        wounds = List.copyOf(wounds);
    }

    /** A picture too small or thin to look into: its size and nothing found. */
    static PictureFindings nothing(int width, int height) {
        return new PictureFindings(width, height, List.of(), List.of(), List.of(), 0, null);
    }

    /**
     * One image's findings from its sampled frames, so that what any frame shows counts for the image:
     * every frame's boxes, a box seen again in a later frame kept once with its best score; the largest skin
     * share; each distinct text once, a line each.
     */
    static PictureFindings merge(List<PictureFindings> frames) {
        if (frames.size() == 1) return frames.get(0);
        List<Box> faces = new ArrayList<>(), people = new ArrayList<>(), wounds = new ArrayList<>();
        Set<String> texts = new LinkedHashSet<>();
        double skin = 0;
        for (PictureFindings f : frames) {
            // boxes of one frame are never merged with each other: the detectors already decided about those
            int facesBefore = faces.size(), peopleBefore = people.size(), woundsBefore = wounds.size();
            for (Box b : f.faces()) add(faces, facesBefore, b);
            for (Box b : f.people()) add(people, peopleBefore, b);
            for (Box b : f.wounds()) add(wounds, woundsBefore, b);
            skin = Math.max(skin, f.skinFraction());
            if (f.text() != null) texts.add(f.text());
        }
        PictureFindings first = frames.get(0);
        return new PictureFindings(first.width(), first.height(), faces, people, wounds, skin,
                texts.isEmpty() ? null : String.join("\n", texts));
    }

    /** Adds a frame's box, or lets it stand for the box of an earlier frame (the first {@code earlier} kept) it repeats. */
    private static void add(List<Box> kept, int earlier, Box box) {
        for (int i = 0; i < earlier; i++) {
            if (kept.get(i).iou(box) >= SAME_THING_IOU) {
                if (box.score() > kept.get(i).score()) kept.set(i, box);
                return;
            }
        }
        kept.add(box);
    }
}
