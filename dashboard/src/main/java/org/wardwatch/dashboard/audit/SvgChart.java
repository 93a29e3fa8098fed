package org.wardwatch.dashboard.audit;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart drawn on the server as SVG: per month, posts flagged, confirmed and removed.
 * No script, so it prints, scales and passes a strict content security policy.
 */
public final class SvgChart {
    private static final String[] COLOURS = {"#8a94a6", "#c2410c", "#15803d"};
    private static final String[] LABELS = {"flagged", "confirmed", "removed"};

    private SvgChart() {
    }

    public static String monthly(List<ProviderAudit.Row> months) {
        int width = 760, height = 260, left = 44, bottom = 36, top = 28;
        long max = 1;
        for (ProviderAudit.Row r : months) max = Math.max(max, r.flagged());
        max = niceCeiling(max);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"chart-title\" class=\"chart\">")
                .append("<title id=\"chart-title\">Posts flagged, confirmed and removed per month</title>");
        int plotH = height - top - bottom;
        for (int i = 0; i <= 4; i++) {
            long v = max * i / 4;
            int y = top + plotH - (int) (plotH * i / 4.0);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#e3e6eb\"/>", left, width - 8, y, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">%d</text>", left - 6, y + 4, v));
        }
        int n = Math.max(1, months.size());
        double slot = (width - left - 8) / (double) n;
        double bar = Math.min(22, (slot - 8) / 3);
        for (int i = 0; i < months.size(); i++) {
            ProviderAudit.Row r = months.get(i);
            long[] values = {r.flagged(), r.confirmed(), r.removed()};
            double x0 = left + i * slot + (slot - bar * 3) / 2;
            for (int k = 0; k < 3; k++) {
                int h = (int) Math.round(plotH * values[k] / (double) max);
                s.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                        x0 + k * bar, top + plotH - h, bar - 1, h, COLOURS[k], r.month(), LABELS[k], values[k]));
            }
            if (months.size() <= 18 || i % 2 == 0) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">%s</text>",
                        left + i * slot + slot / 2, height - bottom + 16, r.month()));
            }
        }
        for (int k = 0; k < 3; k++) {
            int x = left + k * 110;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, COLOURS[k]));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"12\" fill=\"#333\">%s</text>", x + 16, LABELS[k]));
        }
        if (months.isEmpty()) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\" fill=\"#555\">No flagged posts in this period</text>",
                    width / 2, height / 2));
        }
        return s.append("</svg>").toString();
    }

    /** A maximum divisible into four even grid steps. */
    private static long niceCeiling(long v) {
        long c = Math.max(4, v);
        return ((c + 3) / 4) * 4;
    }
}
