package org.wardwatch.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
import org.wardwatch.dashboard.testing.Seed;
import org.wardwatch.dashboard.testing.TestDashboard;

import javax.imageio.ImageIO;

/**
 * Revealing an original: a content warning first, then a re-encoded rendition of the decrypted image
 * (never the stored bytes), and an audit entry; an image that cannot be decoded is not revealed.
 */
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
        assertThat(MediaVault.sha256(image)).as("drawn anew, not the stored bytes").isNotEqualTo(sha);
        BufferedImage shownImage = ImageIO.read(new ByteArrayInputStream(image));
        assertThat(shownImage.getWidth()).isEqualTo(640);
        assertThat(shownImage.getHeight()).isEqualTo(480);

        assertThat(d.auditCount("reveal")).isEqualTo(1);
        String log = d.signedIn("admin").get("/admin/audit?action=reveal").body();
        assertThat(log).contains("reviewer").contains("case " + d.caseA).contains("original of image " + d.mediaA);
        assertThat(reviewer.get("/cases/" + d.caseA).body()).contains("Original image revealed");
    }

    @Test
    void aLargeOriginalIsRevealedScaledDownToTheBoundedSize() throws Exception {
        long post = d.seed.post(d.accountA, "mastodon", "A wide view of the day room", "https://social.example/@willowward/77", java.time.Instant.now());
        long big = d.seed.media(post, Seed.jpeg(3000, 1500, java.awt.Color.DARK_GRAY), 3000, 1500);
        d.seed.caseFor(post, d.orgA, d.accountA, 0.8, java.util.List.of("ward account"), "PATIENT_CONTEXT");
        Browserless reviewer = d.signedIn("reviewer");
        reviewer.get("/media/" + big + "/reveal");
        var shown = reviewer.post("/media/" + big + "/reveal", Map.of());
        Matcher m = Pattern.compile("src=\"data:image/jpeg;base64,([^\"]+)\"").matcher(shown.body());
        assertThat(m.find()).isTrue();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
        assertThat(image.getWidth()).isEqualTo(Images.REVEAL_MAX_SIDE);
        assertThat(image.getHeight()).isEqualTo(Images.REVEAL_MAX_SIDE / 2);
    }

    @Test
    void anImageThatCannotBeDecodedIsNotRevealedAndTheFailureIsAudited() throws Exception {
        long post = d.seed.post(d.accountA, "mastodon", "Look at this", "https://social.example/@willowward/78", java.time.Instant.now());
        byte[] bomb = pixelBomb();
        long bombId = d.seed.media(post, bomb, 60_000, 60_000);
        byte[] corrupt = java.util.Arrays.copyOf(Seed.jpeg(320, 240, java.awt.Color.GRAY), 200);
        long corruptId = d.seed.media(post, corrupt, 320, 240);
        d.seed.caseFor(post, d.orgA, d.accountA, 0.8, java.util.List.of("ward account"), "PATIENT_CONTEXT");
        Browserless reviewer = d.signedIn("reviewer");
        for (long id : new long[] {bombId, corruptId}) {
            reviewer.get("/media/" + id + "/reveal");
            var r = reviewer.post("/media/" + id + "/reveal", Map.of());
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(r.body()).contains("Image not revealed").contains("cannot be decoded safely")
                    .doesNotContain("data:image").doesNotContain(Base64.getEncoder().encodeToString(bomb).substring(0, 40));
        }
        assertThat(d.auditCount("reveal")).isZero();
        assertThat(d.auditCount("reveal_failed")).isEqualTo(2);
    }

    /** A valid PNG that declares 60,000 x 60,000 pixels (3.6 billion) in a few hundred bytes. */
    static byte[] pixelBomb() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(60_000).putInt(60_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(raw)) {
            z.write(new byte[4096]);
        }
        chunk(out, "IDAT", raw.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
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
