package org.wardwatch.classifier.text;

import java.util.List;
import java.util.Locale;

import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextAnalyzer;

/** Precision, recall and F1 of an analyzer on labelled captions, for {@code identifying} and {@code patientContext}. */
public record Evaluation(Counts identifying, Counts patientContext, int captions) {

    /** A binary confusion count. */
    public record Counts(int tp, int fp, int fn, int tn) {
        public double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts add(boolean expected, boolean actual) {
            return new Counts(tp + (expected && actual ? 1 : 0), fp + (!expected && actual ? 1 : 0),
                    fn + (expected && !actual ? 1 : 0), tn + (!expected && !actual ? 1 : 0));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d tn=%d)",
                    precision(), recall(), f1(), tp, fp, fn, tn);
        }
    }

    public static Evaluation of(TextAnalyzer analyzer, List<LabelledCaption> captions) {
        Counts id = new Counts(0, 0, 0, 0);
        Counts ctx = new Counts(0, 0, 0, 0);
        for (LabelledCaption c : captions) {
            TextAnalysis a = analyzer.analyze(c.text());
            id = id.add(c.identifying(), a.identifying());
            ctx = ctx.add(c.patientContext(), a.patientContext());
        }
        return new Evaluation(id, ctx, captions.size());
    }

    @Override
    public String toString() {
        return "captions=" + captions + "\n  identifying    " + identifying + "\n  patientContext " + patientContext;
    }
}
