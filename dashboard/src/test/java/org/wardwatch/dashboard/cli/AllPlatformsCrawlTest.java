package org.wardwatch.dashboard.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.store.Database;
import org.wardwatch.crawler.PlatformStubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * `crawl --once` and `recheck --once` end to end against local stubs of all six platforms (RSS,
 * Atom, Mastodon, Bluesky, WordPress, public HTML page, X), through the real crawler stack and
 * pipeline into a real H2 database.
 */
class AllPlatformsCrawlTest {
    @TempDir
    Path dir;
    WireMockServer wm;
    PlatformStubs stubs;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().gzipDisabled(true));
        wm.start();
        stubs = new PlatformStubs(wm);
        stubs.stubAll();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    Path config() throws Exception {
        Path file = dir.resolve("wardwatch.yaml");
        // the fixtures are dated November 2026: a wide first-crawl window keeps this test true in later years
        Files.writeString(file, """
                http:
                  userAgent: "WardWatch-test (+mailto:test@example.org)"
                  # the platforms are WireMock on loopback, which the private-address guard refuses
                  requestsPerSecondPerHost: 200
                  retries: 1
                  timeoutSeconds: 10
                crawl:
                  firstCrawlDays: 100000
                  xBearerToken: "test-token"
                """);
        return file;
    }

    record Run(int exit, List<JsonNode> lines, String err) {
        Map<String, JsonNode> byAccount() {
            return lines.stream().collect(Collectors.toMap(l -> l.get("account").asText(), l -> l));
        }
    }

    Run run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 4];
        all[0] = "--config";
        all[1] = config().toString();
        all[2] = "--data";
        all[3] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        int exit = WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = out.toString().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l);
            }
        }).toList();
        return new Run(exit, lines, err.toString());
    }

    long count(String sql) {
        try (Database db = Database.open(Database.h2Url(dir.resolve("data")), "sa", "")) {
            return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    @Test
    void everyPlatformIsCrawledAndASecondRunStoresNothingAndAsksOnlyWhatIsNew() throws Exception {
        Path accounts = dir.resolve("accounts.yaml");
        Files.writeString(accounts, stubs.registryYaml());

        Run first = run("crawl", "--once", "--accounts", accounts.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Map<String, JsonNode> f = first.byAccount();
        assertThat(f).hasSize(7);
        assertThat(f.values()).allSatisfy(l -> assertThat(l.get("error").isNull()).as(l.toString()).isTrue());
        Map<String, int[]> expected = Map.of("Oakfield Ward feed", new int[] {3, 3}, "Trust news", new int[] {2, 2},
                "Oakfield Ward", new int[] {3, 2}, "Trust on Bluesky", new int[] {3, 3}, "Perinatal unit", new int[] {3, 3},
                "Ward 7 page", new int[] {1, 3}, "Trust on X", new int[] {3, 3});
        expected.forEach((name, n) -> {
            assertThat(f.get(name).get("newPosts").asInt()).as(name + " posts").isEqualTo(n[0]);
            assertThat(f.get(name).get("media").asInt()).as(name + " images").isEqualTo(n[1]);
        });
        assertThat(count("SELECT COUNT(*) FROM posts")).isEqualTo(18);
        assertThat(count("SELECT COUNT(*) FROM media WHERE sha256 IS NOT NULL")).isEqualTo(19);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE last_success_at IS NOT NULL AND crawl_cursor IS NOT NULL")).isEqualTo(7);

        wm.resetRequests();
        Run second = run("crawl", "--once", "--accounts", accounts.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.lines()).hasSize(7).allSatisfy(l -> {
            assertThat(l.get("newPosts").asInt()).as(l.toString()).isZero();
            assertThat(l.get("media").asInt()).as(l.toString()).isZero();
        });
        assertThat(count("SELECT COUNT(*) FROM posts")).isEqualTo(18);
        assertThat(count("SELECT COUNT(*) FROM media")).isEqualTo(19);

        // the second run only asked what is new: conditional GETs, since_id, the first page of a cursor
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/accounts/lookup")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.actor.getProfile")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/2/users/by/username/Twitter")));
        for (String page : List.of("/@oakfieldward.rss", "/news.atom", "/news/ward-7-garden")) {
            wm.verify(1, getRequestedFor(urlPathEqualTo(page)));
            wm.verify(1, getRequestedFor(urlPathEqualTo(page)).withHeader("If-None-Match", matching("\".+\"")));
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + PlatformStubs.MASTODON_ID + "/statuses"))
                .withQueryParam("since_id", equalTo("113512345678901234")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed")).withQueryParam("actor", equalTo(PlatformStubs.BLUESKY_DID)));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/posts")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/2/users/783214/tweets")).withQueryParam("since_id", equalTo("1860000000000000002")));
        List<LoggedRequest> images = wm.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                "/(img|system|wp-content|media|media_attachments|watch|ext_tw_video_thumb)/.*")));
        assertThat(images).as("images fetched again").isEmpty();
    }

    @Test
    void aStaffAccountThatOptedOutIsSkippedUnlessItsBasisIsRecorded() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("nurse_jo")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(stubs.body("mastodon/lookup-noindex.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/109348234567890999/statuses"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(stubs.body("mastodon/statuses-page2.json"))));
        Path accounts = dir.resolve("staff.yaml");
        Files.writeString(accounts, """
                organisations:
                  - name: Northgate NHS Foundation Trust
                    ods: RXG
                    accounts:
                      - {name: Nurse Jo, kind: staff, platform: mastodon, handle: "@nurse_jo", baseUrl: "%1$s"}
                      - {name: Nurse Jo consented, kind: staff, platform: mastodon, handle: "@nurse_jo@localhost", baseUrl: "%1$s",
                         monitoringBasis: "written consent 2026-10-01"}
                """.formatted(wm.baseUrl()));

        Run run = run("crawl", "--once", "--accounts", accounts.toString());

        Map<String, JsonNode> lines = run.byAccount();
        assertThat(lines.get("Nurse Jo").get("error").asText()).startsWith("skipped: staff account has opted out (noindex");
        assertThat(lines.get("Nurse Jo").get("newPosts").asInt()).isZero();
        assertThat(lines.get("Nurse Jo consented").get("error").isNull()).isTrue();
        assertThat(lines.get("Nurse Jo consented").get("newPosts").asInt()).isEqualTo(1);
        // the opted-out account's posts were never even asked for: only the consented one's were
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/109348234567890999/statuses")));
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE opt_outs LIKE '%noindex%'")).isEqualTo(2);
    }

    @Test
    void theRecheckFlipsAStubbedDeletionToDeletedInOneRun() throws Exception {
        Path accounts = dir.resolve("accounts.yaml");
        Files.writeString(accounts, stubs.registryYaml());
        assertThat(run("crawl", "--once", "--accounts", accounts.toString()).exit()).isZero();
        String gone = "localhost:" + wm.port() + "/113512345678901234";
        String kept = "localhost:" + wm.port() + "/113498765432109876";
        long goneId;
        long keptId;
        try (Database db = Database.open(Database.h2Url(dir.resolve("data")), "sa", "")) {
            goneId = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM posts WHERE external_id = :e").bind("e", gone).mapTo(Long.class).one());
            keptId = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM posts WHERE external_id = :e").bind("e", kept).mapTo(Long.class).one());
            Instant t = Instant.now();
            for (long post : List.of(goneId, keptId)) {
                db.jdbi().useHandle(h -> {
                    long caseId = h.createUpdate("INSERT INTO cases (post_id, organisation_id, account_id, risk, reasons, signals, status, "
                                    + "created_at, updated_at) SELECT p.id, a.organisation_id, a.id, 0.9, '[]', 'FACE', 'confirmed', :t, :t "
                                    + "FROM posts p JOIN accounts a ON a.id = p.account_id WHERE p.id = :p "
                                    + "AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.post_id = p.id)")
                            .bind("p", post).bind("t", t).execute();
                    long c = h.createQuery("SELECT id FROM cases WHERE post_id = :p").bind("p", post).mapTo(Long.class).one();
                    h.createUpdate("UPDATE cases SET status = 'confirmed' WHERE id = :c").bind("c", c).execute();
                    h.createUpdate("INSERT INTO removal_requests (case_id, recipient, subject, body, status, due_at, raised_by, "
                                    + "raised_at, updated_at) VALUES (:c, 'comms@example.nhs.uk', 'Please remove', 'body', 'sent', :t, 'ig', :t, :t)")
                            .bind("c", c).bind("t", t).execute();
                });
            }
        }
        // Mastodon's batch lookup silently leaves the deleted status out
        wm.stubFor(get(urlPathEqualTo("/api/v1/statuses")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":\"113498765432109876\",\"visibility\":\"unlisted\"}]")));

        Run recheck = run("recheck", "--once");

        assertThat(recheck.exit()).as(recheck.err()).isZero();
        Map<Long, String> statuses = recheck.lines().stream()
                .collect(Collectors.toMap(l -> l.get("post").asLong(), l -> l.get("status").asText()));
        assertThat(statuses).containsEntry(goneId, "deleted").containsEntry(keptId, "live");
        assertThat(count("SELECT COUNT(*) FROM posts WHERE status = 'deleted' AND deleted_at IS NOT NULL AND id = " + goneId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM removal_requests r JOIN cases c ON c.id = r.case_id WHERE r.status = 'removed' "
                + "AND r.removed_at IS NOT NULL AND c.status = 'resolved' AND c.post_id = " + goneId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM request_events WHERE actor = 'recheck'")).isEqualTo(1);
        assertThat(recheck.err()).contains("1 live, 1 deleted, 0 unreachable");
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/statuses")).withQueryParam("id[]", equalTo("113512345678901234")));
    }
}
