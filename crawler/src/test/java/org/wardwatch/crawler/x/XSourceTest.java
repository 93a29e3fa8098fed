package org.wardwatch.crawler.x;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.wardwatch.crawler.CrawlerTesting.NOW;
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
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.CrawlerTesting;
import org.wardwatch.crawler.Crawlers;
import org.wardwatch.crawler.WireMockSourceTest;

class XSourceTest extends WireMockSourceTest {
    static final String TWEETS = "/2/users/783214/tweets";
    PostSource x;
    Account account;

    @BeforeEach
    void setUp() {
        x = crawlers.source(Platform.X);
        account = account(Platform.X, "@Twitter", wm.baseUrl());
    }

    private void stubTweets() {
        wm.stubFor(get("/2/users/by/username/Twitter").withHeader("Authorization", equalTo("Bearer test-bearer-token"))
                .willReturn(json("x/user.json")));
        wm.stubFor(get(urlPathEqualTo(TWEETS)).withQueryParam("pagination_token", absent())
                .willReturn(json("x/tweets-page1.json").withHeader("x-rate-limit-limit", "1500")
                        .withHeader("x-rate-limit-remaining", "1498").withHeader("x-rate-limit-reset", "1665183228")));
        wm.stubFor(get(urlPathEqualTo(TWEETS)).withQueryParam("pagination_token", equalTo("7140dibdnow9c7btw4232poeq0wapgnwgwqwvuwn3peex"))
                .willReturn(json("x/tweets-page2.json")));
    }

    @Test
    void withoutATokenTheAccountIsReportedAsNotCrawlable() {
        try (Crawlers noToken = new Crawlers(CrawlerTesting.settings(), CrawlerTesting.limits(), null, clock)) {
            assertThatThrownBy(() -> noToken.source(Platform.X).fetch(account, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                    .hasMessage("x @Twitter: not crawlable: no X API bearer token is configured (crawl.xBearerToken or WARDWATCH_X_BEARER_TOKEN)");
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void tweetsArePagedWithPaginationTokenUntilThereIsNone() throws Exception {
        stubTweets();
        CrawlBatch batch = x.fetch(account, CrawlState.FIRST);
        assertThat(batch.posts()).extracting(FetchedPost::externalId)
                .containsExactly("1860000000000000002", "1577730467436138524", "1577000000000000001");
        assertThat(batch.nextState().externalAccountId()).isEqualTo("783214");
        wm.verify(2, getRequestedFor(urlPathEqualTo(TWEETS)));
        wm.verify(getRequestedFor(urlPathEqualTo(TWEETS)).withQueryParam("expansions", equalTo("attachments.media_keys"))
                .withQueryParam("start_time", equalTo(NOW.minus(java.time.Duration.ofDays(30)).toString())));
    }

    @Test
    void mediaAreJoinedFromIncludesWithTheirAltText() throws Exception {
        stubTweets();
        List<FetchedPost> posts = x.fetch(account, CrawlState.FIRST).posts();
        FetchedPost garden = posts.get(0);
        assertThat(garden.permalink()).isEqualTo("https://x.com/Twitter/status/1860000000000000002");
        assertThat(garden.publishedAt()).isEqualTo(Instant.parse("2026-11-22T14:00:00Z"));
        assertThat(garden.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple(wm.baseUrl() + "/media/garden.jpg", "Raised beds in the ward garden"),
                tuple(wm.baseUrl() + "/ext_tw_video_thumb/1860000000000000101/pu/img/thumb.jpg", null));
        assertThat(posts.get(1).media()).extracting(FetchedMedia::altText).containsExactly("Three phones showing a mixed-media post");
    }

    @Test
    void aRoutineCrawlAsksSinceTheNewestTweet() throws Exception {
        stubTweets();
        CrawlBatch first = x.fetch(account, CrawlState.FIRST);
        wm.resetRequests();
        wm.stubFor(get(urlPathEqualTo(TWEETS)).withQueryParam("since_id", equalTo("1860000000000000002"))
                .willReturn(jsonText(200, "{\"meta\":{\"result_count\":0}}")));
        CrawlBatch second = x.fetch(account, first.nextState());
        assertThat(second.posts()).isEmpty();
        wm.verify(0, getRequestedFor(urlPathEqualTo("/2/users/by/username/Twitter")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(TWEETS)));
    }

    @Test
    void tooManyRequestsWaitsForTheEpochReset() throws Exception {
        stubTweets();
        long reset = NOW.getEpochSecond() + 200;
        inTurn(() -> get(urlPathEqualTo(TWEETS)).withQueryParam("pagination_token", absent()).atPriority(1), "limited",
                jsonText(429, "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")
                        .withHeader("x-rate-limit-limit", "1500").withHeader("x-rate-limit-remaining", "0")
                        .withHeader("x-rate-limit-reset", String.valueOf(reset)),
                json("x/tweets-page2.json"));
        assertThat(x.fetch(account, CrawlState.FIRST).posts()).hasSize(1);
        assertThat(clock.now()).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
    }

    @Test
    void anAccountThatDoesNotExistIsAClearError() {
        wm.stubFor(get("/2/users/by/username/Twitter").willReturn(json("x/user-not-found.json")));
        assertThatThrownBy(() -> x.fetch(account, CrawlState.FIRST))
                .hasMessage("x @Twitter: no such account (Could not find user with username: [nosuchward].)");
    }

    @Test
    void aRefusedTokenIsAClearError() {
        wm.stubFor(get("/2/users/by/username/Twitter").willReturn(jsonText(401,
                "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));
        assertThatThrownBy(() -> x.fetch(account, CrawlState.FIRST)).hasMessageContaining("refused the bearer token (HTTP 401: Unauthorized)");
    }

    @Test
    void recheckTakesResourceNotFoundAsDeleted() {
        wm.stubFor(get(urlPathEqualTo("/2/tweets")).willReturn(json("x/tweets-lookup.json")));
        Map<Long, PostStatus> out = x.recheck(account, CrawlState.FIRST, List.of(
                new PostRef(1, "1860000000000000002", null), new PostRef(2, "1577730467436138524", null),
                new PostRef(3, "1111111111111111111", null)));
        assertThat(out).containsExactlyInAnyOrderEntriesOf(Map.of(1L, PostStatus.LIVE, 2L, PostStatus.DELETED,
                3L, PostStatus.UNREACHABLE));
    }
}
