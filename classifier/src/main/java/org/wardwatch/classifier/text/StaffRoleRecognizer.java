package org.wardwatch.classifier.text;

import java.util.List;

/**
 * Staff titles and roles: "Dr", "Staff Nurse", "Sister", "HCA", "ward clerk", "Director", "student
 * nurse", "OT". Internal: the role resolver uses these spans to tell staff names from patient names,
 * and they never appear as patient findings.
 */
public final class StaffRoleRecognizer extends PatternRecognizer {
    static final String ROLES = "(?:dr|doctor|prof|professor|staff\\s+nurse|charge\\s+nurse|senior\\s+nurse|student\\s+nurse|student\\s+midwife|student\\s+paramedic|student\\s+ot|nursing\\s+associate|nursing\\s+assistant|nurse\\s+consultant|nurse\\s+specialist|clinical\\s+nurse\\s+specialist|nurse|sister|ward\\s+sister|matron|modern\\s+matron|ward\\s+manager|deputy\\s+ward\\s+manager|team\\s+leader|team\\s+manager|service\\s+manager|manager|hca|healthcare\\s+assistant|health\\s+care\\s+assistant|hcsw|healthcare\\s+support\\s+worker|support\\s+worker|peer\\s+support\\s+worker|activity\\s+coordinator|activities\\s+coordinator|activity\\s+co-ordinator|ward\\s+clerk|receptionist|administrator|secretary|housekeeper|domestic|porter|chef|caterer|cleaner|estates|ot|occupational\\s+therapist|physio|physiotherapist|psychologist|psychiatrist|psychotherapist|art\\s+therapist|music\\s+therapist|therapist|consultant|registrar|junior\\s+doctor|f1|f2|ct1|st\\d|gp|pharmacist|pharmacy\\s+technician|dietitian|dietician|social\\s+worker|midwife|health\\s+visitor|paramedic|chaplain|volunteer|apprentice|preceptee|rmn|rgn|rn|director|medical\\s+director|chief\\s+executive|ceo|chair|chairman|chairwoman|governor|non-executive|lead|clinical\\s+lead|deputy|colleague|colleagues|staff|trainee|intern|speech\\s+and\\s+language\\s+therapist|salt|ambassador|champion|freedom\\s+to\\s+speak\\s+up\\s+guardian)";

    public StaffRoleRecognizer() {
        super(FindingTypes.STAFF_ROLE,
                List.of(NamedPattern.of("role", "\\b" + ROLES + "(?:s|'s)?\\b\\.?", 0.9)),
                List.of(), 0, 0);
    }
}
