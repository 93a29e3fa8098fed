package org.wardwatch.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.dashboard.testing.Browserless;
import org.wardwatch.dashboard.testing.TestDashboard;

/** Revealing an original: a content warning first, then the decrypted image, and an audit entry. */
class RevealTest {
    TestDashboard d;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        d = new TestDashboard(dir, 1);
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void reviewerSeesAWarningThenTheOriginalAndTheRevealIsAudited() throws Exception {
        Browserless reviewer = d.signedIn("reviewer");
        String warning = reviewer.get("/media/" + d.mediaA + "/reveal").body();
        assertThat(warning).contains("Content warning").doesNotContain("data:image");
        assertThat(d.auditCount("reveal")).isZero();

        var shown = reviewer.post("/media/" + d.mediaA + "/reveal", Map.of());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher m = Pattern.compile("src=\"data:image/jpeg;base64,([^\"]+)\"").matcher(shown.body());
        assertThat(m.find()).isTrue();
        byte[] image = Base64.getDecoder().decode(m.group(1));
        String sha = d.app.database().jdbi().withHandle(h -> h.createQuery("SELECT sha256 FROM media WHERE id = " + d.mediaA)
                .mapTo(String.class).one());
        assertThat(MediaVault.sha256(image)).isEqualTo(sha);

        assertThat(d.auditCount("reveal")).isEqualTo(1);
        String log = d.signedIn("admin").get("/admin/audit?action=reveal").body();
        assertThat(log).contains("reviewer").contains("case " + d.caseA).contains("original of image " + d.mediaA);
        assertThat(reviewer.get("/cases/" + d.caseA).body()).contains("Original image revealed");
    }

    @Test
    void caseListsPageShowsOnlyBlurredOrPlaceholderImages() {
        Browserless reviewer = d.signedIn("reviewer");
        var img = reviewer.getBytes("/media/" + d.mediaA + "/blurred");
        assertThat(img.statusCode()).isEqualTo(200);
        String type = img.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("image/svg")) {
            assertThat(new String(img.body())).contains("image hidden");
        } else {
            assertThat(type).isEqualTo("image/jpeg");
        }
        String sha = d.app.database().jdbi().withHandle(h -> h.createQuery("SELECT sha256 FROM media WHERE id = " + d.mediaA)
                .mapTo(String.class).one());
        assertThat(MediaVault.sha256(img.body())).isNotEqualTo(sha);
    }

    @Test
    void adminsAndOtherTrustsReviewersCannotReveal() {
        assertThat(d.signedIn("admin").post("/media/" + d.mediaA + "/reveal", Map.of()).statusCode()).isEqualTo(403);
        Browserless other = d.signedIn("reviewer-b");
        other.get("/queue");
        assertThat(other.post("/media/" + d.mediaA + "/reveal", Map.of()).statusCode()).isEqualTo(403);
        assertThat(d.auditCount("reveal")).isZero();
    }
}
