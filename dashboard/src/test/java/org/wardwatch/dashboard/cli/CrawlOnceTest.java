package org.wardwatch.dashboard.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestImages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * `wardwatch crawl --once` end to end: real feeds served over HTTP by WireMock, read through the
 * crawler's OkHttp stack, stored in a real H2 database under a temporary data directory.
 */
class CrawlOnceTest {
    @TempDir
    Path dir;

    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    String rss() {
        String base = server.baseUrl();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel>
                    <title>Willow Ward</title><link>%1$s/willow</link><description>news</description>
                    <item>
                      <title>Birthday</title>
                      <link>%1$s/willow/posts/1</link>
                      <guid>%1$s/willow/posts/1</guid>
                      <pubDate>Thu, 19 Nov 2026 10:00:00 +0000</pubDate>
                      <description>Happy 80th birthday to Doreen on Willow Ward from all the team</description>
                      <media:content url="%1$s/img/cake.jpg" type="image/jpeg" medium="image">
                        <media:description type="plain">A cake on the ward table</media:description>
                      </media:content>
                    </item>
                    <item>
                      <title>Garden</title>
                      <link>%1$s/willow/posts/2</link>
                      <guid>%1$s/willow/posts/2</guid>
                      <pubDate>Fri, 20 Nov 2026 10:00:00 +0000</pubDate>
                      <description>The garden in bloom</description>
                      <enclosure url="%1$s/img/garden.png" length="1000" type="image/png"/>
                    </item>
                  </channel>
                </rss>
                """.formatted(base);
    }

    String atom() {
        String base = server.baseUrl();
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Trust news</title>
                  <id>urn:trust</id>
                  <updated>2026-11-21T09:00:00Z</updated>
                  <entry>
                    <title>Open day</title>
                    <id>urn:trust:1</id>
                    <link rel="alternate" href="%1$s/trust/open-day"/>
                    <updated>2026-11-21T09:00:00Z</updated>
                    <content type="html">&lt;p&gt;Join us&lt;/p&gt;&lt;img src="%1$s/img/hall.png" alt="The main hall"&gt;</content>
                  </entry>
                </feed>
                """.formatted(base);
    }

    Path registry() throws Exception {
        String base = server.baseUrl();
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, """
                organisations:
                  - name: Northfield
                    ods: RXN
                    accounts:
                      - name: Willow Ward
                        kind: ward
                        platform: rss
                        handle: %1$s/willow/feed
                      - name: Trust news
                        kind: trust
                        platform: atom
                        handle: %1$s/trust/atom
                      - name: Broken feed
                        kind: service
                        platform: rss
                        handle: %1$s/broken/feed
                """.formatted(base));
        return file;
    }

    Path config() throws Exception {
        Path file = dir.resolve("wardwatch.yaml");
        Files.writeString(file, """
                http:
                  userAgent: "WardWatch-test (+mailto:test@example.org)"
                  # the platforms are WireMock on loopback, which the private-address guard refuses
                  requestsPerSecondPerHost: 100
                  retries: 0
                  timeoutSeconds: 5
                """);
        return file;
    }

    void stubFeeds() {
        server.stubFor(get(urlEqualTo("/willow/feed")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody(rss())));
        server.stubFor(get(urlEqualTo("/trust/atom")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml").withBody(atom())));
        server.stubFor(get(urlEqualTo("/broken/feed")).willReturn(aResponse().withStatus(200)
                // cut off before its first item: a truncated feed with items is read leniently, one without fails
                .withHeader("Content-Type", "application/rss+xml").withBody("<rss><channel><title>oops")));
        server.stubFor(get(urlEqualTo("/img/cake.jpg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(TestImages.jpeg(120, 90, Color.PINK))));
        server.stubFor(get(urlEqualTo("/img/garden.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(TestImages.png(100, 80, Color.GREEN))));
        server.stubFor(get(urlEqualTo("/img/hall.png")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(TestImages.png(90, 60, Color.GRAY))));
    }

    record Run(int exit, List<JsonNode> lines, String err) {
        JsonNode account(String name) {
            return lines.stream().filter(l -> l.get("account").asText().equals(name)).findFirst().orElseThrow();
        }
    }

    Run crawl(Path config, Path accounts) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--config", config.toString(),
                "--data", dir.resolve("data").toString(), "crawl", "--once", "--accounts", accounts.toString());
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

    Map<String, Long> rowCounts() {
        try (Database db = Database.open(Database.h2Url(dir.resolve("data")), "sa", "")) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String t : List.of("organisations", "accounts", "posts", "post_events", "media", "findings", "cases")) {
                counts.put(t, db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one()));
            }
            return counts;
        }
    }

    @Test
    void crawlStoresEveryPostAndImageAndASecondRunAddsNothing() throws Exception {
        stubFeeds();
        Path config = config();
        Path accounts = registry();

        Run first = crawl(config, accounts);
        assertThat(first.lines()).hasSize(3);
        assertThat(first.account("Willow Ward").get("newPosts").asInt()).as(first.err()).isEqualTo(2);
        assertThat(first.account("Willow Ward").get("media").asInt()).isEqualTo(2);
        assertThat(first.account("Willow Ward").get("error").isNull()).isTrue();
        assertThat(first.account("Willow Ward").get("flagged").asInt()).isEqualTo(1);
        assertThat(first.account("Trust news").get("flagged").asInt()).isZero();
        assertThat(first.account("Trust news").get("newPosts").asInt()).isEqualTo(1);
        assertThat(first.account("Trust news").get("media").asInt()).isEqualTo(1);
        assertThat(first.account("Trust news").get("platform").asText()).isEqualTo("atom");
        assertThat(first.account("Broken feed").get("error").asText()).isNotBlank();
        assertThat(first.exit()).isEqualTo(3);
        assertThat(first.lines().get(0).fieldNames()).toIterable()
                .containsExactly("account", "platform", "newPosts", "media", "flagged", "skipped", "error");
        Map<String, Long> afterFirst = rowCounts();
        assertThat(afterFirst).containsEntry("posts", 3L).containsEntry("media", 3L).containsEntry("accounts", 3L)
                .containsEntry("cases", 1L);
        try (Database db = Database.open(Database.h2Url(dir.resolve("data")), "sa", "")) {
            String reasons = db.jdbi().withHandle(h -> h.createQuery("SELECT reasons FROM cases").mapTo(String.class).one());
            // in words only: the name the reason quotes is kept encrypted, in the findings
            assertThat(reasons).contains("caption names a patient").contains("ward account").doesNotContain("Doreen");
        }

        Run second = crawl(config, accounts);
        assertThat(second.lines()).allSatisfy(l -> {
            assertThat(l.get("newPosts").asInt()).isZero();
            assertThat(l.get("media").asInt()).isZero();
        });
        assertThat(rowCounts()).isEqualTo(afterFirst);

        // images are stored encrypted under the data directory, never as readable images
        try (var files = Files.walk(dir.resolve("data").resolve("media"))) {
            List<Path> stored = files.filter(Files::isRegularFile).toList();
            assertThat(stored).hasSize(3);
            for (Path f : stored) {
                assertThat(javax.imageio.ImageIO.read(f.toFile())).isNull();
            }
        }
    }

    @Test
    void brokenRegistryStopsBeforeAnythingStarts() throws Exception {
        Path accounts = dir.resolve("bad.yaml");
        Files.writeString(accounts, """
                organisations:
                  - name: Northfield
                    ods: RXN
                    accounts:
                      - kind: ward
                        platform: tiktok
                        handle: "@willow"
                """);
        Run run = crawl(config(), accounts);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines()).isEmpty();
        assertThat(run.err().strip()).isEqualTo(
                "bad.yaml:6: unknown platform 'tiktok' (expected rss, atom, mastodon, bluesky, wordpress, html, x)");
        assertThat(Files.exists(dir.resolve("data").resolve("db"))).isFalse();
    }
}
