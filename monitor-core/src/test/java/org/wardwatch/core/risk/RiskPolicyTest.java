package org.wardwatch.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.analysis.GeoPoint;
import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.ImageLabel;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextFinding;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.AccountKind;
import org.wardwatch.core.registry.Platform;

class RiskPolicyTest {
    final RiskPolicy policy = new RiskPolicy(0.5);

    static Account account(AccountKind kind) {
        return new Account(1L, "RXN", "Willow Ward", kind, "PICU", Platform.MASTODON, "@willow", null, true, null);
    }

    static ImageAnalysis faces(int n, boolean geotag) {
        List<Box> boxes = java.util.stream.IntStream.range(0, n).mapToObj(i -> new Box(i * 50, 10, 40, 40, 0.9)).toList();
        Set<ImageLabel> labels = new java.util.HashSet<>();
        if (n > 0) labels.add(ImageLabel.FACE);
        if (geotag) labels.add(ImageLabel.GEOTAGGED);
        return new ImageAnalysis(640, 480, boxes, List.of(), List.of(), 0.1, geotag ? new GeoPoint(51.5, -0.1) : null,
                null, labels, 0.9, 10);
    }

    static final TextAnalysis NONE = TextAnalysis.EMPTY;

    @Test
    void reasonsReadLikeTheIssueExample() {
        TextAnalysis caption = new TextAnalysis(true, true, 0.9, List.of(
                new TextFinding("WARD_OR_BED", "Willow Ward", 30, 41, 0.8),
                new TextFinding("PERSON_NAME", "Doreen", 20, 26, 0.9)));
        RiskDecision d = policy.decide(new PostEvidence(account(AccountKind.WARD), caption, List.of(),
                List.of(faces(2, true)), List.of()));
        assertThat(d.flagged()).isTrue();
        assertThat(String.join("; ", d.reasons())).isEqualTo("caption names a patient: 'Doreen'; caption names a ward or bed: "
                + "'Willow Ward'; 2 faces; faces in a post about patients; geotagged photo from a ward account; ward account (PICU)");
        assertThat(d.signals()).contains("FACE", "GEOTAGGED", "PERSON_NAME", "WARD_OR_BED");
        // what the database keeps: the same words, and where the quotes are found again, never the quotes
        assertThat(String.join("; ", d.storedReasons())).isEqualTo("caption names a patient {caption:PERSON_NAME}; "
                + "caption names a ward or bed {caption:WARD_OR_BED}; 2 faces; faces in a post about patients; "
                + "geotagged photo from a ward account; ward account (PICU)");
    }

    @Test
    void contentWarningsAndQuotedPostsAreQuotedOnlyInMemory() {
        TextAnalysis quoted = new TextAnalysis(true, true, 0.9, List.of(new TextFinding("PERSON_NAME", "Doreen", 0, 6, 0.9)));
        RiskDecision d = policy.decide(new PostEvidence(account(AccountKind.WARD), NONE, List.of(), List.of(faces(1, false)),
                List.of(), List.of(new PostEvidence.Attached("quote", quoted)), List.of("self-harm")));
        assertThat(d.reasons()).contains("quoted post names a patient: 'Doreen'", "the platform's content warning: 'self-harm'");
        assertThat(d.storedReasons()).contains("quoted post names a patient {quote:PERSON_NAME}",
                "the platform's content warning {platform:CONTENT_WARNING}");
        assertThat(String.join(" ", d.storedReasons())).doesNotContain("Doreen").doesNotContain("self-harm");
    }

    @Test
    void overlappingSpansOfOneSignalAreQuotedOnce() {
        TextAnalysis caption = new TextAnalysis(true, true, 0.9, List.of(
                new TextFinding("WARD_OR_BED", "the PICU", 0, 8, 0.8),
                new TextFinding("WARD_OR_BED", "PICU", 4, 8, 0.8),
                new TextFinding("WARD_OR_BED", "Willow Ward", 20, 31, 0.8)));
        RiskDecision d = policy.decide(new PostEvidence(account(AccountKind.TRUST), caption, List.of(), List.of(), List.of()));
        assertThat(d.reasons()).containsExactly("caption names a ward or bed: 'the PICU', 'Willow Ward'");
    }

    @Test
    void faceOnWardAccountWithPatientContextOutweighsFaceOnStaffNews() {
        TextAnalysis aboutPatients = new TextAnalysis(false, true, 0.3,
                List.of(new TextFinding("PATIENT_CONTEXT", "our patients", 0, 12, 0.7)));
        RiskDecision ward = policy.decide(new PostEvidence(account(AccountKind.WARD), aboutPatients, List.of(),
                List.of(faces(1, false)), List.of()));
        RiskDecision staff = policy.decide(new PostEvidence(account(AccountKind.STAFF), NONE, List.of(),
                List.of(faces(1, false)), List.of()));
        assertThat(ward.risk()).isGreaterThan(staff.risk());
        assertThat(ward.flagged()).isTrue();
        assertThat(staff.flagged()).isFalse();
    }

    @Test
    void nothingFoundIsNotFlaggedAndHasNoReasons() {
        RiskDecision d = policy.decide(new PostEvidence(account(AccountKind.WARD), NONE, List.of(), List.of(faces(0, false)), List.of()));
        assertThat(d.flagged()).isFalse();
        assertThat(d.risk()).isZero();
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void nameWrittenOnAWhiteboardRaisesTheCase() {
        TextAnalysis board = new TextAnalysis(true, false, 0.8, List.of(new TextFinding("PERSON_NAME", "Doreen", 0, 6, 0.8)));
        RiskDecision d = policy.decide(new PostEvidence(account(AccountKind.WARD), NONE, List.of(), List.of(faces(0, false)),
                List.of(board)));
        assertThat(d.flagged()).isTrue();
        assertThat(d.reasons()).contains("text in the image names a patient: 'Doreen'");
        assertThat(d.signals()).contains("TEXT", "PERSON_NAME");
    }
}
