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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.core.store.Database;
import org.wardwatch.core.testing.TestImages;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A real {@code wardwatch crawl --once} process killed with SIGKILL while it is between storing
 * posts and analysing them, then a second crawl: every post ends stored once and analysed once,
 * with exactly one case each, and the killed process's runs are marked interrupted.
 */
class CrashRecoveryTest {
    static final int ACCOUNTS = 3;
    static final int ITEMS = 10;

    @TempDir
    Path dir;

    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        Instant now = Instant.now();
        for (int a = 1; a <= ACCOUNTS; a++) {
            server.stubFor(get(urlEqualTo("/ward" + a + "/feed")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/rss+xml").withBody(feed(a, now))));
            for (int i = 1; i <= ITEMS; i++) {
                // slow images keep the first process busy analysing when it is killed
                server.stubFor(get(urlEqualTo("/img/" + a + "-" + i + ".png")).willReturn(aResponse().withStatus(200)
                        .withFixedDelay(250).withHeader("Content-Type", "image/png")
                        .withBody(TestImages.png(60 + a, 40 + i, new Color(20 * a, 10 * i, 90)))));
            }
        }
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    String feed(int account, Instant now) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= ITEMS; i++) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minus(Duration.ofHours(i)).atOffset(ZoneOffset.UTC));
            items.append("""
                    <item><title>Birthday %2$d</title><link>%1$s/ward%3$d/posts/%2$d</link><guid>%1$s/ward%3$d/posts/%2$d</guid>
                    <pubDate>%4$s</pubDate><description>Happy 80th birthday to Doreen on Ward %3$d, admitted in May</description>
                    <enclosure url="%1$s/img/%3$d-%2$d.png" length="100" type="image/png"/></item>
                    """.formatted(server.baseUrl(), i, account, date));
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Ward " + account + "</title><link>"
                + server.baseUrl() + "</link><description>d</description>" + items + "</channel></rss>";
    }

    @Test
    void aCrawlKilledMidWayIsFinishedByTheNextWithEveryPostAnalysedOnce() throws Exception {
        Path config = dir.resolve("wardwatch.yaml");
        Files.writeString(config, """
                http:
                  userAgent: "WardWatch-test (+mailto:test@example.org)"
                  # the platforms are WireMock on loopback, which the private-address guard refuses
                  requestsPerSecondPerHost: 100
                  retries: 0
                crawl:
                  parallel: 3
                """);
        Path accounts = dir.resolve("accounts.yaml");
        StringBuilder yaml = new StringBuilder("organisations:\n  - name: Northfield\n    ods: RXN\n    accounts:\n");
        for (int a = 1; a <= ACCOUNTS; a++) {
            yaml.append("      - name: Ward ").append(a).append("\n        kind: ward\n        platform: rss\n        handle: ")
                    .append(server.baseUrl()).append("/ward").append(a).append("/feed\n");
        }
        Files.writeString(accounts, yaml);
        Path data = dir.resolve("data");

        long storedBeforeKill = 0;
        Process first = new ProcessBuilder(javaCommand("--config", config.toString(), "--data", data.toString(),
                "crawl", "--once", "--accounts", accounts.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        try {
            // kill it once posts are stored but before all of them are analysed
            boolean storedNotAnalysed = false;
            for (int i = 0; i < 600 && first.isAlive() && !storedNotAnalysed; i++) {
                Thread.sleep(100);
                storedBeforeKill = peek(data, "SELECT COUNT(*) FROM posts");
                storedNotAnalysed = Files.exists(data.resolve("db/wardwatch.mv.db"))
                        && peek(data, "SELECT COUNT(*) FROM posts WHERE analysis_pending = TRUE") >= 3;
            }
            assertThat(storedNotAnalysed).as("the first crawl stored posts pending analysis; its log:\n%s",
                    Files.exists(dir.resolve("first.log")) ? Files.readString(dir.resolve("first.log")) : "").isTrue();
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally blocks in the child
            first.waitFor();
        }
        // what the killed process committed survived it (H2 writes each commit before it returns)
        assertThat(count(data, "SELECT COUNT(*) FROM posts")).isGreaterThanOrEqualTo(storedBeforeKill);
        assertThat(count(data, "SELECT COUNT(*) FROM posts WHERE analysis_pending = TRUE")).isPositive();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WardWatch.execute(new PrintWriter(out, true), new PrintWriter(err, true), "--config", config.toString(),
                "--data", data.toString(), "crawl", "--once", "--accounts", accounts.toString());
        assertThat(exit).as(err.toString()).isZero();

        assertThat(count(data, "SELECT COUNT(*) FROM posts")).isEqualTo(ACCOUNTS * ITEMS);
        assertThat(count(data, "SELECT COUNT(*) FROM posts WHERE analysis_pending = TRUE OR analysed_at IS NULL")).isZero();
        assertThat(count(data, "SELECT COUNT(*) FROM cases")).isEqualTo(ACCOUNTS * ITEMS);
        assertThat(count(data, "SELECT COUNT(DISTINCT post_id) FROM cases")).isEqualTo(ACCOUNTS * ITEMS);
        assertThat(count(data, "SELECT COUNT(*) FROM media WHERE sha256 IS NOT NULL")).isEqualTo(ACCOUNTS * ITEMS);
        // analysed once: no finding recorded twice for the same place in the same post
        assertThat(count(data, "SELECT COUNT(*) FROM (SELECT post_id, media_id, source, type, span_start, box_x, box_y, "
                + "COUNT(*) AS n FROM findings GROUP BY post_id, media_id, source, type, span_start, box_x, box_y) g WHERE g.n > 1"))
                .isZero();
        assertThat(count(data, "SELECT COUNT(DISTINCT post_id) FROM findings")).isEqualTo(ACCOUNTS * ITEMS);
        assertThat(count(data, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'running' OR finished_at IS NULL")).isZero();
        assertThat(count(data, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'interrupted'")).isPositive();
        assertThat(err.toString()).contains("finished what an interrupted run left");
    }

    /**
     * A count read over plain JDBC while the crawl runs (through H2's auto-server), so the test never
     * runs migrations beside the process it watches; 0 while the schema is not there yet.
     */
    static long peek(Path data, String sql) {
        try (var c = java.sql.DriverManager.getConnection(Database.h2Url(data), "sa", "");
             var rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    static long count(Path data, String sql) {
        try (Database db = Database.open(Database.h2Url(data), "sa", "")) {
            return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        }
    }

    /** The command line of a fresh JVM running WardWatch with this test's class path. */
    static List<String> javaCommand(String... args) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classPath, WardWatch.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
