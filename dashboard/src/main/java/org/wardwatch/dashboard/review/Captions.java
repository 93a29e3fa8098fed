package org.wardwatch.dashboard.review;

import java.util.ArrayList;
import java.util.List;

import org.wardwatch.dashboard.review.CaseDetail.CaptionPart;
import org.wardwatch.dashboard.review.CaseDetail.Finding;

/** Cuts a caption into plain and highlighted runs from the caption findings' spans. */
public final class Captions {
    private Captions() {
    }

    public static List<CaptionPart> split(String text, List<Finding> findings) {
        if (text == null || text.isEmpty()) return List.of();
        int n = text.length();
        String[] typeAt = new String[n];
        double[] scoreAt = new double[n];
        for (Finding f : findings) {
            if (!"caption".equals(f.source()) || f.start() == null || f.end() == null) continue;
            int s = Math.max(0, f.start());
            int e = Math.min(n, f.end());
            for (int i = s; i < e; i++) {
                // where spans overlap, the stronger finding names the run
                if (typeAt[i] == null || f.score() > scoreAt[i]) {
                    typeAt[i] = f.type();
                    scoreAt[i] = f.score();
                }
            }
        }
        List<CaptionPart> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || !java.util.Objects.equals(typeAt[i], typeAt[start])) {
                parts.add(new CaptionPart(text.substring(start, i), typeAt[start]));
                start = i;
            }
        }
        return parts;
    }
}
