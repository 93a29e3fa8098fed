package org.wardwatch.dashboard.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.jdbi.v3.core.Jdbi;
import org.wardwatch.core.crypto.ContentCipher;
import org.wardwatch.core.crypto.ContentColumn;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.dashboard.store.Rows;

/** Writes realistic rows straight into the schema, as the ingest pipeline would (content encrypted), for dashboard tests. */
public final class Seed {
    private final Jdbi jdbi;
    private final MediaVault vault;
    private final ContentCipher cipher;

    public Seed(Jdbi jdbi, MediaVault vault, ContentCipher cipher) {
        this.jdbi = jdbi;
        this.vault = vault;
        this.cipher = cipher;
    }

    public long organisation(String name, String ods, String commsEmail) {
        Instant now = Instant.now();
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO organisations (name, ods_code, kind, comms_email, created_at, updated_at)
                        VALUES (:n, :ods, 'nhs_trust', :c, :now, :now)""")
                .bind("n", name).bind("ods", ods).bind("c", commsEmail).bind("now", Rows.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public long account(long orgId, String name, String kind, String platform, String handle) {
        Instant now = Instant.now();
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO accounts (organisation_id, account_key, name, kind, platform, handle, active,
                                              created_at, updated_at)
                        VALUES (:o, :k, :n, :kind, :p, :h, TRUE, :now, :now)""")
                .bind("o", orgId).bind("k", platform + "||" + handle).bind("n", name).bind("kind", kind)
                .bind("p", platform).bind("h", handle).bind("now", Rows.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public long post(long accountId, String platform, String text, String permalink, Instant published) {
        return jdbi.withHandle(h -> {
            long id = h.createUpdate("""
                            INSERT INTO posts (account_id, platform, external_id, permalink, published_at, fetched_at, text,
                                               content_hash, status, first_seen_at, last_seen_at)
                            VALUES (:a, :p, :x, :link, :pub, :pub, :t, :hash, 'live', :pub, :pub)""")
                    .bind("a", accountId).bind("p", platform).bind("x", UUID.randomUUID().toString())
                    .bind("link", permalink).bind("pub", Rows.ts(published)).bind("t", cipher.encrypt(ContentColumn.POST_TEXT, text))
                    .bind("hash", UUID.randomUUID().toString().replace("-", ""))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO post_events (post_id, at, event) VALUES (:p, :at, 'first_seen')")
                    .bind("p", id).bind("at", Rows.ts(published)).execute();
            return id;
        });
    }

    /** Stores an image in the vault and its media row, as the pipeline does. */
    public long media(long postId, byte[] image, int width, int height) throws IOException {
        String sha = MediaVault.sha256(image);
        String path = vault.store(image, sha);
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO media (post_id, position, url, sha256, size_bytes, mime, width, height, file_path, fetched_at)
                        VALUES (:p, 0, :u, :sha, :size, 'image/jpeg', :w, :h, :f, :now)""")
                .bind("p", postId).bind("u", "https://example.org/m/" + sha + ".jpg").bind("sha", sha)
                .bind("size", (long) image.length).bind("w", width).bind("h", height).bind("f", path)
                .bind("now", Rows.ts(Instant.now()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public void captionFinding(long postId, String type, String text, int start, int end, double score) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO findings (post_id, source, type, text, span_start, span_end, score, created_at)
                        VALUES (:p, 'caption', :t, :x, :s, :e, :score, :now)""")
                .bind("p", postId).bind("t", type).bind("x", cipher.encrypt(ContentColumn.FINDING_TEXT, text)).bind("s", start)
                .bind("e", end).bind("score", score)
                .bind("now", Rows.ts(Instant.now())).execute());
    }

    public void boxFinding(long postId, long mediaId, String type, int x, int y, int w, int hgt, double score) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO findings (post_id, media_id, source, type, box_x, box_y, box_w, box_h, score, created_at)
                        VALUES (:p, :m, 'image', :t, :x, :y, :w, :h, :score, :now)""")
                .bind("p", postId).bind("m", mediaId).bind("t", type).bind("x", x).bind("y", y).bind("w", w)
                .bind("h", hgt).bind("score", score).bind("now", Rows.ts(Instant.now())).execute());
    }

    public long caseFor(long postId, long orgId, long accountId, double risk, List<String> reasons, String signals) {
        String json = "[" + String.join(",", reasons.stream().map(r -> "\"" + r.replace("\"", "\\\"") + "\"").toList()) + "]";
        Instant now = Instant.now();
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO cases (post_id, organisation_id, account_id, risk, reasons, signals, status,
                                           created_at, updated_at)
                        VALUES (:p, :o, :a, :r, :reasons, :s, 'open', :now, :now)""")
                .bind("p", postId).bind("o", orgId).bind("a", accountId).bind("r", risk).bind("reasons", json)
                .bind("s", signals).bind("now", Rows.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** A plain drawn JPEG (no person in it), so tests never need real photos. */
    public static byte[] jpeg(int width, int height, Color colour) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 3, height / 4, width / 4, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
