package org.wardwatch.crawler.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.SkippedItem;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.CrawlerTesting;
import org.wardwatch.crawler.Crawlers;
import org.wardwatch.crawler.Cursor;
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
        assertThat(batch.skipped()).singleElement().satisfies(s -> {
            assertThat(s.item()).isEqualTo("feed item 3 (https://nhs.social/@oakfieldward/112000000000000001)");
            assertThat(s.reason()).isEqualTo("older than the first-crawl window (30 days)");
        });
    }

    @Test
    void firstCrawlStopsAtTheConfiguredNumberOfPosts() throws Exception {
        try (Crawlers small = new Crawlers(CrawlerTesting.settings(), new org.wardwatch.crawler.CrawlLimits(3650, 1, 1000, 40),
                null, clock)) {
            Account a = feed("/@oakfieldward.rss", fixture("feed/mastodon-account.rss"));
            CrawlBatch batch = small.source(Platform.RSS).fetch(a, CrawlState.FIRST);
            // the newest is the one offered
            assertThat(batch.posts()).extracting(FetchedPost::externalId)
                    .containsExactly("https://nhs.social/@oakfieldward/113512345678901234");
            assertThat(batch.skipped()).hasSize(2).extracting(SkippedItem::reason)
                    .containsOnly("beyond the first crawl's limit of 1 post");
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
    void anItemWithoutGuidOrLinkIsStoredUnderAnIdFromItsContentThatARecrawlRecognises() throws Exception {
        Account a = feed("/feed/", fixture("feed/wordpress.rss"));
        CrawlBatch first = rss.fetch(a, CrawlState.FIRST);

        assertThat(first.posts()).hasSize(2);
        FetchedPost bare = first.posts().get(1);
        assertThat(bare.externalId()).matches("urn:sha256:[0-9a-f]{64}");
        assertThat(bare.permalink()).isNull();
        assertThat(bare.text()).isEqualTo("Missing everything\n\nAn item without a link or guid.");
        assertThat(first.itemErrors()).isEmpty();
        assertThat(first.skipped()).isEmpty();
        assertThat(rss.fetch(a, first.nextState()).posts()).extracting(FetchedPost::externalId)
                .containsExactly("https://perinatal.example.org/?p=123", bare.externalId());
    }

    @Test
    void itemsWithoutIdsGetDifferentIdsAndAnItemListedTwiceIsOnePost() throws Exception {
        Account a = feed("/board.rss", corpus("no-guid-no-link.xml"));
        FeedRead read = ((FeedSource) rss).read(a, CrawlState.FIRST, Deadline.NONE);

        assertThat(read.batch().posts()).extracting(FetchedPost::externalId)
                .allMatch(id -> id.matches("urn:sha256:[0-9a-f]{64}")).doesNotHaveDuplicates().hasSize(3);
        assertThat(read.repeats()).isEqualTo(1);
        assertThat(read.batch().skipped()).isEmpty();
        assertThat(read.accounted()).isEqualTo(read.items()).isEqualTo(4);
    }

    @Test
    void itemsSharingALinkButDifferingAreEachKeptUnderTheirContent() throws Exception {
        Account a = feed("/oak.rss", corpus("shared-link.xml"));
        CrawlBatch batch = rss.fetch(a, CrawlState.FIRST);
        assertThat(batch.posts()).extracting(FetchedPost::externalId)
                .allMatch(id -> id.startsWith("urn:sha256:")).doesNotHaveDuplicates().hasSize(3);
        assertThat(batch.posts()).extracting(FetchedPost::permalink).containsOnly("https://oaklodge.example.org.uk/");
        assertThat(batch.itemErrors()).containsExactly("feed " + a.handle() + ": 3 different items share the id "
                + "https://oaklodge.example.org.uk/; each is identified by its content instead");
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
    void aRoutineCrawlOffersEveryItemOfTheFirstWindowSoOneAddedWithAnOlderDateIsKept() throws Exception {
        wm.stubFor(get("/plain.rss").willReturn(aResponse().withBody(fixture("feed/mastodon-account.rss"))));
        Account a = account(Platform.RSS, wm.baseUrl() + "/plain.rss", null);
        CrawlBatch first = rss.fetch(a, CrawlState.FIRST);
        // added after the first crawl, but dated before the newest item that crawl saw
        String later = fixture("feed/mastodon-account.rss").replaceFirst("<item>", """
                <item>
                  <guid isPermaLink="true">https://nhs.social/@oakfieldward/113400000000000000</guid>
                  <link>https://nhs.social/@oakfieldward/113400000000000000</link>
                  <pubDate>Tue, 10 Nov 2026 09:00:00 +0000</pubDate>
                  <description>&lt;p&gt;Posted late, dated early.&lt;/p&gt;</description>
                </item>
                <item>""");
        wm.stubFor(get("/plain.rss").willReturn(aResponse().withBody(later)));
        clock.advance(java.time.Duration.ofDays(3));

        CrawlBatch second = rss.fetch(a, first.nextState());

        // the store answers "unchanged" for the two it has; nothing in the window is left out
        assertThat(second.posts()).extracting(FetchedPost::externalId).containsExactly(
                "https://nhs.social/@oakfieldward/113400000000000000", "https://nhs.social/@oakfieldward/113512345678901234",
                "https://nhs.social/@oakfieldward/113498765432109876");
        assertThat(second.skipped()).extracting(SkippedItem::reason).containsExactly("older than the first-crawl window (30 days)");
        String windowStart = Cursor.parse(first.nextState().cursor()).get("windowStart");
        // thirty days before the first crawl (whose clock the politeness waits moved on by milliseconds)
        assertThat(Instant.parse(windowStart)).isBetween(Instant.parse("2026-10-24T10:00:00Z"), Instant.parse("2026-10-24T10:00:01Z"));
        assertThat(Cursor.parse(second.nextState().cursor()).get("windowStart")).isEqualTo(windowStart);
    }

    @Test
    void aFeedThatIsNotWellFormedIsReadLenientlyAndSaysSoInOneLine() throws Exception {
        Account a = feed("/broken.rss", fixture("feed/malformed.rss"));
        CrawlBatch batch = rss.fetch(a, CrawlState.FIRST);

        assertThat(batch.posts()).singleElement().satisfies(p -> {
            assertThat(p.externalId()).isEqualTo("https://broken.example.org/1");
            assertThat(p.text()).isEqualTo("Unclosed");
        });
        assertThat(batch.itemErrors()).containsExactly("feed " + a.handle() + " is not well-formed XML (line 8, column 7: "
                + "The element type \"title\" must be terminated by the matching end-tag \"</title>\".); read leniently: 1 item");
    }

    @Test
    void aDocumentWithoutItemsThatIsNotXmlIsOneLineWithTheParsersReason() {
        Account empty = feed("/empty.rss", "");
        assertThatThrownBy(() -> rss.fetch(empty, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessage("malformed feed at " + empty.handle() + ": line 1, column 1: Premature end of file.");
        Account cut = feed("/cut.rss", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Cut");
        assertThatThrownBy(() -> rss.fetch(cut, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("malformed feed at " + cut.handle() + ": line 2, column ")
                .hasMessageContaining("XML document structures must start and end within the same entity")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anEmptyFeedOfAVersionRomeDoesNotKnowIsEmptyNotAFailure() throws Exception {
        Account a = feed("/new.rss", "<rss version=\"0.95\"><channel><title>Nothing yet</title></channel></rss>");
        CrawlBatch batch = rss.fetch(a, CrawlState.FIRST);
        assertThat(batch.posts()).isEmpty();
        assertThat(batch.itemErrors()).containsExactly("feed " + a.handle()
                + " is not RSS or Atom that ROME reads (root element <rss>); read leniently: 0 items");
    }

    @Test
    void aWellFormedDocumentThatIsNoFeedSaysWhatItIs() {
        Account a = feed("/sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>https://example.org/</loc></url></urlset>");
        assertThatThrownBy(() -> rss.fetch(a, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessage("not a feed at " + a.handle() + ": it is not RSS or Atom that ROME reads (root element <urlset>)"
                        + " and has no item or entry");
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
    @Test
    void externalEntitiesAndDtdsAreNeverFetched() throws Exception {
        wm.stubFor(get("/secret").willReturn(aResponse().withBody("TOP SECRET")));
        wm.stubFor(get("/evil.dtd").willReturn(aResponse().withBody("<!ENTITY leak \"LEAKED\">")));
        wm.stubFor(get("/param.dtd").willReturn(aResponse().withBody("<!ENTITY leak2 \"LEAKED\">")));
        String base = wm.baseUrl();
        Account a = feed("/xxe.rss", """
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "%1$s/evil.dtd" [
                  <!ENTITY remote SYSTEM "%1$s/secret">
                  <!ENTITY local SYSTEM "file:///etc/passwd">
                  <!ENTITY %% param SYSTEM "%1$s/param.dtd">
                  %%param;
                ]>
                <rss version="2.0"><channel><title>t</title>
                <item><link>https://example.org/1</link><title>Before [&remote;] [&local;] after</title></item>
                </channel></rss>""".formatted(base));

        CrawlBatch batch = rss.fetch(a, CrawlState.FIRST);

        assertThat(batch.posts()).singleElement().satisfies(p ->
                assertThat(p.text()).startsWith("Before [").endsWith("] after").doesNotContain("TOP SECRET", "root:", "LEAKED"));
        wm.verify(0, getRequestedFor(urlEqualTo("/secret")));
        wm.verify(0, getRequestedFor(urlEqualTo("/evil.dtd")));
        wm.verify(0, getRequestedFor(urlEqualTo("/param.dtd")));
    }

    @Test
    void billionLaughsEndsQuicklyWithTheParsersReasonAndTheItemStillRead() throws Exception {
        Account a = feed("/laughs.rss", corpus("billion-laughs.xml"));
        CrawlBatch batch = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> rss.fetch(a, CrawlState.FIRST));
        assertThat(batch.itemErrors()).singleElement().asString()
                .contains("more than \"64000\" entity expansions").endsWith("read leniently: 1 item");
        assertThat(batch.posts()).singleElement().satisfies(p ->
                assertThat(p.text()).contains("Ward quiz night raised money for the garden.").hasSizeLessThan(500));
    }

    @Test
    void aQuadraticBlowupIsRefusedByTheEntitySizeLimit() throws Exception {
        String big = "x".repeat(100_000);
        String uses = "&big;".repeat(1_000);
        Account a = feed("/quadratic.rss", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY big \"" + big + "\">]>"
                + "<rss version=\"2.0\"><channel><title>q</title><item><link>https://example.org/q</link><description>"
                + uses + "</description></item></channel></rss>");
        CrawlBatch batch = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> rss.fetch(a, CrawlState.FIRST));
        assertThat(batch.itemErrors()).singleElement().asString()
                .startsWith("feed " + a.handle() + " is beyond the XML parser's safety limits (")
                .contains("exceeded the \"10,000,000\" limit").endsWith("read leniently: 1 item");
        assertThat(batch.posts()).singleElement().satisfies(p -> assertThat(p.text()).hasSizeLessThan(10_000));
    }

    @Test
    void aLongGuidAndAMillionCharacterCaptionArriveWhole() throws Exception {
        String guid = "https://example.nhs.uk/news?" + "a=1&amp;".repeat(1001) + "end123";
        String caption = "Ward 7 garden. ".repeat(66_667);
        try (Crawlers big = new Crawlers(CrawlerTesting.settings().withMaxResponseBytes(5_000_000), CrawlerTesting.limits(),
                null, clock)) {
            Account a = feed("/long.rss", "<rss version=\"2.0\"><channel><title>l</title><item><guid>" + guid + "</guid>"
                    + "<description>" + caption + "</description></item></channel></rss>");
            FetchedPost post = big.source(Platform.RSS).fetch(a, CrawlState.FIRST).posts().get(0);
            assertThat(post.externalId()).isEqualTo(guid.replace("&amp;", "&")).hasSize(4038);
            assertThat(post.text()).hasSize(caption.strip().length()).hasSizeGreaterThan(1_000_000);
        }
    }

    @Test
    void aPageThatLinksToItsFeedIsFollowedAndTheFeedRemembered() throws Exception {
        wm.stubFor(get("/trust/news").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody("""
                <!DOCTYPE html><html><head><title>News</title>
                <link rel="stylesheet" href="/site.css">
                <link rel="alternate" type="application/rss+xml" title="News" href="../feeds/news.rss">
                <link rel="alternate" type="application/atom+xml" title="Comments" href="/feeds/comments.atom">
                </head><body><h1>News</h1></body></html>""")));
        wm.stubFor(get("/feeds/news.rss").willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withHeader("ETag", "\"n1\"").withBody(fixture("feed/mastodon-account.rss"))));
        Account a = account(Platform.RSS, wm.baseUrl() + "/trust/news", null);

        CrawlBatch first = rss.fetch(a, CrawlState.FIRST);
        assertThat(first.posts()).hasSize(2);
        assertThat(Cursor.parse(first.nextState().cursor()).get("feed")).isEqualTo(wm.baseUrl() + "/feeds/news.rss");

        wm.stubFor(get("/feeds/news.rss").withHeader("If-None-Match", equalTo("\"n1\"")).willReturn(aResponse().withStatus(304)));
        CrawlBatch second = rss.fetch(a, first.nextState());
        assertThat(second.posts()).isEmpty();
        wm.verify(1, getRequestedFor(urlEqualTo("/trust/news")));
        wm.verify(0, getRequestedFor(urlEqualTo("/feeds/comments.atom")));
    }

    @Test
    void aRememberedFeedThatHasGoneIsLookedForOnThePageAgain() throws Exception {
        wm.stubFor(get("/trust/news").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
                "<html><head><link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/new.atom\"></head></html>")));
        wm.stubFor(get("/feeds/new.atom").willReturn(aResponse().withBody(fixture("feed/trust-news.atom"))));
        Account a = account(Platform.RSS, wm.baseUrl() + "/trust/news", null);
        String cursor = Cursor.parse(null).with("feed", wm.baseUrl() + "/feeds/old.rss").with("etag", "\"o1\"")
                .with("windowStart", "2026-10-01T00:00:00Z").toString();

        CrawlBatch batch = rss.fetch(a, new CrawlState(cursor, null));

        assertThat(batch.posts()).hasSize(2);
        assertThat(Cursor.parse(batch.nextState().cursor()).get("feed")).isEqualTo(wm.baseUrl() + "/feeds/new.atom");
        wm.verify(1, getRequestedFor(urlEqualTo("/feeds/old.rss")));
    }

    @Test
    void aPageWithoutAFeedLinkIsOneLineSayingSo() {
        wm.stubFor(get("/about").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<!doctype html><html><head><title>About us</title></head><body>Hello</body></html>")));
        Account a = account(Platform.RSS, wm.baseUrl() + "/about", null);
        assertThatThrownBy(() -> rss.fetch(a, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessage("rss " + a.handle() + ": " + a.handle() + " is an HTML page with no RSS or Atom feed link"
                        + " (<link rel=\"alternate\" type=\"application/rss+xml\">)");
    }

    @Test
    void relativeLinksResolveAgainstXmlBaseOfEntryThenFeed() throws Exception {
        Account a = feed("/city.atom", corpus("atom10.xml"));
        List<FetchedPost> posts = rss.fetch(a, CrawlState.FIRST).posts();

        FetchedPost lounge = posts.get(0);
        assertThat(lounge.permalink()).isEqualTo("https://citygeneral.example.nhs.uk/news/2026/11/discharge-lounge.html");
        // decoded from base64, its image resolves against the entry's base
        assertThat(lounge.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://citygeneral.example.nhs.uk/news/2026/11/lounge.jpg", "Armchairs by a window"));
        FetchedPost awards = posts.get(1);
        assertThat(awards.permalink()).isEqualTo("https://citygeneral.example.nhs.uk/news/awards.html");
        assertThat(awards.publishedAt()).isEqualTo(Instant.parse("2026-11-19T17:00:00Z"));
        assertThat(awards.editedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(awards.media()).extracting(FetchedMedia::url).containsExactly(
                "https://citygeneral.example.nhs.uk/media/awards-stage.jpg", "https://citygeneral.example.nhs.uk/news/img/awards-night.jpg");
    }

    @Test
    void withoutXmlBaseLinksResolveAgainstContentLocationElseTheFeedUrl() throws Exception {
        String body = "<rss version=\"2.0\"><channel><title>r</title><item><link>news/1.html</link><description>"
                + "&lt;img src=\"pics/1.jpg\"&gt;</description></item></channel></rss>";
        wm.stubFor(get("/feeds/relative.rss").willReturn(aResponse().withBody(body)
                .withHeader("Content-Location", "https://mirror.example.org/site/feed.rss")));
        wm.stubFor(get("/feeds/plain.rss").willReturn(aResponse().withBody(body)));

        FetchedPost located = rss.fetch(account(Platform.RSS, wm.baseUrl() + "/feeds/relative.rss", null), CrawlState.FIRST).posts().get(0);
        FetchedPost plain = rss.fetch(account(Platform.RSS, wm.baseUrl() + "/feeds/plain.rss", null), CrawlState.FIRST).posts().get(0);

        assertThat(located.permalink()).isEqualTo("https://mirror.example.org/site/news/1.html");
        assertThat(located.media()).extracting(FetchedMedia::url).containsExactly("https://mirror.example.org/site/pics/1.jpg");
        assertThat(plain.permalink()).isEqualTo(wm.baseUrl() + "/feeds/news/1.html");
        assertThat(plain.media()).extracting(FetchedMedia::url).containsExactly(wm.baseUrl() + "/feeds/pics/1.jpg");
    }

    @Test
    void lazyLoadedPictureAndNoscriptImagesAreFoundAtTheirLargest() throws Exception {
        wm.stubFor(get("/charity/feed/").willReturn(aResponse().withBody(corpus("lazy-images.xml"))
                .withHeader("Content-Location", "https://charity.example.org.uk/feed/")));
        Account a = account(Platform.RSS, wm.baseUrl() + "/charity/feed/", null);
        FetchedPost post = rss.fetch(a, CrawlState.FIRST).posts().get(0);
        String up = "https://charity.example.org.uk/wp-content/uploads/2026/11/";
        assertThat(post.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                org.assertj.core.groups.Tuple.tuple(up + "shop-front.jpg", "The shop front with bunting"),
                org.assertj.core.groups.Tuple.tuple(up + "shop-till.jpg", "Volunteers at the till"),
                org.assertj.core.groups.Tuple.tuple(up + "shelves-1200.jpg", "Shelves of books"),
                org.assertj.core.groups.Tuple.tuple(up + "sign@2x.webp", "The shop sign"),
                org.assertj.core.groups.Tuple.tuple(up + "ribbon.jpg", "Opening ceremony"));
    }

    @Test
    void aDeadlineThatHasPassedStopsTheCrawlBeforeAnyRequest() {
        Account a = feed("/late.rss", fixture("feed/mastodon-account.rss"));
        assertThatThrownBy(() -> rss.fetch(a, CrawlState.FIRST, Deadline.in(java.time.Duration.ZERO)))
                .isInstanceOf(SourceException.class).hasMessageContaining("deadline of 0 s passed");
        wm.verify(0, getRequestedFor(urlEqualTo("/late.rss")));
    }

    private static String corpus(String name) {
        return new String(FeedCorpusTest.bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
