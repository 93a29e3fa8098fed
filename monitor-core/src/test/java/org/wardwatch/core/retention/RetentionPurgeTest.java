package org.wardwatch.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextFinding;
import org.wardwatch.core.media.MediaVault;
import org.wardwatch.core.pipeline.Analyzers;
import org.wardwatch.core.pipeline.CrawlReport;
import org.wardwatch.core.pipeline.IngestPipeline;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.registry.RegistryReader;
import org.wardwatch.core.registry.RegistryStore;
import org.wardwatch.core.risk.RiskPolicy;
import org.wardwatch.core.source.AccountSignals;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.store.CaseStore;
import org.wardwatch.core.store.CrawlRunStore;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.store.PostStore;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestImages;
import org.wardwatch.core.testing.TestKeys;
import org.wardwatch.core.crypto.ContentColumn;

class RetentionPurgeTest {
    @TempDir
    Path dir;

    final Clock sixtyDaysAgo = Clock.fixed(Instant.now().minusSeconds(60L * 86400), ZoneOffset.UTC);

    @Test
    void resolvedAndUnflaggedPostsLoseImagesAndTextButKeepTheEvidence() throws Exception {
        try (Database db = TestDatabases.h2(dir)) {
            RegistryStore registry = new RegistryStore(db.jdbi(), sixtyDaysAgo);
            registry.importFile(RegistryReader.parseYaml("""
                    organisations:
                      - name: Northfield
                        ods: RXN
                        accounts:
                          - kind: ward
                            platform: rss
                            handle: https://willow.example/feed
                    """, "a.yaml"));
            Account ward = registry.activeAccounts().get(0);
            MediaVault vault = new MediaVault(dir.resolve("vault"), TestKeys.bytes());
            Map<String, byte[]> images = Map.of("https://img/a.png", TestImages.png(30, 30, Color.RED),
                    "https://img/b.png", TestImages.png(30, 30, Color.BLUE), "https://img/c.png", TestImages.png(30, 30, Color.GREEN));
            List<FetchedPost> posts = List.of(
                    post("resolved", "Doreen on the ward", "https://img/a.png"),
                    post("open", "Doreen again", "https://img/b.png"),
                    post("plain", "The garden", "https://img/c.png"));
            PostSource source = new PostSource() {
                public Platform platform() { return Platform.RSS; }
                public CrawlBatch fetch(Account a, CrawlState s, org.wardwatch.core.source.Deadline d) { return new CrawlBatch(posts, s, AccountSignals.NONE, List.of()); }
                public Map<Long, PostStatus> recheck(Account a, CrawlState s, List<PostRef> r) { return Map.of(); }
            };
            IngestPipeline pipeline = pipeline(db, registry, vault, source, images, sixtyDaysAgo);
            pipeline.crawl(ward);
            db.jdbi().useHandle(h -> h.execute("UPDATE cases SET status = 'resolved' WHERE post_id = "
                    + "(SELECT id FROM posts WHERE external_id = 'resolved')"));

            RetentionPurge purge = new RetentionPurge(db.jdbi(), vault, Clock.systemUTC());
            assertThat(purge.purge(30)).isEqualTo(new RetentionPurge.Result(2, 2));

            List<Map<String, Object>> rows = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT p.external_id, p.text, p.content_hash, m.file_path, m.sha256 FROM posts p JOIN media m "
                            + "ON m.post_id = p.id ORDER BY p.external_id").mapToMap().list());
            assertThat(rows).extracting(r -> r.get("external_id")).containsExactly("open", "plain", "resolved");
            assertThat(TestKeys.cipher().decrypt(ContentColumn.POST_TEXT, (String) rows.get(0).get("text"))).isEqualTo("Doreen again");
            assertThat(rows.get(0).get("file_path")).isNotNull();
            for (Map<String, Object> purged : List.of(rows.get(1), rows.get(2))) {
                assertThat(purged.get("text")).isNull();
                assertThat(purged.get("file_path")).isNull();
                assertThat(purged.get("sha256")).isNotNull();
                assertThat(purged.get("content_hash")).isNotNull();
            }
            List<String> findingTexts = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT f.text FROM findings f JOIN posts p ON p.id = f.post_id WHERE p.external_id = 'resolved'")
                    .mapTo(String.class).list());
            assertThat(findingTexts).isNotEmpty().containsOnlyNulls();
            String reasons = db.jdbi().withHandle(h -> h.createQuery("SELECT reasons FROM cases c JOIN posts p ON p.id = c.post_id "
                    + "WHERE p.external_id = 'resolved'").mapTo(String.class).one());
            assertThat(reasons).contains("names a patient");
            try (var files = Files.walk(dir.resolve("vault").resolve("media"))) {
                assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
            }

            // crawling the same posts again neither re-downloads nor re-stores what was purged
            CrawlReport again = pipeline(db, registry, vault, source, images, Clock.systemUTC()).crawl(ward);
            assertThat(again.newPosts()).isZero();
            assertThat(again.media()).isZero();
            assertThat(purge.purge(30).posts()).isZero();
        }
    }

    static IngestPipeline pipeline(Database db, RegistryStore registry, MediaVault vault, PostSource source,
                                   Map<String, byte[]> images, Clock clock) {
        return IngestPipeline.over(db.jdbi(), clock, registry, vault, TestKeys.cipher(), p -> source, (acct, url, max, deadline) -> images.get(url),
                new Analyzers(() -> text -> text.startsWith("Doreen")
                        ? new TextAnalysis(true, true, 0.9, List.of(new TextFinding("PERSON_NAME", "Doreen", 0, 6, 0.9)))
                        : TextAnalysis.EMPTY, null),
                new RiskPolicy(0.5), 1_000_000, java.time.Duration.ofMinutes(5));
    }

    static FetchedPost post(String id, String text, String image) {
        return new FetchedPost(id, "https://willow.example/" + id, Instant.parse("2026-09-01T10:00:00Z"), text,
                List.of(FetchedMedia.of(image, null)));
    }
}
