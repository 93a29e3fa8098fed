package org.wardwatch.classifier.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.wardwatch.core.analysis.TextFinding;

/**
 * Decides whether each named person is a patient or staff. A staff title or role right before the
 * name ("Staff Nurse Sarah Bennett", "our housekeeper Pam") or in apposition after it ("Dr Oliver
 * Grant, our new Medical Director") makes the person staff unless a patient cue is just as close
 * ("our patient Connor"). Otherwise the cues in the caption are weighed: staff news (promotion,
 * retirement, awards, joining, recruitment) against patient cues (care events, "our patient", a ward
 * stay, an age next to the name, a birthday on the ward, mum and baby, health details).
 */
public final class RoleResolver {
    static final double ADJACENT = 1.0;
    static final double PATIENT_THRESHOLD = 0.4;

    private static final Pattern ROLE_GAP_BEFORE = Pattern.compile(
            "^(?:\\s+of\\s+(?:\\p{Lu}\\p{L}+\\s+){1,3})?[\\s\\p{Ll}'’-]{0,25}$");
    private static final Pattern ROLE_GAP_AFTER = Pattern.compile(
            "^\\s*(?:(?:,|–|-|—|\\(|:)\\s*(?:[\\p{L}\\d'’-]+\\s+){0,4}"
                    + "|(?:(?:our|the|a|an|is|was|has|who|as|now|new|newly|lovely|brilliant|fab|fabulous|amazing|wonderful|own|deputy|senior|lead|head|trust|ward|unit|team|qualified|appointed|joins?|joined|us|from|in|of|at|on|with|\\p{L}+'s)\\s+){0,5})$");
    private static final Pattern CONTEXT_GAP_AFTER = Pattern.compile("^\\s*(?:,|–|-|—|\\()\\s*(?:a|an|our|one\\s+of)?\\s*$");
    private static final Pattern CONTEXT_GAP_BEFORE = Pattern.compile("^[\\s,:\\p{Ll}'’-]{0,20}$");

    private static final Pattern FORMAL_BEFORE = Pattern.compile("\\b(?:mrs?|ms|miss|mx)\\.?\\s$");
    public List<PersonRole> resolve(Caption caption, List<TextFinding> findings) {
        List<PersonRole> out = new ArrayList<>();
        double captionStaff = 0;
        double carePatient = 0;
        double settingPatient = 0;
        for (TextFinding f : findings) {
            switch (f.type()) {
                case FindingTypes.STAFF_EVENT -> captionStaff = Math.max(captionStaff, f.score() >= 0.7 ? 0.6 : f.score() >= 0.5 ? 0.4 : 0.2);
                case FindingTypes.CARE_EVENT -> carePatient = Math.max(carePatient, 0.6);
                case FindingTypes.PERINATAL -> carePatient = Math.max(carePatient, 0.5);
                case FindingTypes.HEALTH_DETAIL -> settingPatient = Math.max(settingPatient, 0.4);
                case FindingTypes.PATIENT_CONTEXT -> {
                    // Plural context ("patients on the ward") says little about one named person, who may be a visitor or an entertainer.
                    if (f.score() >= PatientContextRecognizer.STRONG) settingPatient = Math.max(settingPatient, 0.15);
                }
                case FindingTypes.DATE_OF_BIRTH, FindingTypes.NHS_NUMBER -> {
                    if (f.score() >= 0.6) carePatient = Math.max(carePatient, 0.8);
                }
                default -> {
                }
            }
        }
        double ward = 0;
        for (TextFinding f : findings) {
            if (f.type().equals(FindingTypes.WARD_OR_BED)) ward = Math.max(ward, f.score() >= WardOrBedRecognizer.NAMED_WARD ? 0.45 : f.score() >= WardOrBedRecognizer.DESCRIBED_UNIT ? 0.4 : 0.25);
        }
        String text = caption.text();
        for (TextFinding name : findings) {
            if (!name.type().equals(FindingTypes.PERSON_NAME)) continue;
            double staffAdjacent = 0;
            double patientAdjacent = 0;
            double age = 0;
            for (TextFinding f : findings) {
                if (f == name) continue;
                switch (f.type()) {
                    case FindingTypes.STAFF_ROLE -> {
                        if (f.end() <= name.start() && name.start() - f.end() <= 25
                                && ROLE_GAP_BEFORE.matcher(text.substring(f.end(), name.start())).matches()) staffAdjacent = ADJACENT;
                        if (f.start() >= name.end() && f.start() - name.end() <= 45
                                && ROLE_GAP_AFTER.matcher(text.substring(name.end(), f.start())).matches()) staffAdjacent = Math.max(staffAdjacent, 0.9);
                    }
                    case FindingTypes.PATIENT_CONTEXT -> {
                        if (f.end() <= name.start() && name.start() - f.end() <= 20
                                && CONTEXT_GAP_BEFORE.matcher(text.substring(f.end(), name.start())).matches()) patientAdjacent = ADJACENT;
                        // "Kevin, a former patient" / "Kevin, one of our service users": the cue in apposition after the name.
                        if (f.start() >= name.end() && f.start() - name.end() <= 25 && f.score() >= PatientContextRecognizer.STRONG
                                && CONTEXT_GAP_AFTER.matcher(text.substring(name.end(), f.start())).matches()) patientAdjacent = ADJACENT;
                    }
                    case FindingTypes.PERINATAL -> {
                        if (f.start() <= name.start() && name.start() < f.end()) patientAdjacent = ADJACENT;
                        if (f.end() <= name.start() && name.start() - f.end() <= 6) patientAdjacent = ADJACENT;
                    }
                    case FindingTypes.AGE -> {
                        int gap = f.start() >= name.end() ? f.start() - name.end() : name.start() - f.end();
                        if (gap >= -name.text().length() && gap <= 30 && sameSentence(text, name, f)) age = 0.7;
                    }
                    default -> {
                    }
                }
            }
            String before = caption.lowerWindow(name.start() - 5, name.start());
            double formal = FORMAL_BEFORE.matcher(before).find() ? 0.2 : 0;
            double patient = patientAdjacent + age + carePatient + settingPatient + ward + formal;
            double staff = staffAdjacent + captionStaff;
            PersonRole.Role role;
            if (staffAdjacent >= 0.9 && patientAdjacent < ADJACENT) role = PersonRole.Role.STAFF;
            else if (patient >= PATIENT_THRESHOLD && patient > staff) role = PersonRole.Role.PATIENT;
            else if (staff > 0) role = PersonRole.Role.STAFF;
            else role = PersonRole.Role.UNKNOWN;
            out.add(new PersonRole(name, role, patient, staff));
        }
        return out;
    }

    private static boolean sameSentence(String text, TextFinding a, TextFinding b) {
        int from = Math.min(a.end(), b.end());
        int to = Math.max(a.start(), b.start());
        for (int i = from; i < to && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') return false;
        }
        return true;
    }
}
