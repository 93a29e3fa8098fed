package org.wardwatch.crawler.wordpress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.wardwatch.crawler.CrawlerTesting.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.SkippedItem;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.Cursor;
import org.wardwatch.crawler.WireMockSourceTest;

class WordPressSourceTest extends WireMockSourceTest {
    static final String POSTS = "/wp-json/wp/v2/posts";
    PostSource wordpress;
    Account site;

    @BeforeEach
    void setUp() {
        wordpress = crawlers.source(Platform.WORDPRESS);
        site = account(Platform.WORDPRESS, wm.baseUrl(), null);
    }

    private void stubPages() {
        wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("page", equalTo("1")).withQueryParam("_embed", equalTo("1"))
                .willReturn(json("wordpress/posts-page1.json").withHeader("X-WP-Total", "3").withHeader("X-WP-TotalPages", "2")
                        .withHeader("Link", "<" + wm.baseUrl() + POSTS + "?_embed=1&page=2>; rel=\"next\"")));
        wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("page", equalTo("2"))
                .willReturn(json("wordpress/posts-page2.json").withHeader("X-WP-Total", "3").withHeader("X-WP-TotalPages", "2")));
    }

    @Test
    void pagesUpToTotalPagesAndReadsEveryPost() throws Exception {
        stubPages();
        CrawlBatch batch = wordpress.fetch(site, CrawlState.FIRST);
        assertThat(batch.posts()).extracting(FetchedPost::externalId).containsExactly(
                "https://perinatal.example.org/?p=123", "https://perinatal.example.org/?p=120", "https://perinatal.example.org/?p=101");
        wm.verify(2, getRequestedFor(urlPathEqualTo(POSTS)));
    }

    @Test
    void featuredMediaAndContentImagesComeWithAltText() throws Exception {
        stubPages();
        List<FetchedPost> posts = wordpress.fetch(site, CrawlState.FIRST).posts();
        FetchedPost room = posts.get(0);
        assertThat(room.permalink()).isEqualTo("https://perinatal.example.org/2026/11/21/welcome-to-our-new-family-room/");
        assertThat(room.publishedAt()).isEqualTo(Instant.parse("2026-11-21T11:02:33Z"));
        assertThat(room.editedAt()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(room.text()).startsWith("Welcome to our new family room\n\nOur new family room opened");
        // the featured image has no alt text, so its caption stands in for it
        assertThat(room.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple(wm.baseUrl() + "/wp-content/uploads/2026/11/photo-scaled.jpg", "The opening, with the League of Friends"),
                tuple(wm.baseUrl() + "/wp-content/uploads/2026/11/family-room-1024x683.jpg", "A sofa, cot and play mat in a bright room"));
        assertThat(posts.get(1).text()).startsWith("Coffee morning – thank you");
        assertThat(posts.get(1).media()).isEmpty();
        // a relative image in the content resolves against the post's link
        assertThat(posts.get(2).media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple("https://perinatal.example.org/wp-content/uploads/2026/11/sparklers.jpg", "Sparklers"));
    }

    @Test
    void lazyLoadedAndResponsiveImagesGiveTheLargestRealImageNeverThePlaceholder() throws Exception {
        wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(json("wordpress/posts-lazy.json").withHeader("X-WP-TotalPages", "1")));
        FetchedPost post = wordpress.fetch(site, CrawlState.FIRST).posts().get(0);
        String up = wm.baseUrl() + "/wp-content/uploads/2026/11/";
        assertThat(post.media()).extracting(FetchedMedia::url, FetchedMedia::altText, FetchedMedia::width).containsExactly(
                tuple(up + "bay-3.jpg", "Bay 3 after the refit", 800),
                tuple(up + "garden-2048x1365.jpg", "Raised beds in the garden", 2048),
                tuple(up + "cake-1536x1024.jpg", "A cake with candles", 1536),
                tuple(up + "staff.jpg", "The night staff", 1600),
                tuple(up + "visitors.jpg", "Visitors in the day room", null),
                tuple(up + "corridor-1600.webp", "The ward corridor", 1600),
                tuple(up + "badge@2x.png", "Award badge", null));
        // the cake is shown in a box of 1024 by 683, which says nothing of the 1536-wide file's height
        assertThat(post.media().get(2).height()).isNull();
    }

    @Test
    void aRoutineCrawlReadsOnlyTheFirstPageWhenItReachesKnownPosts() throws Exception {
        stubPages();
        CrawlBatch first = wordpress.fetch(site, CrawlState.FIRST);
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("page", equalTo("1"))
                .willReturn(json("wordpress/posts-new.json").withHeader("X-WP-TotalPages", "2")));
        CrawlBatch second = wordpress.fetch(site, first.nextState());
        assertThat(second.posts()).extracting(FetchedPost::externalId).containsExactly("https://perinatal.example.org/?p=130");
        wm.verify(1, getRequestedFor(urlPathEqualTo(POSTS)));
    }

    @Test
    void aPostOlderThanTheFirstCrawlWindowIsCountedAndNoFurtherPageIsAsked() throws Exception {
        stubPages();
        clock.advance(java.time.Duration.ofDays(27));
        // now 2026-12-20: the window starts 2026-11-20, after the coffee morning of the 19th
        CrawlBatch batch = wordpress.fetch(site, CrawlState.FIRST);
        assertThat(batch.posts()).extracting(FetchedPost::externalId).containsExactly("https://perinatal.example.org/?p=123");
        assertThat(batch.skipped()).containsExactly(new SkippedItem("post 120", "older than the first-crawl window (30 days)"));
        wm.verify(1, getRequestedFor(urlPathEqualTo(POSTS)));
    }

    @Test
    void aPagePastTheEndIsTheEndNotAnError() throws Exception {
        wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("page", equalTo("1"))
                .willReturn(json("wordpress/posts-page1.json").withHeader("X-WP-TotalPages", "5")));
        wm.stubFor(get(urlPathEqualTo(POSTS)).withQueryParam("page", equalTo("2")).willReturn(jsonText(400,
                "{\"code\":\"rest_post_invalid_page_number\",\"message\":\"The page number requested is larger than the number of pages available.\",\"data\":{\"status\":400}}")));
        assertThat(wordpress.fetch(site, CrawlState.FIRST).posts()).hasSize(2);
    }

    @Test
    void aSiteThatRefusesAnonymousRestIsAClearError() {
        wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(jsonText(401,
                "{\"code\":\"rest_not_logged_in\",\"message\":\"You are not currently logged in.\",\"data\":{\"status\":401}}")));
        assertThatThrownBy(() -> wordpress.fetch(site, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessage("wordpress " + wm.baseUrl() + ": site refuses anonymous REST access (HTTP 401: You are not currently logged in.)");
    }

    @Test
    void aSiteWithoutTheRestApiIsAClearError() {
        assertThatThrownBy(() -> wordpress.fetch(site, CrawlState.FIRST)).hasMessageContaining("no WordPress REST API at");
    }

    @Test
    void malformedJsonIsAClearError() {
        wm.stubFor(get(urlPathEqualTo(POSTS)).willReturn(jsonText(200, "<html><body>Under maintenance</body></html>")));
        assertThatThrownBy(() -> wordpress.fetch(site, CrawlState.FIRST)).hasMessageContaining("malformed JSON from");
    }

    @Test
    void theRestRootCanBeGivenForSitesWithoutPrettyPermalinks() throws Exception {
        Account plain = account(Platform.WORDPRESS, "https://perinatal.example.org", wm.baseUrl() + "/index.php?rest_route=");
        wm.stubFor(get(urlPathEqualTo("/index.php")).willReturn(json("wordpress/posts-page2.json").withHeader("X-WP-TotalPages", "1")));
        assertThat(wordpress.fetch(plain, CrawlState.FIRST).posts()).extracting(FetchedPost::externalId)
                .containsExactly("https://perinatal.example.org/?p=101");
        wm.verify(getRequestedFor(urlPathEqualTo("/index.php")).withQueryParam("rest_route", equalTo("/wp/v2/posts"))
                .withQueryParam("page", equalTo("1")));
    }

    @Test
    void theApiRootIsFoundFromTheSitesLinkHeaderAndRememberedForTheNextCrawl() throws Exception {
        Account blog = account(Platform.WORDPRESS, wm.baseUrl() + "/blog", null);
        // the site moved its REST prefix from wp-json to api, and says so on every page
        wm.stubFor(get(urlPathEqualTo("/blog")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8")
                .withHeader("Link", "<" + wm.baseUrl() + "/blog/api/>; rel=\"https://api.w.org/\"",
                        "<" + wm.baseUrl() + "/blog/?p=2>; rel=shortlink")
                .withBody("<!DOCTYPE html><html><head><title>Blog</title></head><body></body></html>")));
        wm.stubFor(get(urlPathEqualTo("/blog/api/wp/v2/posts"))
                .willReturn(json("wordpress/posts-page2.json").withHeader("X-WP-TotalPages", "1")));

        CrawlBatch first = wordpress.fetch(blog, CrawlState.FIRST);
        assertThat(first.posts()).extracting(FetchedPost::externalId).containsExactly("https://perinatal.example.org/?p=101");
        assertThat(Cursor.parse(first.nextState().cursor()).get("api")).isEqualTo(wm.baseUrl() + "/blog/api");

        wm.resetRequests();
        wordpress.fetch(blog, first.nextState());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/blog/api/wp/v2/posts")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/blog")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/blog/wp-json/wp/v2/posts")));

        // a re-check asks the root found, too
        wm.stubFor(get(urlPathEqualTo("/blog/api/wp/v2/posts/101")).willReturn(jsonText(200, "{\"id\":101}")));
        assertThat(wordpress.recheck(blog, first.nextState(), List.of(new PostRef(7, "https://perinatal.example.org/?p=101", null))))
                .containsExactly(Map.entry(7L, PostStatus.LIVE));
    }

    @Test
    void aSiteUrlAsBaseUrlFindsTheApiInThePagesLinkElementWhenTheRootAnswersWithAPage() throws Exception {
        Account unit = account(Platform.WORDPRESS, "Perinatal unit news", wm.baseUrl() + "/unit");
        // the theme answers every path with a page, so the registered "root" answers 200 with HTML
        wm.stubFor(get(urlPathMatching("/unit(/.*)?")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(body("wordpress/site-page.html"))));
        wm.stubFor(get(urlPathEqualTo("/unit/wp-json/wp/v2/posts")).atPriority(1)
                .willReturn(json("wordpress/posts-page2.json").withHeader("X-WP-TotalPages", "1")));

        CrawlBatch batch = wordpress.fetch(unit, CrawlState.FIRST);

        assertThat(batch.posts()).extracting(FetchedPost::externalId).containsExactly("https://perinatal.example.org/?p=101");
        assertThat(Cursor.parse(batch.nextState().cursor()).get("api")).isEqualTo(wm.baseUrl() + "/unit/wp-json");
        wm.verify(getRequestedFor(urlPathEqualTo("/unit/wp/v2/posts")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/unit")));
    }

    @Test
    void aSiteWithoutPrettyPermalinksIsReadThroughRestRoute() throws Exception {
        Account plain = account(Platform.WORDPRESS, wm.baseUrl() + "/plain", null);
        wm.stubFor(get(urlPathEqualTo("/plain")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><head><title>Plain</title></head><body><p>Hello</p></body></html>")));
        wm.stubFor(get(urlPathEqualTo("/plain/")).withQueryParam("rest_route", equalTo("/wp/v2/posts"))
                .willReturn(json("wordpress/posts-page2.json").withHeader("X-WP-TotalPages", "1")));

        CrawlBatch batch = wordpress.fetch(plain, CrawlState.FIRST);

        assertThat(batch.posts()).extracting(FetchedPost::externalId).containsExactly("https://perinatal.example.org/?p=101");
        assertThat(Cursor.parse(batch.nextState().cursor()).get("api")).isEqualTo(wm.baseUrl() + "/plain/?rest_route=");
    }

    @Test
    void aSiteWhereNoRootAnswersNamesEveryRootTried() {
        assertThatThrownBy(() -> wordpress.fetch(site, CrawlState.FIRST)).hasMessage("wordpress " + wm.baseUrl()
                + ": no WordPress REST API at " + wm.baseUrl() + "/wp-json (HTTP 404); nor at " + wm.baseUrl() + "/?rest_route= (HTTP 404)");
    }

    @Test
    void recheckTellsDeletedAndTrashedFromLive() {
        wm.stubFor(get(POSTS + "/123").willReturn(jsonText(200, "{\"id\":123}")));
        wm.stubFor(get(POSTS + "/120").willReturn(jsonText(404,
                "{\"code\":\"rest_post_invalid_id\",\"message\":\"Invalid post ID.\",\"data\":{\"status\":404}}")));
        wm.stubFor(get(POSTS + "/101").willReturn(jsonText(401,
                "{\"code\":\"rest_forbidden\",\"message\":\"Sorry, you are not allowed to do that.\",\"data\":{\"status\":401}}")));
        wm.stubFor(get(POSTS + "/99").willReturn(aResponse().withStatus(404).withBody("<html>Not found</html>")));
        Map<Long, PostStatus> out = wordpress.recheck(site, CrawlState.FIRST, List.of(
                new PostRef(1, "https://perinatal.example.org/?p=123", null), new PostRef(2, "https://perinatal.example.org/?p=120", null),
                new PostRef(3, "https://perinatal.example.org/?p=101", null), new PostRef(4, "https://perinatal.example.org/?p=99", null)));
        assertThat(out).containsExactlyInAnyOrderEntriesOf(Map.of(1L, PostStatus.LIVE, 2L, PostStatus.DELETED,
                3L, PostStatus.DELETED, 4L, PostStatus.UNREACHABLE));
    }
}
