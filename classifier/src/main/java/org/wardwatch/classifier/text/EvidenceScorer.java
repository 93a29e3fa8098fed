package org.wardwatch.classifier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.wardwatch.core.analysis.TextFinding;

/**
 * Turns findings and roles into rule scores. Identifying evidence is combined as a noisy OR: an NHS
 * number with context, a date of birth or a patient's name is enough alone; an age, a bed number or a
 * care event of one person needs a patient setting to count. Staff names, and ages next to them, are
 * dropped from the reported findings: staff are not patient data.
 */
public final class EvidenceScorer {
    private static final Pattern SINGULAR_PERSON = Pattern.compile(
            "\\b(?:he|she|him|his|her|hers|this\\s+(?:young\\s+)?(?:man|lady|gentleman|woman|boy|girl|lad)|our\\s+patient|a\\s+patient|one\\s+of\\s+our\\s+(?:patients|service\\s+users|residents|young\\s+people)|the\\s+(?:gentleman|lady|man|woman|boy|girl))\\b");

    public Evidence score(Caption caption, List<TextFinding> all, List<PersonRole> roles) {
        List<TextFinding> staffNames = new ArrayList<>();
        for (PersonRole r : roles) if (r.role() == PersonRole.Role.STAFF) staffNames.add(r.name());

        List<TextFinding> reported = new ArrayList<>();
        List<String> cues = new ArrayList<>();
        double notIdentifying = 1;
        double notContext = 1;
        boolean singular = SINGULAR_PERSON.matcher(caption.lower()).find();
        boolean setting = false;
        boolean careEvent = false;
        for (TextFinding f : all) {
            if (f.type().equals(FindingTypes.WARD_OR_BED) || f.type().equals(FindingTypes.PATIENT_CONTEXT) && f.score() >= 0.5) setting = true;
            if (f.type().equals(FindingTypes.CARE_EVENT)) careEvent = true;
        }
        boolean anyPatientName = false;
        boolean unknownCounted = false;
        for (PersonRole r : roles) {
            switch (r.role()) {
                case PATIENT -> {
                    anyPatientName = true;
                    double w = r.patientEvidence() >= 0.8 ? 0.9 : 0.75;
                    notIdentifying *= 1 - w;
                    notContext *= 1 - w;
                    reported.add(r.name());
                    cues.add("name:PATIENT");
                }
                case UNKNOWN -> {
                    TextFinding n = r.name();
                    reported.add(new TextFinding(n.type(), n.text(), n.start(), n.end(), n.score() * 0.5));
                    // A name with no patient cue is weak evidence, and a list of such names is no stronger.
                    if (!unknownCounted) notIdentifying *= 0.8;
                    unknownCounted = true;
                    cues.add("name:UNKNOWN");
                }
                case STAFF -> cues.add("name:STAFF");
            }
        }
        for (TextFinding f : all) {
            if (!FindingTypes.REPORTED.contains(f.type())) {
                cues.add(f.type());
                continue;
            }
            if (f.type().equals(FindingTypes.PERSON_NAME)) continue;
            if (f.type().equals(FindingTypes.AGE) && nearStaff(f, staffNames)) continue;
            cues.add(f.type() + (f.score() >= 0.6 ? ":high" : ":low"));
            reported.add(f);
            double w = switch (f.type()) {
                case FindingTypes.NHS_NUMBER -> f.score() >= 0.8 ? 0.95 : 0.3;
                case FindingTypes.DATE_OF_BIRTH -> f.score();
                case FindingTypes.AGE -> (setting || careEvent || singular || anyPatientName) && staffNames.isEmpty() ? 0.7
                        : staffNames.isEmpty() ? 0.3 : 0.1;
                case FindingTypes.WARD_OR_BED -> f.score() >= WardOrBedRecognizer.BED && (singular || careEvent) ? 0.65 : 0;
                case FindingTypes.CARE_EVENT -> singular && staffNames.isEmpty() ? 0.45 : 0;
                case FindingTypes.PERINATAL -> f.score() >= 0.8 && staffNames.isEmpty() ? 0.6 : 0;
                default -> 0;
            };
            notIdentifying *= 1 - w;
            double c = switch (f.type()) {
                case FindingTypes.PATIENT_CONTEXT -> f.score();
                case FindingTypes.PERINATAL -> f.score() >= 0.6 ? f.score() : 0.3;
                case FindingTypes.CARE_EVENT -> staffNames.isEmpty() ? 0.35 : 0.1;
                case FindingTypes.HEALTH_DETAIL -> 0.1;
                default -> 0;
            };
            notContext *= 1 - c;
        }
        double identifying = 1 - notIdentifying;
        double context = Math.max(identifying, 1 - notContext);
        return new Evidence(identifying, context, reported, roles, cues);
    }

    private static boolean nearStaff(TextFinding age, List<TextFinding> staffNames) {
        for (TextFinding s : staffNames) {
            int gap = age.start() >= s.end() ? age.start() - s.end() : s.start() - age.end();
            if (gap <= 30) return true;
        }
        return false;
    }
}
