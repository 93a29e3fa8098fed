package org.wardwatch.classifier.text;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.wardwatch.classifier.model.CaptionModel;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextAnalyzer;
import org.wardwatch.core.analysis.TextFinding;

/**
 * Caption analysis: the recognizer registry, then the role resolver, then the rule scores, then (when
 * a trained model is present) the learned model, whose probabilities are blended with the rule
 * scores. Holds no mutable state, so one instance serves every thread.
 */
public final class CaptionAnalyzer implements TextAnalyzer {
    /** Share of the final scores that comes from the learned model when it is present. */
    static final double MODEL_WEIGHT = 0.35;
    static final double THRESHOLD = 0.5;

    private final RecognizerRegistry registry;
    private final RoleResolver roles;
    private final EvidenceScorer scorer;
    private final CaptionModel model;

    public CaptionAnalyzer(RecognizerRegistry registry, RoleResolver roles, EvidenceScorer scorer, Optional<CaptionModel> model) {
        this.registry = registry;
        this.roles = roles;
        this.scorer = scorer;
        this.model = model.orElse(null);
    }

    /** Recognizers only: no learned model. */
    public static CaptionAnalyzer rulesOnly() {
        return new CaptionAnalyzer(RecognizerRegistry.standard(), new RoleResolver(), new EvidenceScorer(), Optional.empty());
    }

    /** Recognizers plus the bundled trained model, or recognizers only when no model is bundled. */
    public static CaptionAnalyzer standard() {
        return new CaptionAnalyzer(RecognizerRegistry.standard(), new RoleResolver(), new EvidenceScorer(), CaptionModel.bundled());
    }

    public boolean hasModel() {
        return model != null;
    }

    /** The recognizer and role evidence alone, before the learned model (used to train the model). */
    public Evidence evidence(String text) {
        Caption caption = new Caption(text);
        List<TextFinding> all = registry.recognize(caption);
        return scorer.score(caption, all, roles.resolve(caption, all));
    }

    @Override
    public TextAnalysis analyze(String text) {
        if (text == null || text.isBlank()) return TextAnalysis.EMPTY;
        Evidence e = evidence(text);
        double identifying = e.identifying();
        double context = e.context();
        if (model != null) {
            float[] p = model.predict(text, e.cues());
            identifying = (1 - MODEL_WEIGHT) * identifying + MODEL_WEIGHT * p[CaptionModel.IDENTIFYING];
            context = (1 - MODEL_WEIGHT) * context + MODEL_WEIGHT * (p[CaptionModel.IDENTIFYING] + p[CaptionModel.PATIENT_CONTEXT]);
        }
        boolean isIdentifying = identifying >= THRESHOLD;
        boolean isContext = isIdentifying || context >= THRESHOLD;
        List<TextFinding> findings = e.findings().stream().sorted(Comparator.comparingInt(TextFinding::start)).toList();
        return new TextAnalysis(isIdentifying, isContext, round(identifying), findings);
    }

    private static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000.0;
    }
}
