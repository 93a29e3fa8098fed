package org.wardwatch.dashboard.review;

import java.util.ArrayList;
import java.util.List;

import org.wardwatch.dashboard.review.CaseDetail.CaptionPart;
import org.wardwatch.dashboard.review.CaseDetail.Finding;

/**
 * Cuts a caption into plain and highlighted runs from the caption findings' spans. A caption longer
 * than {@link #SHOWN} characters is shown as its start plus the text around each highlighted run
 * beyond it, with the gaps marked, so a name at character 900,000 is still in front of the reviewer.
 */
public final class Captions {
    /** Characters of a long caption shown from its start. */
    static final int SHOWN = 20_000;
    /** Characters shown either side of a highlighted run beyond the start. */
    static final int AROUND = 300;

    private Captions() {
    }

    public static List<CaptionPart> split(String text, List<Finding> findings) {
        List<CaptionPart> parts = runs(text, findings);
        return text != null && text.length() > SHOWN ? shorten(parts) : parts;
    }

    private static List<CaptionPart> shorten(List<CaptionPart> parts) {
        StringBuilder all = new StringBuilder();
        List<String> typeAt = new ArrayList<>();
        for (CaptionPart p : parts) {
            all.append(p.text());
            for (int i = 0; i < p.text().length(); i++) typeAt.add(p.type());
        }
        int n = all.length();
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, 0, Math.min(n, SHOWN), true);
        for (int i = 0; i < n; i++) {
            if (typeAt.get(i) != null) java.util.Arrays.fill(keep, Math.max(0, i - AROUND), Math.min(n, i + AROUND + 1), true);
        }
        List<CaptionPart> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int j = i + 1;
            if (keep[i]) {
                while (j < n && keep[j] && java.util.Objects.equals(typeAt.get(j), typeAt.get(i))) j++;
                out.add(new CaptionPart(all.substring(i, j), typeAt.get(i)));
            } else {
                while (j < n && !keep[j]) j++;
                out.add(new CaptionPart(" … " + String.format(java.util.Locale.UK, "%,d", j - i) + " characters not shown … ", null));
            }
            i = j;
        }
        return out;
    }

    private static List<CaptionPart> runs(String text, List<Finding> findings) {
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
