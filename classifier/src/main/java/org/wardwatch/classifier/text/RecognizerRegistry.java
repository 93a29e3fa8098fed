package org.wardwatch.classifier.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.wardwatch.core.analysis.TextFinding;

/**
 * Runs every recognizer over a caption and merges their findings: overlapping spans of one type
 * become the best-scoring one (the longer on a tie), and a name inside a ward name ("Willow" in
 * "Willow Ward") is dropped. Adding an entity means adding one recognizer here.
 */
public final class RecognizerRegistry {
    private static final Comparator<TextFinding> BY_START = Comparator.comparingInt(TextFinding::start)
            .thenComparing(Comparator.comparingInt(TextFinding::end).reversed());

    private final List<Recognizer> recognizers;

    public RecognizerRegistry(List<Recognizer> recognizers) {
        this.recognizers = List.copyOf(recognizers);
    }

    /** Every recognizer WardWatch has, reported and internal. */
    public static RecognizerRegistry standard() {
        return new RecognizerRegistry(List.of(new NhsNumberRecognizer(), new DateOfBirthRecognizer(), new AgeRecognizer(),
                new PersonNameRecognizer(NameLexicon.shared()), new WardOrBedRecognizer(), new CareEventRecognizer(),
                new PerinatalRecognizer(), new HealthDetailRecognizer(), new PatientContextRecognizer(),
                new StaffRoleRecognizer(), new StaffEventRecognizer()));
    }

    public List<TextFinding> recognize(Caption caption) {
        List<TextFinding> all = new ArrayList<>();
        for (Recognizer r : recognizers) all.addAll(r.recognize(caption));
        all.sort(BY_START);
        List<TextFinding> merged = new ArrayList<>(all.size());
        for (TextFinding f : all) {
            if (f.type().equals(FindingTypes.PERSON_NAME) && insideWardName(f, all)) continue;
            int clash = indexOfOverlap(merged, f);
            if (clash < 0) {
                merged.add(f);
            } else if (better(f, merged.get(clash))) {
                merged.set(clash, f);
            }
        }
        return merged;
    }

    private static boolean insideWardName(TextFinding name, List<TextFinding> all) {
        for (TextFinding w : all) {
            if (w.type().equals(FindingTypes.WARD_OR_BED) && w.score() >= WardOrBedRecognizer.NAMED_WARD
                    && w.start() <= name.start() && name.end() <= w.end()) return true;
        }
        return false;
    }

    private static int indexOfOverlap(List<TextFinding> merged, TextFinding f) {
        for (int i = merged.size() - 1; i >= 0; i--) {
            TextFinding m = merged.get(i);
            if (m.type().equals(f.type()) && m.start() < f.end() && f.start() < m.end()) return i;
        }
        return -1;
    }

    private static boolean better(TextFinding a, TextFinding b) {
        if (a.score() != b.score()) return a.score() > b.score();
        return (a.end() - a.start()) > (b.end() - b.start());
    }
}
