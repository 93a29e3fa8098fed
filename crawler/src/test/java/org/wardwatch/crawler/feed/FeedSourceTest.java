package org.wardwatch.crawler.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.crawler.CrawlerTesting.NOW;
import static org.wardwatch.crawler.CrawlerTesting.account;
import static org.wardwatch.crawler.CrawlerTesting.fixture;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.CrawlerTesting;
import org.wardwatch.crawler.Crawlers;
import org.wardwatch.crawler.http.FakeClock;

import com.github.tomakehurst.wiremock.WireMockServer;

class FeedSourceTest {
    static WireMockServer wm = new WireMockServer(options().dynamicPort());
    FakeClock clock;
    Crawlers crawlers;
    PostSource rss;

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
        clock = new FakeClock(NOW);
        crawlers = CrawlerTesting.crawlers(clock);
        rss = crawlers.source(Platform.RSS);
    }

    @AfterEach
    void tearDown() {
        crawlers.close();
    }

    private Account feed(String path, String body) {
        wm.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withHeader("ETag", "W/\"v1\"").withBody(body)));
        return account(Platform.RSS, wm.baseUrl() + path, null);
    }

    @Test
    void mastodonRssItemsCarryMediaContentWithDescriptionAsAltText() throws Exception {
        Account a = feed("/@oakfieldward.rss", fixture("feed/mastodon-account.rss"));
        CrawlBatch batch = rss.fetch(a, CrawlState.FIRST);

        FetchedPost garden = batch.posts().get(0);
        assertThat(garden.externalId()).isEqualTo("https://nhs.social/@oakfieldward/113512345678901234");
        assertThat(garden.permalink()).isEqualTo("https://nhs.social/@oakfieldward/113512345678901234");
        assertThat(garden.publishedAt()).isEqualTo(Instant.parse("2026-11-22T15:04:11Z"));
        assertThat(garden.text()).startsWith("Garden party on the ward today").contains("#nhs").doesNotContain("<p>");
        assertThat(garden.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://files.nhs.social/media_attachments/files/113/512/001/original/57859aede991da25.jpeg",
                        "Staff and visitors around a table of cakes in the ward garden"),
                org.assertj.core.groups.Tuple.tuple("https://files.nhs.social/media_attachments/files/113/512/002/original/9a8b7c6d5e4f3a2b.png",
                        "Bunting hung across the garden fence"));
        assertThat(batch.posts().get(1).media()).isEmpty();
        assertThat(batch.itemErrors()).isEmpty();
    }

    @Test
    void firstCrawlGoesBackOnlyTheConfiguredNumberOfDays() throws Exception {
        Account a = feed("/@oakfieldward.rss", fixture("feed/mastodon-account.rss"));
        CrawlBatch batch = rss.fetch(a, CrawlState.FIRST);
        // the June item is older than the 30-day first-crawl window
        assertThat(batch.posts()).extracting(FetchedPost::externalId)
                .noneMatch(id -> id.endsWith("112000000000000001")).hasSize(2);
    }

    @Test
    void firstCrawlStopsAtTheConfiguredNumberOfPosts() throws Exception {
        try (Crawlers small = new Crawlers(CrawlerTesting.settings(), new org.wardwatch.crawler.CrawlLimits(3650, 1, 1000, 40),
                null, clock)) {
            Account a = feed("/@oakfieldward.rss", fixture("feed/mastodon-account.rss"));
            assertThat(small.source(Platform.RSS).fetch(a, CrawlState.FIRST).posts()).hasSize(1);
        }
    }

    @Test
    void wordpressContentImagesAreResolvedWithTheirAltText() throws Exception {
        Account a = feed("/feed/", fixture("feed/wordpress.rss"));
        CrawlBatch batch = rss.fetch(a, CrawlState.FIRST);

        FetchedPost post = batch.posts().get(0);
        assertThat(post.externalId()).isEqualTo("https://perinatal.example.org/?p=123");
        assertThat(post.permalink()).isEqualTo("https://perinatal.example.org/2026/11/21/welcome-to-our-new-family-room/");
        assertThat(post.text()).startsWith("Welcome to our new family room").contains("Thanks to the League of Friends.");
        assertThat(post.media()).extracting(FetchedMedia::url).containsExactly(
                "https://perinatal.example.org/wp-content/uploads/2026/11/family-room-1024x683.jpg",
                "https://perinatal.example.org/wp-content/uploads/2026/11/plaque.jpg");
        assertThat(post.media().get(0).altText()).isEqualTo("A sofa, cot and play mat in a bright room");
        assertThat(post.media().get(0).width()).isEqualTo(1024);
        assertThat(post.media().get(1).altText()).isNull();
    }

    @Test
    void anItemThatCannotBeReadIsReportedAndTheRestGoOn() throws Exception {
        Account a = feed("/feed/", fixture("feed/wordpress.rss"));
        CrawlBatch batch = rss.fetch(a, CrawlState.FIRST);
        assertThat(batch.posts()).hasSize(1);
        assertThat(batch.itemErrors()).singleElement().asString()
                .contains(a.handle()).contains("item 2").contains("no guid, id or link");
    }

    @Test
    void atomEnclosureLinksAndHtmlContentImagesAreRead() throws Exception {
        wm.stubFor(get("/news.atom").willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
                .withBody(fixture("feed/trust-news.atom"))));
        Account a = account(Platform.ATOM, wm.baseUrl() + "/news.atom", null);
        CrawlBatch batch = crawlers.source(Platform.ATOM).fetch(a, CrawlState.FIRST);

        FetchedPost ward7 = batch.posts().get(0);
        assertThat(ward7.externalId()).isEqualTo("tag:northgate.example.nhs.uk,2026:news/ward-7-reopens");
        assertThat(ward7.publishedAt()).isEqualTo(Instant.parse("2026-11-21T14:30:00Z"));
        assertThat(ward7.editedAt()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
        assertThat(ward7.text()).contains("sixteen single rooms");
        assertThat(ward7.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://northgate.example.nhs.uk/media/ward7-ribbon.jpg", null),
                org.assertj.core.groups.Tuple.tuple("https://northgate.example.nhs.uk/media/ward7-corridor.jpg",
                        "The new corridor with artwork on the walls"));
        // a PDF enclosure is not an image
        assertThat(batch.posts().get(1).media()).isEmpty();
    }

    @Test
    void aVideoContributesItsThumbnailWithTheDescriptionAsAltText() throws Exception {
        Account a = feed("/videos.rss", fixture("feed/video-thumbnail.rss"));
        FetchedPost post = rss.fetch(a, CrawlState.FIRST).posts().get(0);
        assertThat(post.externalId()).isEqualTo(a.handle() + "#video-42");
        assertThat(post.media()).singleElement().satisfies(m -> {
            assertThat(m.url()).isEqualTo("https://camhs.example.org/videos/day-in-the-life-keyframe.jpg");
            assertThat(m.altText()).isEqualTo("Members of the team at the front desk");
        });
    }

    @Test
    void secondCrawlSendsTheValidatorsAndAnUnchangedFeedGivesNothing() throws Exception {
        Account a = feed("/@oakfieldward.rss", fixture("feed/mastodon-account.rss"));
        CrawlBatch first = rss.fetch(a, CrawlState.FIRST);
        wm.stubFor(get("/@oakfieldward.rss").withHeader("If-None-Match", equalTo("W/\"v1\""))
                .willReturn(aResponse().withStatus(304)));

        CrawlBatch second = rss.fetch(a, first.nextState());

        assertThat(second.posts()).isEmpty();
        assertThat(second.nextState()).isEqualTo(first.nextState());
        wm.verify(2, getRequestedFor(urlEqualTo("/@oakfieldward.rss")));
        wm.verify(1, getRequestedFor(urlEqualTo("/@oakfieldward.rss")).withHeader("If-None-Match", equalTo("W/\"v1\"")));
    }

    @Test
    void aChangedFeedWithoutValidatorsGivesOnlyTheNewItems() throws Exception {
        wm.stubFor(get("/plain.rss").willReturn(aResponse().withBody(fixture("feed/mastodon-account.rss"))));
        Account a = account(Platform.RSS, wm.baseUrl() + "/plain.rss", null);
        CrawlBatch first = rss.fetch(a, CrawlState.FIRST);
        String newer = fixture("feed/mastodon-account.rss").replace("<item>", """
                <item>
                  <guid isPermaLink="true">https://nhs.social/@oakfieldward/113600000000000000</guid>
                  <link>https://nhs.social/@oakfieldward/113600000000000000</link>
                  <pubDate>Mon, 23 Nov 2026 09:00:00 +0000</pubDate>
                  <description>&lt;p&gt;Monday!&lt;/p&gt;</description>
                </item>
                <item>""".stripIndent()).replaceFirst("(?s)</item>\\s*<item>", "</item><item>");
        wm.stubFor(get("/plain.rss").willReturn(aResponse().withBody(newer)));

        CrawlBatch second = rss.fetch(a, first.nextState());

        // the newest item already seen comes back at most once more; nothing older does
        assertThat(second.posts()).extracting(FetchedPost::externalId)
                .contains("https://nhs.social/@oakfieldward/113600000000000000")
                .doesNotContain("https://nhs.social/@oakfieldward/113498765432109876");
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/plain.rss")))).hasSize(2);
    }

    @Test
    void aMalformedFeedIsOneLineNamingTheFeed() {
        Account a = feed("/broken.rss", fixture("feed/malformed.rss"));
        assertThatThrownBy(() -> rss.fetch(a, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("malformed feed at " + a.handle())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingFeedIsAnErrorForThatAccount() {
        Account a = account(Platform.RSS, wm.baseUrl() + "/gone.rss", null);
        assertThatThrownBy(() -> rss.fetch(a, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessageContaining("HTTP 404").hasMessageContaining("/gone.rss");
    }

    @Test
    void aFeedThatRobotsTxtDisallowsIsNotFetched() {
        wm.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nDisallow: /private/\n")));
        Account a = feed("/private/feed.rss", fixture("feed/mastodon-account.rss"));
        assertThatThrownBy(() -> rss.fetch(a, CrawlState.FIRST)).hasMessageContaining("robots.txt")
                .hasMessageContaining("disallows");
        wm.verify(0, getRequestedFor(urlEqualTo("/private/feed.rss")));
    }

    @Test
    void recheckTakesOnly404And410AsDeleted() {
        wm.stubFor(get("/p/live").willReturn(aResponse().withStatus(200).withBody("<html>ok</html>")));
        wm.stubFor(get("/p/gone").willReturn(aResponse().withStatus(404)));
        wm.stubFor(get("/p/removed").willReturn(aResponse().withStatus(410)));
        wm.stubFor(get("/p/down").willReturn(aResponse().withStatus(503)));
        Account a = account(Platform.RSS, wm.baseUrl() + "/feed.rss", null);
        Map<Long, PostStatus> out = rss.recheck(a, CrawlState.FIRST, List.of(
                new PostRef(1, "a", wm.baseUrl() + "/p/live"), new PostRef(2, "b", wm.baseUrl() + "/p/gone"),
                new PostRef(3, "c", wm.baseUrl() + "/p/removed"), new PostRef(4, "d", wm.baseUrl() + "/p/down"),
                new PostRef(5, "e", null)));
        assertThat(out).containsExactlyInAnyOrderEntriesOf(Map.of(1L, PostStatus.LIVE, 2L, PostStatus.DELETED,
                3L, PostStatus.DELETED, 4L, PostStatus.UNREACHABLE, 5L, PostStatus.UNREACHABLE));
    }
}
