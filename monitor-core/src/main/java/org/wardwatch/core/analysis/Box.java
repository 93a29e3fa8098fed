package org.wardwatch.core.analysis;

/** A rectangle in the original image's pixels, with the detector's confidence. */
public record Box(int x, int y, int w, int h, double score) {
    public Box {
        if (w < 0 || h < 0) throw new IllegalArgumentException("negative box size");
    }

    public double iou(Box other) {
        int x1 = Math.max(x, other.x), y1 = Math.max(y, other.y);
        int x2 = Math.min(x + w, other.x + other.w), y2 = Math.min(y + h, other.y + other.h);
        long inter = (long) Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
        long union = (long) w * h + (long) other.w * other.h - inter;
        return union == 0 ? 0 : (double) inter / union;
    }
}
