package org.wardwatch.crawler.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import org.wardwatch.core.source.AttachedText;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostSource;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.SkippedItem;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.WireMockSourceTest;

class BlueskySourceTest extends WireMockSourceTest {
    static final String DID = "did:plc:hfgp6pj3akhqxntgqwramlbg";
    static final String FEED = "/xrpc/app.bsky.feed.getAuthorFeed";
    static final String PROFILE = "/xrpc/app.bsky.actor.getProfile";
    PostSource bluesky;
    Account account;

    @BeforeEach
    void setUp() {
        bluesky = crawlers.source(Platform.BLUESKY);
        account = account(Platform.BLUESKY, "blowdart.me", wm.baseUrl());
    }

    private void stubFeed() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).withQueryParam("actor", equalTo("blowdart.me")).willReturn(json("bluesky/profile.json")));
        wm.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("actor", equalTo(DID)).withQueryParam("cursor", absent())
                .willReturn(json("bluesky/feed-page1.json").withHeader("RateLimit-Limit", "3000")
                        .withHeader("RateLimit-Remaining", "2999").withHeader("RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 300))
                        .withHeader("RateLimit-Policy", "3000;w=300")));
        wm.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("cursor", equalTo("2026-11-20T03:25:44.578Z"))
                .willReturn(json("bluesky/feed-page2-empty.json")));
        wm.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("cursor", equalTo("2026-11-18T00:00:00.000Z"))
                .willReturn(json("bluesky/feed-page3-last.json")));
    }

    @Test
    void pagesByCursorThroughEmptyPagesUntilTheCursorIsAbsent() throws Exception {
        stubFeed();
        CrawlBatch batch = bluesky.fetch(account, CrawlState.FIRST);
        assertThat(batch.posts()).extracting(FetchedPost::externalId).containsExactly(
                "at://" + DID + "/app.bsky.feed.post/3lnmbltm4j223",
                "at://" + DID + "/app.bsky.feed.post/3lquotewithimg",
                "at://" + DID + "/app.bsky.feed.post/3lvideopost01");
        wm.verify(3, getRequestedFor(urlPathEqualTo(FEED)));
        assertThat(batch.nextState().externalAccountId()).isEqualTo(DID);
    }

    @Test
    void repostsAndPinsAreSkipped() throws Exception {
        stubFeed();
        assertThat(bluesky.fetch(account, CrawlState.FIRST).posts()).extracting(FetchedPost::text)
                .doesNotContain("Pinned: who I am", "Someone else's post");
    }

    @Test
    void repostsAndPinsAreCountedAsSkipped() throws Exception {
        stubFeed();
        assertThat(bluesky.fetch(account, CrawlState.FIRST).skipped()).containsExactly(
                new SkippedItem("post at://" + DID + "/app.bsky.feed.post/3kpinnedpost22", "pinned post (read in its own place)"),
                new SkippedItem("post at://did:plc:someoneelse000000000000/app.bsky.feed.post/3lrepostedxx",
                        "boost of another account's post"));
    }

    @Test
    void imagesComeWithAltTextFromImageViewsRecordWithMediaAndVideoThumbnails() throws Exception {
        stubFeed();
        List<FetchedPost> posts = bluesky.fetch(account, CrawlState.FIRST).posts();
        FetchedPost cat = posts.get(0);
        assertThat(cat.permalink()).isEqualTo("https://bsky.app/profile/" + DID + "/post/3lnmbltm4j223");
        assertThat(cat.text()).isEqualTo("After his canines got removed he has resting melm face");
        assertThat(cat.publishedAt()).isEqualTo(Instant.parse("2026-11-22T03:25:41.979Z"));
        assertThat(cat.media()).extracting(FetchedMedia::url, FetchedMedia::altText, FetchedMedia::width).containsExactly(tuple(
                wm.baseUrl() + "/img/feed_fullsize/plain/" + DID + "/bafkreifulgueyb5ndxgj5zgqeme2tmqttgkooceev74el6g5am5tsz6dqu@jpeg",
                "A cat loafing on the back for a sofa sticking his tongue out", 1500));
        assertThat(posts.get(1).media()).extracting(FetchedMedia::altText).containsExactly("Flowers on the nurses' station");
        assertThat(posts.get(2).media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple(wm.baseUrl() + "/watch/bafkreivideo/thumbnail.jpg", "The garden in autumn"));
    }

    private List<FetchedPost> fidelity() throws SourceException {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(json("bluesky/profile.json")));
        wm.stubFor(get(urlPathEqualTo(FEED)).willReturn(json("bluesky/feed-fidelity.json")));
        CrawlBatch batch = bluesky.fetch(account, CrawlState.FIRST);
        assertThat(batch.itemErrors()).isEmpty();
        assertThat(batch.skipped()).isEmpty();
        return batch.posts();
    }

    @Test
    void labelsThatStandOnAPostAreContentWarnings() throws Exception {
        List<FetchedPost> posts = fidelity();
        // "sexual" was negated by the labeller that set it
        assertThat(posts.get(0).contentWarnings()).containsExactly("label: graphic-media");
        assertThat(posts.get(2).contentWarnings()).isEmpty();
    }

    @Test
    void aQuotedPostIsAttachedTextAndItsImagesAreMedia() throws Exception {
        FetchedPost post = fidelity().get(0);
        assertThat(post.text()).isEqualTo("This is why we do it");
        assertThat(post.attached()).containsExactly(new AttachedText(AttachedText.QUOTE,
                "Baby Amara went home from the NICU today after 97 days",
                "https://bsky.app/profile/did:plc:nursekim00000000000000000/post/3lkimpost0001"));
        assertThat(post.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(tuple(
                wm.baseUrl() + "/img/feed_fullsize/plain/did:plc:nursekim00000000000000000/bafkreiamara@jpeg", "A baby in a car seat"));
    }

    @Test
    void aQuoteWithMediaGivesItsOwnImagesAndTheQuotedPost() throws Exception {
        FetchedPost post = fidelity().get(1);
        assertThat(post.media()).extracting(FetchedMedia::altText).containsExactly("The ward whiteboard");
        assertThat(post.attached()).containsExactly(new AttachedText(AttachedText.QUOTE, "Ward 9's patient board, names blurred",
                "https://bsky.app/profile/did:plc:otherward000000000000000/post/3lotherboard1"));
    }

    @Test
    void aLinkCardIsAttachedTextAndItsThumbnailIsMedia() throws Exception {
        FetchedPost post = fidelity().get(2);
        assertThat(post.attached()).containsExactly(new AttachedText(AttachedText.CARD,
                "Ward 7 nurse saves the day\nGrandmother, 84, thanks the nurse who spotted her sepsis.",
                "https://news.example.co.uk/ward-7-hero"));
        assertThat(post.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple(wm.baseUrl() + "/img/ext_thumb/plain/did:plc:hfgp6pj3akhqxntgqwramlbg/bafkreisepsis@jpeg", null));
    }

    @Test
    void quotedPostsThatAreGoneBlockedOrDetachedAreNeitherTextNorAnError() throws Exception {
        List<FetchedPost> posts = fidelity();
        assertThat(posts).hasSize(6);
        assertThat(posts.subList(3, 6)).extracting(FetchedPost::text)
                .containsExactly("Quoting a deleted post", "Quoting a blocked post", "Quoting a detached post");
        assertThat(posts.subList(3, 6)).allSatisfy(p -> {
            assertThat(p.attached()).isEmpty();
            assertThat(p.media()).isEmpty();
        });
    }

    @Test
    void aPostDatedInTheFutureByItsClientIsPlacedAtItsIndexTime() throws Exception {
        stubFeed();
        FetchedPost video = bluesky.fetch(account, CrawlState.FIRST).posts().get(2);
        assertThat(video.publishedAt()).isEqualTo(Instant.parse("2026-11-17T09:00:02Z"));
    }

    @Test
    void aRoutineCrawlUsesTheStoredDidAndStopsAtTheNewestPostSeen() throws Exception {
        stubFeed();
        CrawlBatch first = bluesky.fetch(account, CrawlState.FIRST);
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("actor", equalTo(DID)).willReturn(json("bluesky/feed-new.json")));

        CrawlBatch second = bluesky.fetch(account, first.nextState());

        assertThat(second.posts()).extracting(FetchedPost::text).containsExactly("Good morning");
        // the walk stopped at the newest post of the last crawl: that post and what follows were not seen
        assertThat(second.skipped()).isEmpty();
        wm.verify(0, getRequestedFor(urlPathEqualTo(PROFILE)));
        // the stop came on the first page: its cursor was not followed
        wm.verify(1, getRequestedFor(urlPathEqualTo(FEED)));

        CrawlBatch third = bluesky.fetch(account, second.nextState());
        assertThat(third.posts()).isEmpty();
    }

    @Test
    void theNoUnauthenticatedLabelIsReportedAsAnOptOut() throws Exception {
        Account sam = account(Platform.BLUESKY, "nurse-sam.bsky.social", wm.baseUrl());
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(json("bluesky/profile-opted-out.json")));
        wm.stubFor(get(urlPathEqualTo(FEED)).willReturn(jsonText(200, "{\"feed\":[]}")));
        CrawlBatch batch = bluesky.fetch(sam, CrawlState.FIRST);
        assertThat(batch.signals().optOuts()).containsExactly("!no-unauthenticated");
        assertThat(batch.nextState().externalAccountId()).isEqualTo("did:plc:stafftest0000000000000001");
    }

    @Test
    void aStaffAccountThatOptedOutWithoutARecordedBasisIsNotReadAtAll() throws Exception {
        Account sam = org.wardwatch.crawler.CrawlerTesting.staff(Platform.BLUESKY, "nurse-sam.bsky.social", wm.baseUrl(), null);
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(json("bluesky/profile-opted-out.json")));
        wm.stubFor(get(urlPathEqualTo(FEED)).willReturn(json("bluesky/feed-page3-last.json")));
        CrawlBatch batch = bluesky.fetch(sam, CrawlState.FIRST);
        assertThat(batch.posts()).isEmpty();
        assertThat(batch.signals().optOuts()).containsExactly("!no-unauthenticated");
        wm.verify(0, getRequestedFor(urlPathEqualTo(FEED)));
    }

    @Test
    void aMissingProfileIsAClearError() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(jsonText(400, "{\"error\":\"InvalidRequest\",\"message\":\"Profile not found\"}")));
        assertThatThrownBy(() -> bluesky.fetch(account, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessage("bluesky blowdart.me: no such account (HTTP 400 InvalidRequest: Profile not found)");
    }

    @Test
    void aTakenDownAccountIsAClearError() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(jsonText(400, "{\"error\":\"AccountTakedown\",\"message\":\"Account has been suspended\"}")));
        assertThatThrownBy(() -> bluesky.fetch(account, CrawlState.FIRST)).hasMessageContaining("account taken down");
    }

    @Test
    void tooManyRequestsWaitsForTheEpochResetThenGoesOn() throws Exception {
        stubFeed();
        long reset = NOW.getEpochSecond() + 120;
        inTurn(() -> get(urlPathEqualTo(FEED)).withQueryParam("cursor", absent()).atPriority(1), "limited",
                jsonText(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")
                        .withHeader("ratelimit-limit", "3000").withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-reset", String.valueOf(reset)).withHeader("ratelimit-policy", "3000;w=300"),
                json("bluesky/feed-page3-last.json"));
        assertThat(bluesky.fetch(account, CrawlState.FIRST).posts()).hasSize(1);
        assertThat(clock.now()).isAfterOrEqualTo(Instant.ofEpochSecond(reset));
    }

    @Test
    void malformedJsonIsAClearError() {
        wm.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(json("bluesky/profile.json")));
        wm.stubFor(get(urlPathEqualTo(FEED)).willReturn(jsonText(200, "{\"feed\": [ {\"post\": ")));
        assertThatThrownBy(() -> bluesky.fetch(account, CrawlState.FIRST))
                .hasMessageStartingWith("bluesky blowdart.me: malformed JSON from " + wm.baseUrl() + FEED);
    }

    @Test
    void aServerErrorIsRetriedThenTheCrawlGoesOn() throws Exception {
        stubFeed();
        inTurn(() -> get(urlPathEqualTo(FEED)).withQueryParam("cursor", absent()).atPriority(1), "flaky",
                aResponse().withStatus(503), json("bluesky/feed-page3-last.json"));
        assertThat(bluesky.fetch(account, CrawlState.FIRST).posts()).hasSize(1);
    }

    @Test
    void recheckTakesAPostLeftOutOfGetPostsAsDeleted() {
        String live = "at://" + DID + "/app.bsky.feed.post/3lnmbltm4j223";
        String gone = "at://" + DID + "/app.bsky.feed.post/3lgone0000001";
        wm.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts"))
                .willReturn(jsonText(200, "{\"posts\":[{\"uri\":\"" + live + "\",\"cid\":\"x\",\"author\":{\"did\":\"" + DID + "\"}}]}")));
        Map<Long, PostStatus> out = bluesky.recheck(account, CrawlState.FIRST,
                List.of(new PostRef(1, live, null), new PostRef(2, gone, null)));
        assertThat(out).containsExactlyInAnyOrderEntriesOf(Map.of(1L, PostStatus.LIVE, 2L, PostStatus.DELETED));
        wm.verify(getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).withQueryParam("uris", equalTo(gone)));
    }

    @Test
    void anAppViewOutageIsNeverADeletion() {
        wm.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getPosts")).willReturn(aResponse().withStatus(502)));
        assertThat(bluesky.recheck(account, CrawlState.FIRST, List.of(new PostRef(1, "at://x/app.bsky.feed.post/1", null))))
                .containsExactly(Map.entry(1L, PostStatus.UNREACHABLE));
    }
}
