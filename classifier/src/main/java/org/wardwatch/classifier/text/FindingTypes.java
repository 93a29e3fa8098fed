package org.wardwatch.classifier.text;

import java.util.Set;

/** The finding types caption analysis reports, and the internal ones the role resolver uses. */
public final class FindingTypes {
    public static final String NHS_NUMBER = "NHS_NUMBER";
    public static final String DATE_OF_BIRTH = "DATE_OF_BIRTH";
    public static final String AGE = "AGE";
    public static final String PERSON_NAME = "PERSON_NAME";
    public static final String WARD_OR_BED = "WARD_OR_BED";
    public static final String CARE_EVENT = "CARE_EVENT";
    public static final String PERINATAL = "PERINATAL";
    public static final String HEALTH_DETAIL = "HEALTH_DETAIL";
    public static final String PATIENT_CONTEXT = "PATIENT_CONTEXT";
    /** A staff title or role ("Staff Nurse", "HCA", "ward clerk"); internal, never a patient finding. */
    public static final String STAFF_ROLE = "STAFF_ROLE";
    /** Staff news ("promotion", "retirement", "joins us"); internal. */
    public static final String STAFF_EVENT = "STAFF_EVENT";

    /** Types that appear in a {@code TextAnalysis}. */
    public static final Set<String> REPORTED = Set.of(NHS_NUMBER, DATE_OF_BIRTH, AGE, PERSON_NAME, WARD_OR_BED,
            CARE_EVENT, PERINATAL, HEALTH_DETAIL, PATIENT_CONTEXT);

    private FindingTypes() {
    }
}
