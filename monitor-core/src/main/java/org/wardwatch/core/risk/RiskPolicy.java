package org.wardwatch.core.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.ImageLabel;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextFinding;
import org.wardwatch.core.registry.AccountKind;

/**
 * Turns findings into a risk and reasons in words. Each signal contributes an independent
 * probability-like weight and they combine as a noisy-or, so two weak signals together (a face, and
 * a caption about "our patients") outweigh either alone. The account's kind sets the context: a
 * face on a ward account is more likely a patient than a face on a staff member's news post.
 */
public final class RiskPolicy {
    private final double threshold;

    public RiskPolicy(double threshold) {
        this.threshold = threshold;
    }

    public RiskDecision decide(PostEvidence e) {
        List<Reason> reasons = new ArrayList<>();
        Set<String> signals = new LinkedHashSet<>();
        List<Double> weights = new ArrayList<>();
        AccountKind kind = e.account().kind();
        boolean clinicalAccount = kind == AccountKind.WARD || kind == AccountKind.SERVICE;

        boolean patientContext = e.caption().patientContext() || e.altTexts().stream().anyMatch(TextAnalysis::patientContext);
        text("caption", "caption", e.caption(), reasons, signals, weights);
        for (TextAnalysis alt : e.altTexts()) text("alt text", "alt_text", alt, reasons, signals, weights);
        for (PostEvidence.Attached a : e.attached()) {
            text(a.where(), a.kind(), a.analysis(), reasons, signals, weights);
            patientContext |= a.analysis().patientContext();
        }
        for (TextAnalysis inImage : e.imageTexts()) {
            if (inImage.identifying() || inImage.patientContext()) signals.add("TEXT");
            text("text in the image", "image_text", inImage, reasons, signals, weights);
            patientContext |= inImage.patientContext();
        }

        int faces = e.images().stream().mapToInt(i -> i.faces().size()).sum();
        boolean person = e.images().stream().anyMatch(i -> i.labels().contains(ImageLabel.PERSON));
        boolean wound = e.images().stream().anyMatch(i -> i.labels().contains(ImageLabel.WOUND_LIKE));
        boolean geotag = e.images().stream().anyMatch(i -> i.labels().contains(ImageLabel.GEOTAGGED));
        double contextFactor = clinicalAccount ? 1.3 : kind == AccountKind.STAFF ? 0.8 : 1.0;
        if (faces > 0) {
            reasons.add(Reason.plain(faces == 1 ? "1 face" : faces + " faces"));
            signals.add("FACE");
            weights.add(Math.min(0.95, (faces == 1 ? 0.35 : 0.45) * contextFactor));
            if (patientContext) {
                reasons.add(Reason.plain("faces in a post about patients"));
                weights.add(0.45);
            }
        } else if (person) {
            reasons.add(Reason.plain("a person (face not visible)"));
            signals.add("PERSON");
            weights.add(Math.min(0.95, 0.3 * contextFactor));
            if (patientContext) {
                reasons.add(Reason.plain("a person in a post about patients"));
                weights.add(0.4);
            }
        }
        if (wound) {
            long n = e.images().stream().mapToLong(i -> i.woundRegions().size()).sum();
            reasons.add(Reason.plain(n == 1 ? "wound-like region on skin" : n + " wound-like regions on skin"));
            signals.add("WOUND_LIKE");
            weights.add(0.6);
        }
        if (geotag) {
            reasons.add(Reason.plain("geotagged photo" + (clinicalAccount ? " from a " + kind.id() + " account" : "")));
            signals.add("GEOTAGGED");
            weights.add(clinicalAccount ? 0.35 : 0.1);
        }
        if (!e.contentWarnings().isEmpty()) {
            // the poster or the platform flagged the post as sensitive: on a photo from a ward that is
            // itself a sign of what it shows; on its own it does not make a case
            reasons.add(new Reason("the platform's content warning", "platform", "CONTENT_WARNING", e.contentWarnings()));
            signals.add("CONTENT_WARNING");
            weights.add(e.images().isEmpty() ? 0.1 : Math.min(0.95, 0.25 * contextFactor));
        }
        if (clinicalAccount && !weights.isEmpty()) {
            String service = e.account().serviceType() == null ? "" : " (" + e.account().serviceType() + ")";
            reasons.add(Reason.plain(kind.id() + " account" + service));
        }

        double keep = 1;
        for (double w : weights) keep *= 1 - Math.max(0, Math.min(1, w));
        double risk = Math.round((1 - keep) * 1000) / 1000.0;
        return new RiskDecision(risk, reasons, signals, risk >= threshold);
    }

    /** Signals in the order a reviewer needs them: who, then where, then what happened. */
    private static final List<String> ORDER = List.of("PERSON_NAME", "NHS_NUMBER", "DATE_OF_BIRTH", "AGE", "PERINATAL",
            "WARD_OR_BED", "CARE_EVENT", "HEALTH_DETAIL", "PATIENT_CONTEXT");
    /** The caption signals this policy has words for. */
    static final List<String> TYPES = ORDER;

    /**
     * @param where  how a reviewer names the text ("alt text")
     * @param source the findings' source for the same text ("alt_text"), where the quotes are found again
     */
    private static void text(String where, String source, TextAnalysis t, List<Reason> reasons, Set<String> signals,
                             List<Double> weights) {
        if (t.identifying()) {
            weights.add(Math.min(0.95, 0.6 + 0.35 * t.score()));
        } else if (t.patientContext()) {
            weights.add(0.2);
        }
        if (!t.identifying() && !t.patientContext()) return;
        Map<String, List<String>> quotes = new TreeMap<>(Comparator.comparingInt(RiskPolicy::rank).thenComparing(x -> x));
        for (TextFinding f : t.findings()) {
            signals.add(f.type());
            quotes.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(f.text().strip());
        }
        for (Map.Entry<String, List<String>> e : quotes.entrySet()) {
            reasons.add(new Reason(where + " " + phrase(e.getKey()), source, e.getKey(), e.getValue()));
        }
        if (quotes.isEmpty()) reasons.add(Reason.plain(where + (t.identifying() ? " identifies a patient" : " refers to patients")));
    }

    private static int rank(String type) {
        int i = ORDER.indexOf(type);
        return i < 0 ? ORDER.size() : i;
    }

    static String phrase(String type) {
        return switch (type) {
            case "PERSON_NAME" -> "names a patient";
            case "NHS_NUMBER" -> "gives an NHS number";
            case "DATE_OF_BIRTH" -> "gives a date of birth";
            case "AGE" -> "gives an age";
            case "WARD_OR_BED" -> "names a ward or bed";
            case "CARE_EVENT" -> "describes a care event";
            case "PERINATAL" -> "mentions a mother and baby";
            case "HEALTH_DETAIL" -> "gives a health detail";
            case "PATIENT_CONTEXT" -> "refers to patients";
            default -> "has " + type.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
