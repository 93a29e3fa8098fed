package org.wardwatch.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

/**
 * Text and links written by strangers, as they come out of the database whatever ingest let in: only
 * http and https permalinks are links, control characters never reach a page or the JSON, and
 * direction overrides are shown as visible tokens on pages and escaped in JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawledTextTest {
    static final String CAPTION = "Doreen\u0000 in the day room \u202Egnp.exe\u202C today\u0085 \u001B[31mred\u007F and \u2066isolated\u2069";

    TestDashboard d;
    long dataCase, vbCase, jsCase, httpsCase;
    String token;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
        dataCase = caseWith("data:text/html,<script>alert(document.cookie)</script>", CAPTION);
        vbCase = caseWith("vbscript:msgbox(1)", "plain");
        jsCase = caseWith(" JavaScript:alert(1)", "plain");
        httpsCase = caseWith("https://social.example/@willowward/4242", "plain");
        token = d.app.apiTokens().issue("reviewer");
    }

    @AfterAll
    void stop() {
        d.close();
    }

    private long caseWith(String permalink, String caption) {
        long post = d.seed.post(d.accountA, "mastodon", caption, permalink, Instant.now().minusSeconds(3600));
        return d.seed.caseFor(post, d.orgA, d.accountA, 0.9, List.of("ward account"), "PATIENT_CONTEXT");
    }

    @Test
    void onlyHttpAndHttpsPermalinksAreLinks() {
        Browserless reviewer = d.signedIn("reviewer");
        String data = reviewer.get("/cases/" + dataCase).body();
        assertThat(data).doesNotContainIgnoringCase("href=\"data:").doesNotContain("<script>alert")
                .contains("<span class=\"unlinked\"").contains("data:text/html,&lt;script&gt;");
        for (long c : List.of(vbCase, jsCase)) {
            String page = reviewer.get("/cases/" + c).body();
            String link = page.substring(page.indexOf("id=\"permalink\""), page.indexOf("</dd>", page.indexOf("id=\"permalink\"")));
            assertThat(link).doesNotContain("<a ").contains("unlinked");
        }
        assertThat(reviewer.get("/cases/" + httpsCase).body())
                .contains("<a href=\"https://social.example/@willowward/4242\" rel=\"noopener noreferrer\"");
    }

    @Test
    void theCasePageShowsNoControlCharacterAndMakesDirectionChangesVisible() {
        String page = d.signedIn("reviewer").get("/cases/" + dataCase).body();
        assertThat(page).contains("Doreen in the day room [U+202E]gnp.exe[U+202C] today [31mred and [U+2066]isolated[U+2069]");
        for (char c : new char[] {'\u0000', '\u202E', '\u202C', '\u2066', '\u2069', '\u0085', '\u001B', '\u007F'}) {
            assertThat(page.indexOf(c)).as("U+%04X on the page", (int) c).isEqualTo(-1);
        }
    }

    @Test
    void theJsonCarriesNoControlCharacterAndEscapesDirectionChanges() {
        String json = new Browserless(d.base()).api("/api/cases/" + dataCase, token).body();
        assertThat(json).contains("Doreen in the day room \\u202Egnp.exe\\u202C today [31mred and \\u2066isolated\\u2069");
        assertThat(json).doesNotContain("\\u0000").doesNotContain("\\u001B").doesNotContain("\\u001b");
        for (char c : new char[] {'\u0000', '\u202E', '\u202C', '\u0085', '\u001B', '\u007F'}) {
            assertThat(json.indexOf(c)).as("U+%04X in the JSON", (int) c).isEqualTo(-1);
        }
    }
}
