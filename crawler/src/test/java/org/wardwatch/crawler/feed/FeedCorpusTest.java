package org.wardwatch.crawler.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.crawler.CrawlerTesting.NOW;
import static org.wardwatch.crawler.CrawlerTesting.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.crawler.CrawlerTesting;
import org.wardwatch.crawler.Crawlers;
import org.wardwatch.crawler.feed.eval.ItemCensus;
import org.wardwatch.crawler.http.FakeClock;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Every feed of the corpus ({@code src/test/resources/feeds}, described by its {@code manifest.tsv})
 * served over HTTP to the real source: the items a separate count finds are all posts, repeats or
 * skips, the expected text arrives with the right characters, and a second crawl names every post
 * as the first did.
 */
class FeedCorpusTest {
    static WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    Crawlers crawlers;
    FeedSource source;

    /** One line of the manifest. */
    record Row(String file, String contentType, int items, int posts, int skipped, List<String> phrases, String note) {
        @Override
        public String toString() {
            return file;
        }
    }

    @BeforeAll
    static void start() {
        wm.start();
        CrawlerTesting.warmUp(wm);
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void setUp() {
        wm.resetAll();
        crawlers = CrawlerTesting.crawlers(new FakeClock(NOW));
        source = (FeedSource) crawlers.source(Platform.RSS);
    }

    @AfterEach
    void tearDown() {
        crawlers.close();
    }

    static List<Row> corpus() {
        List<Row> rows = new ArrayList<>();
        for (String line : new String(bytes("manifest.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) continue;
            String[] c = line.split("\t", -1);
            List<String> phrases = c[5].equals("-") ? List.of()
                    : Arrays.stream(c[5].split("\\|\\|")).map(p -> p.replace("\\n", "\n")).toList();
            rows.add(new Row(c[0], c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4]), phrases,
                    c[6].equals("-") ? null : c[6]));
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyItemIsStoredOrSkippedWithItsTextIntactAndTheSameIdsTwice(Row row) throws Exception {
        byte[] body = bytes(row.file());
        wm.stubFor(get("/feeds/" + row.file()).willReturn(aResponse().withHeader("Content-Type", row.contentType()).withBody(body)));
        Account a = account(Platform.RSS, wm.baseUrl() + "/feeds/" + row.file(), null);

        FeedRead first = source.read(a, CrawlState.FIRST, Deadline.NONE);

        assertThat(ItemCensus.count(body)).as("items a separate count finds").isEqualTo(row.items());
        assertThat(first.items()).as("items the source saw").isEqualTo(row.items());
        assertThat(first.batch().posts()).as("posts").hasSize(row.posts());
        assertThat(first.batch().skipped()).as("skipped").hasSize(row.skipped());
        assertThat(first.accounted()).as("posts + repeats + skipped").isEqualTo(row.items());
        List<String> texts = first.batch().posts().stream().map(FetchedPost::text).toList();
        for (String phrase : row.phrases()) {
            assertThat(texts).as("a post holding %s", phrase).anySatisfy(t -> assertThat(t).contains(phrase));
        }
        assertThat(texts).noneSatisfy(t -> assertThat(t).containsAnyOf("\u0080", "\u0093", "\u0094", "\u0096"));
        if (row.note() == null) assertThat(first.batch().itemErrors()).isEmpty();
        else assertThat(first.batch().itemErrors()).anySatisfy(e -> assertThat(e).contains(row.note()));
        assertThat(first.batch().itemErrors()).allSatisfy(e -> assertThat(e).doesNotContain("\n"));

        List<String> ids = first.batch().posts().stream().map(FetchedPost::externalId).toList();
        assertThat(ids).doesNotHaveDuplicates();
        FeedRead second = source.read(a, first.batch().nextState(), Deadline.NONE);
        assertThat(second.batch().posts()).extracting(FetchedPost::externalId).containsExactlyElementsOf(ids);
    }

    static byte[] bytes(String name) {
        try (InputStream in = FeedCorpusTest.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) throw new IllegalArgumentException("no corpus file " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
