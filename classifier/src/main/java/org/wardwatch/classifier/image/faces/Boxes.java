package org.wardwatch.classifier.image.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.wardwatch.core.analysis.Box;

/** Box arithmetic shared by the detectors. */
public final class Boxes {
    private Boxes() {
    }

    /** Keeps the best-scored box of every group overlapping by more than {@code iou}. */
    public static List<Box> nonMaxSuppress(List<Box> boxes, double iou) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Box::score).reversed());
        List<Box> kept = new ArrayList<>();
        for (Box b : sorted) {
            boolean overlaps = false;
            for (Box k : kept) {
                if (k.iou(b) > iou || contains(k, b) || contains(b, k)) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) kept.add(b);
        }
        return kept;
    }

    /** Most of {@code inner} lies inside {@code outer}. */
    public static boolean contains(Box outer, Box inner) {
        int x1 = Math.max(outer.x(), inner.x()), y1 = Math.max(outer.y(), inner.y());
        int x2 = Math.min(outer.x() + outer.w(), inner.x() + inner.w()), y2 = Math.min(outer.y() + outer.h(), inner.y() + inner.h());
        long inter = (long) Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
        return inner.w() * (long) inner.h() > 0 && inter >= 0.8 * inner.w() * (long) inner.h();
    }

    public static Box union(Box a, Box b) {
        int x = Math.min(a.x(), b.x()), y = Math.min(a.y(), b.y());
        int x2 = Math.max(a.x() + a.w(), b.x() + b.w()), y2 = Math.max(a.y() + a.h(), b.y() + b.h());
        return new Box(x, y, x2 - x, y2 - y, Math.max(a.score(), b.score()));
    }
}
