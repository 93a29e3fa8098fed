package org.wardwatch.dashboard.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestImages;
import org.wardwatch.dashboard.AppContext;
import org.wardwatch.dashboard.auth.Role;
import org.wardwatch.dashboard.testing.Browserless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A caption planted in a real feed, crawled by real {@code wardwatch crawl --once} processes that log
 * to the shipped log file, through an analysis that fails on its first try: afterwards no file under
 * the data directory (database, lock, logs, images) holds any of it, yet the reviewer of the account's
 * organisation reads it on the case page and in the case API.
 */
class DataAtRestTest {
    static final String CAPTION = "Happy 80th birthday to Doreen Quillonby on Willow Ward from all the team";
    static final String ALT = "Quillonby blowing out the candles";
    /** Words of the caption and alt text found nowhere else (Doreen is also in the classifier's tests). */
    static final List<String> PLANTED = List.of("Quillonby", "blowing out the candles");

    @TempDir
    Path dir;

    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String base = server.baseUrl();
        server.stubFor(get(urlEqualTo("/willow/feed")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
                          <channel>
                            <title>Willow Ward</title><link>%1$s/willow</link><description>news</description>
                            <item>
                              <title>News</title>
                              <link>%1$s/willow/posts/1</link>
                              <guid>%1$s/willow/posts/1</guid>
                              <pubDate>Thu, 19 Nov 2026 10:00:00 +0000</pubDate>
                              <description>%2$s</description>
                              <media:content url="%1$s/img/cake.jpg" type="image/jpeg" medium="image">
                                <media:description type="plain">%3$s</media:description>
                              </media:content>
                            </item>
                          </channel>
                        </rss>
                        """.formatted(base, CAPTION, ALT))));
        server.stubFor(get(urlEqualTo("/img/cake.jpg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/jpeg").withBody(TestImages.jpeg(120, 90, Color.PINK))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    Path config() throws Exception {
        return Files.writeString(dir.resolve("wardwatch.yaml"), """
                http:
                  userAgent: "WardWatch-test (+mailto:test@example.org)"
                  requestsPerSecondPerHost: 100
                  retries: 0
                  # the platform is WireMock on loopback
                """);
    }

    Path accounts() throws Exception {
        return Files.writeString(dir.resolve("accounts.yaml"), """
                organisations:
                  - name: Northfield
                    ods: RXN
                    accounts:
                      - name: Willow Ward
                        kind: ward
                        platform: rss
                        handle: %s/willow/feed
                """.formatted(server.baseUrl()));
    }

    /** A WardWatch process as the launcher starts it: its own JVM, logging through config/logback.xml. */
    static Process wardwatch(Path output, String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dlogback.configurationFile=" + Path.of("..", "config", "logback.xml").toAbsolutePath().normalize(),
                "-cp", classPath, WardWatch.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().remove("WARDWATCH_MEDIA_KEY");
        return pb.start();
    }

    static int run(Path output, String... args) throws Exception {
        Process p = wardwatch(output, args);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s finished", String.join(" ", args)).isTrue();
        return p.exitValue();
    }

    /** Every file under a folder that holds any of the words, read as bytes. */
    static List<String> grep(Path folder, List<String> words) throws Exception {
        List<String> hits = new ArrayList<>();
        try (var files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String w : words) {
                    if (bytes.contains(new String(w.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                        hits.add(folder.relativize(f) + ": " + w);
                    }
                }
            }
        }
        return hits;
    }

    @Test
    void aPlantedCaptionIsNowhereUnderTheDataDirectoryButReadsOnTheCasePage() throws Exception {
        Path config = config();
        Path data = dir.resolve("data");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--config", config.toString(),
                "--data", data.toString(), "accounts", "import", accounts().toString())).as(err.toString()).isZero();
        // the first analysis fails where it writes the quoted spans: an error path that used to log values
        try (Database db = Database.open(Database.h2Url(data), "sa", "")) {
            db.jdbi().useHandle(h -> h.execute("ALTER TABLE findings ADD CONSTRAINT planted_failure CHECK (score < 0)"));
        }
        Path first = dir.resolve("crawl-1.out");
        run(first, "--config", config.toString(), "--data", data.toString(), "crawl", "--once");
        String log = Files.readString(data.resolve("logs").resolve("wardwatch.log"));
        assertThat(log).as("the failure was logged, with its stack trace").contains("PLANTED_FAILURE").contains("\tat ");
        assertThat(Files.readString(first)).contains("left for the next crawl");

        try (Database db = Database.open(Database.h2Url(data), "sa", "")) {
            db.jdbi().useHandle(h -> h.execute("ALTER TABLE findings DROP CONSTRAINT planted_failure"));
        }
        Path second = dir.resolve("crawl-2.out");
        assertThat(run(second, "--config", config.toString(), "--data", data.toString(), "crawl", "--once"))
                .as(Files.readString(second)).isZero();

        assertThat(grep(data, PLANTED)).isEmpty();
        assertThat(grep(dir, PLANTED)).as("the processes' standard output and error, beside the data directory").isEmpty();
        try (var files = Files.list(data.resolve("db"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).noneMatch(n -> n.endsWith(".trace.db"));
        }

        // the reviewer of the account's organisation reads it, decrypted, on the case page and in the API
        try (AppContext app = AppContext.load(config, data)) {
            app.users().add("ig-reviewer", "a long passphrase", Role.REVIEWER, "RXN");
            long caseId = app.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM cases").mapTo(Long.class).one());
            String token = app.apiTokens().issue("ig-reviewer");
            var web = app.webApp().start("127.0.0.1", 0);
            Browserless browser = new Browserless("http://127.0.0.1:" + web.port());
            JsonNode c = new ObjectMapper().readTree(browser.api("/api/cases/" + caseId, token).body());
            assertThat(c.path("post").path("caption").asText()).endsWith(CAPTION); // after the item's title
            assertThat(c.path("reasons").toString()).contains("names a patient: 'Doreen");
            assertThat(c.path("findings").toString()).contains("Quillonby");
            assertThat(browser.signIn("ig-reviewer", "a long passphrase").statusCode()).isEqualTo(302);
            assertThat(browser.get("/cases/" + caseId).body()).contains("Doreen Quillonby");
        }
        assertThat(grep(data, PLANTED)).isEmpty();
    }

    record Run(int exit, String out, String err) {
    }

    static Run execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A data directory holding the planted post, crawled and flagged. */
    Path crawled(Path config) throws Exception {
        Path data = dir.resolve("data");
        Run run = execute("--config", config.toString(), "--data", data.toString(), "crawl", "--once", "--accounts", accounts().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"flagged\":1");
        return data;
    }

    @Test
    void aStartWithAMissingOrAnotherKeyIsRefusedInOneLineAndNoKeyIsMade() throws Exception {
        Path config = config();
        Path data = crawled(config);
        Path key = data.resolve("media.key");
        byte[] original = Files.readAllBytes(key);
        Files.delete(key);

        Run missing = execute("--config", config.toString(), "--data", data.toString(), "crawl", "--once");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("wardwatch: media key missing: " + key.toAbsolutePath() + " does not exist")
                .endsWith("restore the key file from your backup (WardWatch never makes a new key over encrypted data)");
        assertThat(Files.exists(key)).as("no key was made over the encrypted data").isFalse();

        Files.writeString(key, java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        Run other = execute("--config", config.toString(), "--data", data.toString(), "serve", "--port", "0");
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("wardwatch: media key " + key.toAbsolutePath() + " (fingerprint ")
                .contains("is not the key this database is encrypted with")
                .endsWith("restore the right key file " + key.toAbsolutePath() + " from your backup; WardWatch does not start with another key");

        Files.write(key, original);
        assertThat(execute("--config", config.toString(), "--data", data.toString(), "crawl", "--once").exit()).isZero();
    }

    @Test
    void keysRotateMovesImagesAndTextsToANewKeyAndTheCaseStillReads() throws Exception {
        Path config = config();
        Path data = crawled(config);
        byte[] oldKey = java.util.Base64.getDecoder().decode(Files.readString(data.resolve("media.key")).strip());
        String image = org.wardwatch.core.media.MediaVault.anyStored(data).orElseThrow();

        Run rotate = execute("--config", config.toString(), "--data", data.toString(), "keys", "rotate");
        assertThat(rotate.exit()).as(rotate.err()).isZero();
        assertThat(rotate.err()).contains("keys rotate: images 1/1").contains("keys rotate: posts.text: 1 re-encrypted");
        assertThat(rotate.out().lines().toList()).hasSize(1).first().asString()
                .matches("rotated from key [0-9a-f]{16} to key [0-9a-f]{16}: 1 images and \\d+ stored texts re-encrypted; "
                        + ".*media\\.key now holds the new key: back it up; the old key's backup media\\.key\\.\\d{8}-\\d{6}\\.bak was removed");
        assertThat(new org.wardwatch.core.media.MediaVault(data, oldKey).opens(image)).isFalse();

        try (AppContext app = AppContext.load(config, data)) {
            app.users().add("ig-reviewer", "a long passphrase", Role.REVIEWER, "RXN");
            long caseId = app.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM cases").mapTo(Long.class).one());
            assertThat(app.vault().opens(image)).isTrue();
            assertThat(app.reviewCases().find(caseId).orElseThrow().post().text()).endsWith(CAPTION);
        }
        assertThat(grep(data, PLANTED)).isEmpty();
    }
}
