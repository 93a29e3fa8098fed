package org.wardwatch.crawler.html;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.wardwatch.crawler.CrawlerTesting.account;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.crawler.WireMockSourceTest;

class HtmlPageSourceTest extends WireMockSourceTest {
    PostSource html;
    Account page;

    @BeforeEach
    void setUp() {
        html = crawlers.source(Platform.HTML);
        page = account(Platform.HTML, wm.baseUrl() + "/news/ward-7-garden", null);
        wm.stubFor(get("/news/ward-7-garden").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("ETag", "\"p1\"").withBody(body("html/ward-news.html"))));
    }

    @Test
    void aPageIsOnePostWithItsArticleTextOgImageAndImagesWithAlt() throws Exception {
        FetchedPost post = html.fetch(page, CrawlState.FIRST).posts().get(0);
        assertThat(post.externalId()).isEqualTo(wm.baseUrl() + "/news/ward-7-garden");
        assertThat(post.publishedAt()).isEqualTo(Instant.parse("2026-11-20T10:15:00Z"));
        assertThat(post.editedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(post.text()).startsWith("Ward 7 garden opens").contains("opened on Friday", "Thanks to our volunteers")
                .doesNotContain("dataLayer", "Home", "logo");
        assertThat(post.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple(wm.baseUrl() + "/media/ward7-garden-share.jpg", "The new garden with raised beds"),
                tuple(wm.baseUrl() + "/media/ward7-garden.jpg", "Raised beds and a bench in the ward garden"),
                tuple(wm.baseUrl() + "/media/volunteers.jpg", null));
    }

    @Test
    void lazyLoadedPictureAndNoscriptImagesGiveTheRealImageNeverThePlaceholder() throws Exception {
        wm.stubFor(get("/news/maternity-reopens").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(body("html/lazy-page.html"))));
        Account lazy = account(Platform.HTML, wm.baseUrl() + "/news/maternity-reopens", null);
        FetchedPost post = html.fetch(lazy, CrawlState.FIRST).posts().get(0);
        assertThat(post.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple(wm.baseUrl() + "/media/unit-entrance-2400.jpg", "The new entrance to the unit"),
                tuple(wm.baseUrl() + "/media/birthing-room.jpg", "A birthing room with a pool"),
                tuple(wm.baseUrl() + "/media/midwives.jpg", "The midwives at the opening"),
                tuple(wm.baseUrl() + "/media/ribbon-1280.jpg", "Cutting the ribbon"));
        assertThat(post.text()).contains("opened its doors on Friday", "Thanks to the League of Friends");
    }

    @Test
    void anUnchangedPageCostsOneConditionalRequestAndGivesNothing() throws Exception {
        CrawlBatch first = html.fetch(page, CrawlState.FIRST);
        wm.stubFor(get("/news/ward-7-garden").withHeader("If-None-Match", equalTo("\"p1\"")).willReturn(aResponse().withStatus(304)));
        CrawlBatch second = html.fetch(page, first.nextState());
        assertThat(second.posts()).isEmpty();
        wm.verify(1, getRequestedFor(urlEqualTo("/news/ward-7-garden")).withHeader("If-None-Match", equalTo("\"p1\"")));
    }

    @Test
    void aPageRobotsTxtDisallowsIsNeverFetched() {
        wm.stubFor(get("/robots.txt").willReturn(aResponse().withBody("User-agent: WardWatch\nDisallow: /news/\n")));
        assertThatThrownBy(() -> html.fetch(page, CrawlState.FIRST)).hasMessageContaining("robots.txt")
                .hasMessageContaining("disallows " + page.handle());
        wm.verify(0, getRequestedFor(urlEqualTo("/news/ward-7-garden")));
    }

    @Test
    void aRobotsTxtTheHostCannotServeMeansWeDoNotReadThePage() {
        wm.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> html.fetch(page, CrawlState.FIRST)).hasMessageContaining("robots.txt")
                .hasMessageContaining("unavailable (HTTP 503)");
        wm.verify(0, getRequestedFor(urlEqualTo("/news/ward-7-garden")));
    }

    @Test
    void somethingOtherThanHtmlIsAClearError() {
        wm.stubFor(get("/report.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody("%PDF-1.7")));
        Account pdf = account(Platform.HTML, wm.baseUrl() + "/report.pdf", null);
        assertThatThrownBy(() -> html.fetch(pdf, CrawlState.FIRST)).hasMessageContaining("not an HTML page (application/pdf)");
    }

    @Test
    void aRedirectLoopIsAClearErrorForTheAccount() {
        wm.stubFor(get("/loop-a").willReturn(aResponse().withStatus(301).withHeader("Location", "/loop-b")));
        wm.stubFor(get("/loop-b").willReturn(aResponse().withStatus(301).withHeader("Location", "/loop-a")));
        Account loop = account(Platform.HTML, wm.baseUrl() + "/loop-a", null);
        assertThatThrownBy(() -> html.fetch(loop, CrawlState.FIRST)).hasMessage("redirect loop at " + wm.baseUrl() + "/loop-a");
    }
}
