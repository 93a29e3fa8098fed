package org.wardwatch.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Patient content is stored encrypted and shown decrypted only on the case page and case API, to
 * those who may see the case; reasons are stored in words and quote their spans only there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentShownTest {
    TestDashboard d;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
    }

    @AfterAll
    void stop() {
        d.close();
    }

    String raw(String sql) {
        return d.app.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    @Test
    void theDatabaseHoldsCiphertextAndReasonsWithoutTheName() {
        String stored = raw("SELECT p.text FROM posts p JOIN cases c ON c.post_id = p.id WHERE c.id = " + d.caseA);
        assertThat(stored).startsWith("wwc1.").doesNotContain("Doreen").doesNotContain("birthday");
        assertThat(raw("SELECT f.text FROM findings f JOIN cases c ON c.post_id = f.post_id WHERE c.id = " + d.caseA
                + " AND f.type = 'PERSON_NAME'")).startsWith("wwc1.").doesNotContain("Doreen");
        assertThat(raw("SELECT reasons FROM cases WHERE id = " + d.caseA)).doesNotContain("Doreen");
    }

    @Test
    void theReviewerOfTheOrganisationReadsCaptionAndQuotedReasonOnTheCasePage() {
        String page = d.signedIn("reviewer").get("/cases/" + d.caseA).body();
        assertThat(page).contains("Happy birthday ").contains("Doreen").contains("caption names a patient: 'Doreen'");
    }

    @Test
    void theCaseApiCarriesTheCaptionQuotesAndSpansTheQueueApiOnlyWords() throws Exception {
        String token = d.app.apiTokens().issue("reviewer");
        Browserless api = new Browserless(d.base());
        JsonNode c = new ObjectMapper().readTree(api.api("/api/cases/" + d.caseA, token).body());
        assertThat(c.path("post").path("caption").asText())
                .isEqualTo("Happy birthday Doreen! Lovely afternoon in the garden with our patients on Willow Ward.");
        assertThat(c.path("reasons").toString()).contains("caption names a patient: 'Doreen'").doesNotContain("{caption:");
        assertThat(c.path("findings").toString()).contains("\"text\":\"Doreen\"");

        String queue = api.api("/api/cases?status=all", token).body();
        assertThat(queue).contains("caption names a patient").doesNotContain("Doreen").doesNotContain("{caption:");
    }

    @Test
    void anotherOrganisationsReviewerAndTheAuditorGetNothingOfIt() {
        assertThat(d.signedIn("reviewer-b").get("/cases/" + d.caseA).body()).doesNotContain("Doreen");
        String token = d.app.apiTokens().issue("reviewer-b");
        var r = new Browserless(d.base()).api("/api/cases/" + d.caseA, token);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("Doreen");
        assertThat(d.signedIn("auditor").get("/providers").body()).doesNotContain("Doreen");
    }
}
