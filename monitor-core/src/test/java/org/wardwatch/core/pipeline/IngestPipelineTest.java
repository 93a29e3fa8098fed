package org.wardwatch.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wardwatch.core.analysis.Box;
import org.wardwatch.core.analysis.ImageAnalysis;
import org.wardwatch.core.analysis.ImageAnalyzer;
import org.wardwatch.core.analysis.ImageLabel;
import org.wardwatch.core.analysis.TextAnalysis;
import org.wardwatch.core.analysis.TextAnalyzer;
import org.wardwatch.core.analysis.TextFinding;
import org.wardwatch.core.crypto.ContentColumn;
import org.wardwatch.core.media.MediaVault;
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
import org.wardwatch.core.source.SourceException;
import org.wardwatch.core.store.CaseStore;
import org.wardwatch.core.store.CrawlRunStore;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.store.PostStore;
import org.wardwatch.core.testing.TestDatabases;
import org.wardwatch.core.testing.TestDatabases.Kind;
import org.wardwatch.core.testing.TestImages;
import org.wardwatch.core.testing.TestKeys;

/**
 * The pipeline against a real database. The platform and the classifiers are stood in for by
 * small fakes here: the real sources and classifiers have their own tests, and the end-to-end
 * crawl test drives them together.
 */
class IngestPipelineTest {
    static final String REGISTRY = """
            organisations:
              - name: Northfield
                ods: RXN
                accounts:
                  - name: Willow Ward
                    kind: ward
                    platform: rss
                    handle: https://willow.example/feed
                  - name: Trust news
                    kind: trust
                    platform: rss
                    handle: https://northfield.example/feed
                  - name: Staff nurse
                    kind: staff
                    platform: mastodon
                    handle: "@nurse"
                    baseUrl: https://social.example
            """;

    @TempDir
    Path dir;

    final FakeSource source = new FakeSource();
    final Map<String, byte[]> images = new HashMap<>();

    Database db;
    RegistryStore registry;
    IngestPipeline pipeline;

    void open(Kind kind) throws Exception {
        db = TestDatabases.open(kind, dir);
        registry = new RegistryStore(db.jdbi(), Clock.systemUTC());
        registry.importFile(RegistryReader.parseYaml(REGISTRY, "accounts.yaml"));
        MediaVault vault = new MediaVault(dir.resolve("vault"), TestKeys.bytes());
        pipeline = IngestPipeline.over(db.jdbi(), Clock.systemUTC(), registry, vault, TestKeys.cipher(),
                p -> source, (acct, url, max, deadline) -> {
                    byte[] b = images.get(url);
                    if (b == null) throw new SourceException("HTTP 404 for " + url);
                    if (b.length > max) throw new SourceException("larger than " + max + " bytes");
                    return b;
                }, new Analyzers(() -> NAMES, () -> RED_IS_A_FACE), new RiskPolicy(0.5), 50_000, Duration.ofMinutes(5));
    }

    Account ward() {
        return registry.activeAccounts().stream().filter(a -> a.name().equals("Willow Ward")).findFirst().orElseThrow();
    }

    Account trust() {
        return registry.activeAccounts().stream().filter(a -> a.name().equals("Trust news")).findFirst().orElseThrow();
    }

    IngestPipeline pipeline(Duration accountTimeout) throws Exception {
        MediaVault vault = new MediaVault(dir.resolve("vault"), TestKeys.bytes());
        return IngestPipeline.over(db.jdbi(), Clock.systemUTC(), registry, vault, TestKeys.cipher(), p -> source,
                (acct, url, max, deadline) -> {
                    if (deadline.passed()) throw new SourceException("image " + url + ": " + deadline + " passed");
                    byte[] b = images.get(url);
                    if (b == null) throw new SourceException("HTTP 404 for " + url);
                    return b;
                }, new Analyzers(() -> NAMES, () -> RED_IS_A_FACE), new RiskPolicy(0.5), 50_000, accountTimeout);
    }

    Account staff() {
        return registry.activeAccounts().stream().filter(a -> a.name().equals("Staff nurse")).findFirst().orElseThrow();
    }

    long count(String table) {
        return scalar("SELECT COUNT(*) FROM " + table);
    }

    String text(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    long scalar(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rerunAddsNothingAndLosesNothing(Kind kind) throws Exception {
        open(kind);
        images.put("https://img/1.jpg", TestImages.jpeg(80, 60, Color.RED));
        images.put("https://img/2.png", TestImages.png(80, 60, Color.BLUE));
        source.posts.add(post("1", "Happy 80th birthday to Doreen on Willow Ward", media("https://img/1.jpg", "Doreen with her cake")));
        source.posts.add(post("2", "Our garden is in bloom", media("https://img/2.png", null)));
        source.posts.add(post("3", "Staff training day"));

        CrawlReport first = pipeline.crawl(ward());
        assertThat(first.error()).isNull();
        assertThat(first.newPosts()).isEqualTo(3);
        assertThat(first.media()).isEqualTo(2);
        assertThat(first.flagged()).isEqualTo(1);
        Map<String, Long> before = counts();

        CrawlReport second = pipeline.crawl(ward());
        assertThat(second.newPosts()).isZero();
        assertThat(second.media()).isZero();
        assertThat(second.flagged()).isZero();
        assertThat(counts()).isEqualTo(before);
        assertThat(before).containsEntry("posts", 3L).containsEntry("media", 2L).containsEntry("cases", 1L);
        db.close();
    }

    Map<String, Long> counts() {
        Map<String, Long> m = new HashMap<>();
        for (String t : List.of("posts", "post_events", "media", "findings", "cases")) m.put(t, count(t));
        return m;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void flaggedPostOpensCaseWhoseReasonsNameTheSpanWithoutQuotingIt(Kind kind) throws Exception {
        open(kind);
        images.put("https://img/1.jpg", TestImages.jpeg(80, 60, Color.RED));
        source.posts.add(post("1", "Happy 80th birthday to Doreen on Willow Ward", media("https://img/1.jpg", null)));
        pipeline.crawl(ward());
        String reasons = db.jdbi().withHandle(h -> h.createQuery("SELECT reasons FROM cases").mapTo(String.class).one());
        assertThat(reasons).contains("caption names a patient {caption:PERSON_NAME}").contains("1 face").contains("ward account")
                .doesNotContain("Doreen");
        String signals = db.jdbi().withHandle(h -> h.createQuery("SELECT signals FROM cases").mapTo(String.class).one());
        assertThat(signals.split(",")).contains("FACE", "PERSON_NAME");
        List<Map<String, Object>> findings = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT type, text, span_start, span_end, box_w FROM findings ORDER BY id").mapToMap().list());
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("type")).isEqualTo("PERSON_NAME");
            // the quoted span is stored encrypted, and decrypts to what was found
            assertThat((String) f.get("text")).startsWith("wwc1.").doesNotContain("Doreen");
            assertThat(TestKeys.cipher().decrypt(ContentColumn.FINDING_TEXT, (String) f.get("text"))).isEqualTo("Doreen");
            assertThat(((Number) f.get("span_start")).intValue()).isEqualTo(23);
        });
        assertThat(findings).anySatisfy(f -> assertThat(f.get("type")).isEqualTo("FACE"));
        // the caption itself, as the database column holds it, on H2 and PostgreSQL alike
        String caption = text("SELECT text FROM posts");
        assertThat(caption).startsWith(TestKeys.cipher().prefix()).doesNotContain("Doreen").doesNotContain("birthday");
        assertThat(TestKeys.cipher().decrypt(ContentColumn.POST_TEXT, caption)).isEqualTo("Happy 80th birthday to Doreen on Willow Ward");
        db.close();
    }

    @Test
    void imageSharedByTwoPostsIsDownloadedAndStoredOnceEach() throws Exception {
        open(Kind.H2);
        images.put("https://img/same.jpg", TestImages.jpeg(40, 40, Color.BLUE));
        source.posts.add(post("1", "one", media("https://img/same.jpg", null)));
        source.posts.add(post("2", "two", media("https://img/same.jpg", null)));
        pipeline.crawl(ward());
        assertThat(count("media")).isEqualTo(2);
        assertThat(scalar("SELECT COUNT(DISTINCT file_path) FROM media")).isEqualTo(1);
        try (var files = java.nio.file.Files.walk(dir.resolve("vault"))) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile).count()).isEqualTo(1);
        }
        db.close();
    }

    @Test
    void badImagesAreReportedAndTheRestGoesOn() throws Exception {
        open(Kind.H2);
        images.put("https://img/ok.png", TestImages.png(40, 40, Color.BLUE));
        images.put("https://img/huge.png", new byte[60_000]);
        images.put("https://img/html.jpg", "<html>gone</html>".getBytes());
        source.posts.add(post("1", "fine", media("https://img/ok.png", null), media("https://img/huge.png", null)));
        source.posts.add(post("2", "not an image", media("https://img/html.jpg", null)));
        source.posts.add(post("3", "missing", media("https://img/404.jpg", null)));
        CrawlReport report = pipeline.crawl(ward());
        assertThat(report.error()).isNull();
        assertThat(report.newPosts()).isEqualTo(3);
        assertThat(report.media()).isEqualTo(1);
        assertThat(report.itemErrors()).hasSize(3)
                .anySatisfy(e -> assertThat(e).contains("huge.png").contains("larger than 50000 bytes"))
                .anySatisfy(e -> assertThat(e).contains("html.jpg").contains("not an image"))
                .anySatisfy(e -> assertThat(e).contains("404.jpg").contains("HTTP 404"));
        assertThat(scalar("SELECT COUNT(*) FROM media WHERE error IS NOT NULL")).isEqualTo(3);

        images.put("https://img/404.jpg", TestImages.jpeg(20, 20, Color.GRAY)); // back up: fetched next time
        CrawlReport again = pipeline.crawl(ward());
        assertThat(again.newPosts()).isZero();
        assertThat(again.media()).isEqualTo(1);
        assertThat(count("media")).isEqualTo(4);
        db.close();
    }

    @Test
    void failingAccountIsReportedAndStoredPostsStay() throws Exception {
        open(Kind.H2);
        source.posts.add(post("1", "first"));
        pipeline.crawl(ward());
        source.failure = "HTTP 500 from https://willow.example/feed after 3 retries";
        CrawlReport report = pipeline.crawl(ward());
        assertThat(report.error()).isEqualTo(source.failure);
        assertThat(count("posts")).isEqualTo(1);
        assertThat(registry.list().stream().filter(s -> s.account().name().equals("Willow Ward")).findFirst()
                .orElseThrow().health().lastError()).isEqualTo(source.failure);
        db.close();
    }

    @Test
    void editedPostIsReanalysedAndItsEditRecorded() throws Exception {
        open(Kind.H2);
        source.posts.add(post("1", "Lovely afternoon in the garden"));
        pipeline.crawl(ward());
        assertThat(count("cases")).isZero();
        source.posts.set(0, post("1", "Lovely afternoon in the garden with Doreen, 80"));
        CrawlReport report = pipeline.crawl(ward());
        assertThat(report.newPosts()).isZero();
        assertThat(report.flagged()).isEqualTo(1);
        assertThat(count("posts")).isEqualTo(1);
        List<String> events = db.jdbi().withHandle(h -> h.createQuery("SELECT event FROM post_events ORDER BY id")
                .mapTo(String.class).list());
        assertThat(events).containsExactly("first_seen", "edited");
        db.close();
    }

    @Test
    void optedOutStaffAccountWithoutBasisIsSkipped() throws Exception {
        open(Kind.H2);
        source.posts.add(post("1", "Doreen on the ward"));
        source.signals = new AccountSignals(List.of("noindex"));
        CrawlReport report = pipeline.crawl(staff());
        assertThat(report.error()).startsWith("skipped: staff account has opted out (noindex)");
        assertThat(count("posts")).isZero();
        CrawlReport ward = pipeline.crawl(ward()); // organisational accounts are always monitored
        assertThat(ward.newPosts()).isEqualTo(1);
        db.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSameGuidInTwoAccountsIsTwoPostsEachWithItsOwnCase(Kind kind) throws Exception {
        open(kind);
        source.posts.add(post("shared", "Happy birthday Doreen from the whole team"));
        CrawlReport ward = pipeline.crawl(ward());
        source.posts.set(0, post("shared", "Happy birthday Doreen from the whole team (trust edition)"));
        CrawlReport trust = pipeline.crawl(trust());
        assertThat(ward.newPosts()).isEqualTo(1);
        assertThat(trust.newPosts()).isEqualTo(1);
        assertThat(count("posts")).isEqualTo(2);
        assertThat(scalar("SELECT COUNT(DISTINCT account_id) FROM cases")).isEqualTo(2);
        // neither account's version is an "edit" of the other's
        assertThat(scalar("SELECT COUNT(*) FROM post_events WHERE event = 'edited'")).isZero();
        long wardId = ward().id();
        assertThat(TestKeys.cipher().decrypt(ContentColumn.POST_TEXT, text("SELECT text FROM posts WHERE account_id = " + wardId)))
                .isEqualTo("Happy birthday Doreen from the whole team");
        db.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void crawlsRunningAtOnceStoreAndAnalyseEveryPostOnce(Kind kind) throws Exception {
        open(kind);
        for (int i = 0; i < 20; i++) source.posts.add(post("p" + i, "Doreen's day " + i));
        // two accounts carrying the same ids, and one account crawled twice at once (crawl --once beside serve)
        List<Account> crawls = List.of(ward(), trust(), ward(), trust());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(crawls.size());
        List<CrawlReport> reports = new ArrayList<>();
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<CrawlReport>> futures = new ArrayList<>();
            for (Account a : crawls) futures.add(pool.submit(() -> {
                start.await();
                return pipeline.crawl(a);
            }));
            start.countDown();
            for (var f : futures) reports.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.error()).isNull();
            assertThat(r.skipped()).isEmpty();
        });
        assertThat(reports.stream().mapToInt(CrawlReport::newPosts).sum()).isEqualTo(40);
        assertThat(count("posts")).isEqualTo(40);
        assertThat(count("cases")).isEqualTo(40);
        assertThat(scalar("SELECT COUNT(*) FROM posts WHERE analysis_pending = TRUE")).isZero();
        assertThat(scalar("SELECT COUNT(*) FROM findings")).isEqualTo(40);
        db.close();
    }

    @Test
    void aMillionCharacterCaptionIsStoredWholeAndAnalysed() throws Exception {
        open(Kind.H2);
        String caption = "x".repeat(900_000) + " Doreen " + "y".repeat(99_992);
        assertThat(caption).hasSize(1_000_000);
        source.posts.add(post("long", caption));
        CrawlReport report = pipeline.crawl(ward());
        assertThat(report.newPosts()).isEqualTo(1);
        assertThat(report.flagged()).isEqualTo(1);
        assertThat(posts().stored(scalar("SELECT id FROM posts")).orElseThrow().text()).isEqualTo(caption);
        db.close();
    }

    @Test
    void anAbsurdlyLongIdIsStoredAsItsHashAndRecognisedNextTime() throws Exception {
        open(Kind.H2);
        String id = "https://willow.example/?" + "q=1&".repeat(1000);
        source.posts.add(new FetchedPost(id, null, Instant.parse("2026-11-20T10:00:00Z"), "long id", List.of()));
        CrawlReport first = pipeline.crawl(ward());
        assertThat(first.newPosts()).isEqualTo(1);
        assertThat(first.itemErrors()).anySatisfy(e -> assertThat(e).contains("stored as its SHA-256"));
        assertThat((String) db.jdbi().withHandle(h -> h.createQuery("SELECT external_id FROM posts").mapTo(String.class).one()))
                .startsWith("sha256:").hasSize(71);
        assertThat(pipeline.crawl(ward()).newPosts()).isZero();
        assertThat(count("posts")).isEqualTo(1);
        db.close();
    }

    @Test
    void itemsTheSourceSkippedAreCountedWithTheirReasons() throws Exception {
        open(Kind.H2);
        source.posts.add(post("1", "kept"));
        source.skipped = List.of(new org.wardwatch.core.source.SkippedItem("status 2", "boost of another account's post"),
                new org.wardwatch.core.source.SkippedItem("status 3", "boost of another account's post"),
                new org.wardwatch.core.source.SkippedItem("item 4", "unreadable: no date"));
        CrawlReport report = pipeline.crawl(ward());
        assertThat(report.skipped()).hasSize(3);
        assertThat(report.skippedByReason()).containsExactly(Map.entry("boost of another account's post", 2),
                Map.entry("unreadable: no date", 1));
        assertThat(registry.list().stream().filter(s -> s.account().name().equals("Willow Ward")).findFirst()
                .orElseThrow().health().lastSkipped()).isEqualTo(3);
        assertThat(scalar("SELECT skipped FROM crawl_runs")).isEqualTo(3);
        db.close();
    }

    @Test
    void postsADeadProcessLeftPendingAreAnalysedByTheNextRunButALiveClaimIsLeftAlone() throws Exception {
        open(Kind.H2);
        PostStore posts = new PostStore(db.jdbi(), Clock.systemUTC(), TestKeys.cipher());
        long orphan = posts.upsert(ward(), post("1", "Doreen left behind")).postId();
        long held = posts.upsert(ward(), post("2", "Doreen being analysed elsewhere")).postId();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String deadRunner = new Runner(Runner.current().host(), gone.pid(), gone.info().startInstant()
                .map(Instant::toEpochMilli).orElse(1L)).id();
        String liveElsewhere = new Runner("another-node", 42, 1).id();
        db.jdbi().useHandle(h -> {
            h.execute("UPDATE posts SET analysis_claim = ?, analysis_claimed_at = CURRENT_TIMESTAMP WHERE id = ?", deadRunner, orphan);
            h.execute("UPDATE posts SET analysis_claim = ?, analysis_claimed_at = CURRENT_TIMESTAMP WHERE id = ?", liveElsewhere, held);
            h.execute("INSERT INTO crawl_runs (account_id, started_at, runner, status) VALUES (?, CURRENT_TIMESTAMP, ?, 'running')",
                    ward().id(), deadRunner);
        });
        IngestPipeline.Recovery r = pipeline.recover();
        assertThat(r.interruptedRuns()).isEqualTo(1);
        assertThat(r.postsAnalysed()).isEqualTo(1);
        assertThat(scalar("SELECT COUNT(*) FROM cases WHERE post_id = " + orphan)).isEqualTo(1);
        assertThat(scalar("SELECT COUNT(*) FROM posts WHERE analysis_pending = TRUE")).isEqualTo(1);
        assertThat((String) db.jdbi().withHandle(h -> h.createQuery("SELECT status FROM crawl_runs").mapTo(String.class).one()))
                .isEqualTo("interrupted");
        db.close();
    }

    @Test
    void imagesThePassedDeadlineLeftAreFetchedByTheNextCrawl() throws Exception {
        open(Kind.H2);
        images.put("https://img/1.jpg", TestImages.jpeg(80, 60, Color.RED));
        source.posts.add(post("1", "A quiet afternoon with Doreen", media("https://img/1.jpg", null)));
        CrawlReport hurried = pipeline(Duration.ZERO).crawl(ward());
        assertThat(hurried.newPosts()).isEqualTo(1);
        assertThat(hurried.media()).isZero();
        assertThat(hurried.itemErrors()).anySatisfy(e -> assertThat(e).contains("images left for the next crawl"));
        assertThat(scalar("SELECT COUNT(*) FROM posts WHERE analysis_pending = TRUE")).isEqualTo(1);
        assertThat(scalar("SELECT COUNT(*) FROM media WHERE error IS NULL AND sha256 IS NULL")).isEqualTo(1);

        CrawlReport next = pipeline.crawl(ward());
        assertThat(next.media()).isEqualTo(1);
        assertThat(next.flagged()).isEqualTo(1);
        assertThat(scalar("SELECT COUNT(*) FROM findings WHERE type = 'FACE'")).isEqualTo(1);
        assertThat(scalar("SELECT COUNT(*) FROM posts WHERE analysis_pending = TRUE")).isZero();
        db.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void controlCharactersAreRemovedBeforeStoringAndBidiControlsCounted(Kind kind) throws Exception {
        open(kind);
        images.put("https://img/c.png", TestImages.png(40, 30, Color.BLUE));
        source.posts.add(post("ctl", "Happy birthday Doreen\u0000\u0007 \u202Eneerod\u202C", media("https://img/c.png", "cake\u0000 \u2066x\u2069")));
        CrawlReport r = pipeline.crawl(ward());
        assertThat(r.error()).isNull();
        assertThat(r.itemErrors()).containsExactly("post tag:willow,ctl: 3 control characters removed");
        long id = scalar("SELECT id FROM posts");
        PostStore.StoredPost stored = posts().stored(id).orElseThrow();
        assertThat(stored.text()).isEqualTo("Happy birthday Doreen \u202Eneerod\u202C");
        assertThat(posts().media(id).get(0).altText()).isEqualTo("cake \u2066x\u2069");
        assertThat(scalar("SELECT bidi_controls FROM posts")).isEqualTo(4);
        assertThat(scalar("SELECT COUNT(*) FROM cases")).isEqualTo(1);
        db.close();
    }

    PostStore posts() {
        return new PostStore(db.jdbi(), Clock.systemUTC(), TestKeys.cipher());
    }

    static FetchedPost post(String id, String text, FetchedMedia... media) {
        return new FetchedPost("tag:willow," + id, "https://willow.example/" + id, Instant.parse("2026-11-20T10:00:00Z"),
                text, List.of(media));
    }

    static FetchedMedia media(String url, String alt) {
        return FetchedMedia.of(url, alt);
    }

    /** Stands in for the caption classifier: knows one name. */
    static final TextAnalyzer NAMES = text -> {
        int at = text.indexOf("Doreen");
        if (at < 0) return TextAnalysis.EMPTY;
        return new TextAnalysis(true, true, 0.9, List.of(new TextFinding("PERSON_NAME", "Doreen", at, at + 6, 0.9)));
    };

    /** Stands in for the image classifier: a mostly red image "has a face". */
    static final ImageAnalyzer RED_IS_A_FACE = (bytes, name) -> {
        try {
            var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            boolean red = new Color(img.getRGB(1, 1)).getRed() > 200;
            return new ImageAnalysis(img.getWidth(), img.getHeight(), red ? List.of(new Box(10, 10, 20, 20, 0.9)) : List.of(),
                    List.of(), List.of(), 0, null, null, red ? Set.of(ImageLabel.FACE) : Set.of(), red ? 0.9 : 0, 1);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(name + ": corrupt image");
        }
    };

    static final class FakeSource implements PostSource {
        final List<FetchedPost> posts = new ArrayList<>();
        AccountSignals signals = AccountSignals.NONE;
        List<org.wardwatch.core.source.SkippedItem> skipped = List.of();
        String failure;

        @Override
        public Platform platform() {
            return Platform.RSS;
        }

        @Override
        public CrawlBatch fetch(Account account, CrawlState state, org.wardwatch.core.source.Deadline deadline) throws SourceException {
            if (failure != null) throw new SourceException(failure);
            return new CrawlBatch(List.copyOf(posts), new CrawlState("seen-" + posts.size(), null), signals, List.of(), skipped);
        }

        @Override
        public Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> refs) {
            return Map.of();
        }
    }
}
