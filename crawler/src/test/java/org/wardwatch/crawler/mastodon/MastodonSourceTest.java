package org.wardwatch.crawler.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.CrawlerTesting;
import org.wardwatch.crawler.Crawlers;
import org.wardwatch.crawler.Cursor;
import org.wardwatch.crawler.WireMockSourceTest;

import com.github.tomakehurst.wiremock.http.Fault;

class MastodonSourceTest extends WireMockSourceTest {
    static final String ID = "109348234567890123";
    static final String STATUSES = "/api/v1/accounts/" + ID + "/statuses";
    PostSource mastodon;
    Account ward;
    String instance;

    @BeforeEach
    void setUp() {
        mastodon = crawlers.source(Platform.MASTODON);
        ward = account(Platform.MASTODON, "@oakfieldward", wm.baseUrl());
        instance = "localhost:" + wm.port();
    }

    private void stubAccount() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("oakfieldward"))
                .willReturn(json("mastodon/lookup.json")));
        wm.stubFor(get(urlPathEqualTo(STATUSES)).withQueryParam("max_id", absent()).withQueryParam("since_id", absent())
                .willReturn(json("mastodon/statuses-page1.json")
                        .withHeader("Link", "<" + wm.baseUrl() + STATUSES + "?limit=40&max_id=113498765432109876>; rel=\"next\", <"
                                + wm.baseUrl() + STATUSES + "?limit=40&min_id=113512345678901234>; rel=\"prev\"")
                        .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "299")
                        .withHeader("X-RateLimit-Reset", "2026-11-23T10:05:00.000000Z")));
        wm.stubFor(get(urlPathEqualTo(STATUSES)).withQueryParam("max_id", equalTo("113498765432109876"))
                .willReturn(json("mastodon/statuses-page2.json")
                        .withHeader("Link", "<" + wm.baseUrl() + STATUSES + "?limit=40&min_id=113400000000000000>; rel=\"prev\"")));
    }

    @Test
    void firstCrawlLooksUpTheAccountAndFollowsLinkPagingToTheEnd() throws Exception {
        stubAccount();
        CrawlBatch batch = mastodon.fetch(ward, CrawlState.FIRST);

        assertThat(batch.posts()).extracting(FetchedPost::externalId).containsExactly(
                instance + "/113512345678901234", instance + "/113498765432109876", instance + "/113400000000000000");
        assertThat(batch.nextState().externalAccountId()).isEqualTo(ID);
        assertThat(Cursor.parse(batch.nextState().cursor()).get("newest")).isEqualTo("113512345678901234");
        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUSES)));
    }

    @Test
    void mediaAttachmentsCarryTheirDescriptionAsAltTextAndVisibilityIsKept() throws Exception {
        stubAccount();
        List<FetchedPost> posts = mastodon.fetch(ward, CrawlState.FIRST).posts();

        FetchedPost garden = posts.get(0);
        assertThat(garden.permalink()).isEqualTo("https://nhs.social/@oakfieldward/113512345678901234");
        assertThat(garden.publishedAt()).isEqualTo(Instant.parse("2026-11-22T15:04:11.052Z"));
        assertThat(garden.text()).isEqualTo("Garden party on the ward today, thank you to everyone who came! #nhs");
        assertThat(garden.visibility()).isEqualTo("public");
        assertThat(garden.media()).extracting(FetchedMedia::url, FetchedMedia::altText, FetchedMedia::width).containsExactly(
                tuple(wm.baseUrl() + "/system/media_attachments/files/113/512/001/original/57859aede991da25.jpeg",
                        "Staff and visitors around a table of cakes in the ward garden", 640));

        FetchedPost unlisted = posts.get(1);
        assertThat(unlisted.visibility()).isEqualTo("unlisted");
        assertThat(unlisted.text()).startsWith("Ward news\n\nReminder");
        assertThat(unlisted.editedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        // a gifv is a video: its preview still is the image a person sees
        assertThat(unlisted.media()).extracting(FetchedMedia::url).containsExactly(
                wm.baseUrl() + "/system/media_attachments/files/113/498/002/small/clip.png");
    }

    private List<FetchedPost> fidelity() throws SourceException {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(json("mastodon/lookup.json")));
        wm.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(json("mastodon/statuses-fidelity.json")));
        CrawlBatch batch = mastodon.fetch(ward, CrawlState.FIRST);
        assertThat(batch.itemErrors()).isEmpty();
        return batch.posts();
    }

    @Test
    void onlyPublicAndUnlistedStatusesArePostsAndTheOthersAreCounted() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(json("mastodon/lookup.json")));
        wm.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(json("mastodon/statuses-fidelity.json")));
        CrawlBatch batch = mastodon.fetch(ward, CrawlState.FIRST);
        assertThat(batch.posts()).extracting(FetchedPost::visibility).containsExactly("public", "unlisted", "public");
        assertThat(batch.skipped()).containsExactly(
                new SkippedItem("status 113700000000000003", "not public (visibility: private)"),
                new SkippedItem("status 113700000000000002", "not public (visibility: direct)"));
    }

    @Test
    void aSensitiveStatusAndItsContentWarningAreWarnings() throws Exception {
        FetchedPost post = fidelity().get(0);
        assertThat(post.contentWarnings()).containsExactly("sensitive media", "content warning: Wound care");
        // the warning is still read as part of the text, as a reader sees it first
        assertThat(post.text()).isEqualTo("Wound care\n\nProud of the team for this one.");
        stubAccount();
        FetchedPost plain = mastodon.fetch(ward, CrawlState.FIRST).posts().get(0);
        assertThat(plain.contentWarnings()).isEmpty();
    }

    @Test
    void aQuotedStatusIsAttachedTextAndItsImagesAreMedia() throws Exception {
        FetchedPost post = fidelity().get(0);
        assertThat(post.attached()).containsExactly(new AttachedText(AttachedText.QUOTE,
                "Mr Patel in bed 4 is healing well after his skin graft.", "https://other.example/@nurse_kim/113699000000000001"));
        assertThat(post.media()).extracting(FetchedMedia::url, FetchedMedia::altText).containsExactly(
                tuple(wm.baseUrl() + "/system/media_attachments/files/113/700/105/original/team.jpeg", "The ward team in scrubs"),
                tuple(wm.baseUrl() + "/system/cache/media_attachments/files/113/699/101/original/graft.jpeg",
                        "A healing skin graft on a forearm"));
    }

    @Test
    void aLinkCardIsAttachedTextAndItsImageIsMediaWithItsDescription() throws Exception {
        FetchedPost post = fidelity().get(1);
        assertThat(post.attached()).containsExactly(new AttachedText(AttachedText.CARD,
                "Ward 7 nurse saves the day\nGrandmother, 84, thanks the nurse who spotted her sepsis on Oakfield Ward.",
                "https://news.example.co.uk/ward-7-hero"));
        assertThat(post.media()).extracting(FetchedMedia::url, FetchedMedia::altText, FetchedMedia::width).containsExactly(
                tuple(wm.baseUrl() + "/system/cache/preview_cards/images/000/112/233/original/sepsis.jpg",
                        "An elderly woman in a hospital bed holding a nurse's hand", 400));
    }

    @Test
    void aQuoteTheInstanceWillNotShowIsNeitherTextNorAnError() throws Exception {
        FetchedPost post = fidelity().get(2);
        assertThat(post.text()).isEqualTo("Well said.");
        assertThat(post.attached()).isEmpty();
        assertThat(post.media()).isEmpty();
    }

    @Test
    void boostsAreSkipped() throws Exception {
        stubAccount();
        assertThat(mastodon.fetch(ward, CrawlState.FIRST).posts()).extracting(FetchedPost::text)
                .noneMatch(t -> t.contains("Someone else"));
    }

    @Test
    void everyStatusSeenAndNotReturnedIsCountedWithItsReason() throws Exception {
        stubAccount();
        clock.advance(java.time.Duration.ofDays(12));
        CrawlBatch batch = mastodon.fetch(ward, CrawlState.FIRST);
        assertThat(batch.posts()).hasSize(2);
        assertThat(batch.skipped()).containsExactly(
                new SkippedItem("status 113510000000000000", "boost of another account's post"),
                new SkippedItem("status 113400000000000000", "older than the first-crawl window (30 days)"));
    }

    @Test
    void aFirstCrawlStopsAtItsLimitAndCountsTheRestOfThePage() throws Exception {
        stubAccount();
        try (Crawlers one = new Crawlers(CrawlerTesting.settings(), new CrawlLimits(30, 1, 1000, 40), null, clock)) {
            CrawlBatch batch = one.source(Platform.MASTODON).fetch(ward, CrawlState.FIRST);
            assertThat(batch.posts()).extracting(FetchedPost::externalId).containsExactly(instance + "/113512345678901234");
            assertThat(batch.skipped()).containsExactly(
                    new SkippedItem("status 113510000000000000", "boost of another account's post"),
                    new SkippedItem("status 113498765432109876", "beyond the first crawl's limit of 1 post"));
        }
        // the next page is never asked for, so its statuses are not seen
        wm.verify(1, getRequestedFor(urlPathEqualTo(STATUSES)));
    }

    @Test
    void aRoutineCrawlThatStopsAtItsLimitBeforeTheLastCrawlsNewestSaysSo() throws Exception {
        wm.stubFor(get(urlPathEqualTo(STATUSES)).withQueryParam("since_id", equalTo("113400000000000000"))
                .willReturn(json("mastodon/statuses-page1.json")));
        String cursor = Cursor.parse(null).with("newest", "113400000000000000").toString();
        try (Crawlers one = new Crawlers(CrawlerTesting.settings(), new CrawlLimits(30, 200, 1, 40), null, clock)) {
            CrawlBatch batch = one.source(Platform.MASTODON).fetch(ward, new CrawlState(cursor, ID));
            assertThat(batch.posts()).hasSize(1);
            // the statuses between the limit and the last crawl's newest are never seen: they cannot be
            // listed, so the batch says that they exist
            assertThat(batch.itemErrors()).anySatisfy(e -> assertThat(e)
                    .contains("stopped at its limit of 1 posts before reaching where the last crawl ended"));
        }
    }

    @Test
    void aStatusWithoutAnIdIsCountedAsUnreadable() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(json("mastodon/lookup.json")));
        wm.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(jsonText(200,
                "[{\"created_at\": \"2026-11-23T09:30:00.000Z\", \"visibility\": \"public\", \"content\": \"<p>?</p>\"},"
                        + body("mastodon/status-new.json").strip().substring(1))));
        CrawlBatch batch = mastodon.fetch(ward, CrawlState.FIRST);
        assertThat(batch.posts()).extracting(FetchedPost::externalId).containsExactly(instance + "/113600000000000000");
        assertThat(batch.skipped()).containsExactly(new SkippedItem("status #1 of page 1", "unreadable: no id"));
    }

    @Test
    void aRoutineCrawlAsksOnlyForWhatIsNewerThanTheNewestSeen() throws Exception {
        stubAccount();
        CrawlBatch first = mastodon.fetch(ward, CrawlState.FIRST);
        wm.resetRequests();
        wm.stubFor(get(urlPathEqualTo(STATUSES)).withQueryParam("since_id", equalTo("113512345678901234"))
                .willReturn(json("mastodon/status-new.json")));

        CrawlBatch second = mastodon.fetch(ward, first.nextState());

        assertThat(second.posts()).extracting(FetchedPost::externalId).containsExactly(instance + "/113600000000000000");
        assertThat(Cursor.parse(second.nextState().cursor()).get("newest")).isEqualTo("113600000000000000");
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/accounts/lookup")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(STATUSES)));
        // the new status's account now says noindex: the signal is picked up without another lookup
        assertThat(second.signals().optOuts()).containsExactly("noindex");
    }

    @Test
    void aRoutineCrawlStopsAtTheNewestStatusSeenEvenWhenThatWasABoost() throws Exception {
        String cursor = Cursor.parse(null).with("newest", "113510000000000000").toString();
        wm.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(json("mastodon/statuses-page1.json")));
        CrawlBatch batch = mastodon.fetch(ward, new CrawlState(cursor, ID));
        assertThat(batch.posts()).extracting(FetchedPost::externalId).containsExactly(instance + "/113512345678901234");
        // the boost was counted last time; it and what follows are not seen again
        assertThat(batch.skipped()).isEmpty();
    }

    @Test
    void aRoutineCrawlWithNothingNewKeepsTheCursorAndTheSignals() throws Exception {
        wm.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(json("mastodon/statuses-page1.json")));
        String cursor = Cursor.parse(null).with("newest", "113512345678901234").with("optOuts", "discoverable=false").toString();
        wm.stubFor(get(urlPathEqualTo(STATUSES)).withQueryParam("since_id", equalTo("113512345678901234"))
                .willReturn(jsonText(200, "[]")));
        CrawlBatch batch = mastodon.fetch(ward, new CrawlState(cursor, ID));
        assertThat(batch.posts()).isEmpty();
        assertThat(batch.signals().optOuts()).containsExactly("discoverable=false");
        assertThat(Cursor.parse(batch.nextState().cursor()).get("newest")).isEqualTo("113512345678901234");
    }

    @Test
    void optOutFlagsOfTheAccountAreReported() throws Exception {
        Account jo = account(Platform.MASTODON, "@nurse_jo", wm.baseUrl());
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(json("mastodon/lookup-noindex.json")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/109348234567890999/statuses")).willReturn(jsonText(200, "[]")));
        CrawlBatch batch = mastodon.fetch(jo, CrawlState.FIRST);
        assertThat(batch.signals().optOuts()).containsExactly("noindex", "indexable=false", "discoverable=false");
    }

    @Test
    void aStaffAccountThatOptedOutWithoutARecordedBasisIsNotReadAtAll() throws Exception {
        Account jo = org.wardwatch.crawler.CrawlerTesting.staff(Platform.MASTODON, "@nurse_jo", wm.baseUrl(), null);
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(json("mastodon/lookup-noindex.json")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/109348234567890999/statuses")).willReturn(json("mastodon/statuses-page2.json")));
        CrawlBatch batch = mastodon.fetch(jo, CrawlState.FIRST);
        assertThat(batch.posts()).isEmpty();
        assertThat(batch.signals().optOuts()).contains("noindex");
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/accounts/109348234567890999/statuses")));
    }

    @Test
    void aPersonWhoOptedOutLastTimeIsAskedAgainBeforeAnythingIsRead() throws Exception {
        Account jo = CrawlerTesting.staff(Platform.MASTODON, "@nurse_jo", wm.baseUrl(), null);
        String jos = "/api/v1/accounts/109348234567890999/statuses";
        CrawlState last = new CrawlState(Cursor.parse(null).with("newest", "1").with("optOuts", "noindex").toString(),
                "109348234567890999");
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(json("mastodon/lookup-noindex.json")));
        wm.stubFor(get(urlPathEqualTo(jos)).willReturn(json("mastodon/statuses-page2.json")));

        CrawlBatch still = mastodon.fetch(jo, last);
        assertThat(still.posts()).isEmpty();
        assertThat(still.signals().optOuts()).contains("noindex");
        wm.verify(0, getRequestedFor(urlPathEqualTo(jos)));

        // Jo opts back in: the look-up says so, and her statuses are read
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(jsonText(200,
                "{\"id\":\"109348234567890999\",\"username\":\"nurse_jo\",\"discoverable\":true,\"indexable\":true,\"noindex\":false}")));
        CrawlBatch back = mastodon.fetch(jo, last);
        assertThat(back.posts()).hasSize(1);
        assertThat(back.signals().optedOut()).isFalse();
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/accounts/lookup")));
    }

    @Test
    void aStaffAccountWithARecordedBasisIsReadDespiteItsOptOut() throws Exception {
        Account jo = org.wardwatch.crawler.CrawlerTesting.staff(Platform.MASTODON, "@nurse_jo", wm.baseUrl(), "written consent 2026-10-01");
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(json("mastodon/lookup-noindex.json")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/109348234567890999/statuses")).willReturn(json("mastodon/statuses-page2.json")));
        CrawlBatch batch = mastodon.fetch(jo, CrawlState.FIRST);
        assertThat(batch.posts()).hasSize(1);
        assertThat(batch.signals().optOuts()).contains("noindex");
    }

    @Test
    void aFirstCrawlStopsAtTheFirstCrawlWindow() throws Exception {
        stubAccount();
        clock.advance(java.time.Duration.ofDays(12));
        // now 2026-12-05: the window starts 2026-11-05, so page 2's post of 3 November is left out and not paged past
        assertThat(mastodon.fetch(ward, CrawlState.FIRST).posts()).hasSize(2);
    }

    @Test
    void tooManyRequestsWaitsForTheIsoResetThenGoesOn() throws Exception {
        stubAccount();
        inTurn(() -> get(urlPathEqualTo(STATUSES)).withQueryParam("max_id", absent()).atPriority(1), "limited",
                jsonText(429, "{\"error\":\"Too many requests\"}").withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "2026-11-23T10:03:00.000000Z"),
                json("mastodon/statuses-page2.json"));
        CrawlBatch batch = mastodon.fetch(ward, CrawlState.FIRST);
        assertThat(batch.posts()).hasSize(1);
        assertThat(clock.now()).isAfterOrEqualTo(Instant.parse("2026-11-23T10:03:00Z"));
    }

    @Test
    void aServerErrorIsRetriedThenTheCrawlGoesOn() throws Exception {
        stubAccount();
        inTurn(() -> get(urlPathEqualTo(STATUSES)).withQueryParam("max_id", absent()).atPriority(1), "flaky",
                aResponse().withStatus(502), json("mastodon/statuses-page2.json"));
        assertThat(mastodon.fetch(ward, CrawlState.FIRST).posts()).hasSize(1);
    }

    @Test
    void anAccountThatDoesNotExistIsAClearError() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(jsonText(404, "{\"error\":\"Record not found\"}")));
        assertThatThrownBy(() -> mastodon.fetch(ward, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessage("mastodon @oakfieldward: no such account on " + instance + " (HTTP 404: Record not found)");
    }

    @Test
    void anInstanceThatRefusesAnonymousAccessIsAClearError() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .willReturn(jsonText(401, "{\"error\":\"This API requires an authenticated user\"}")));
        assertThatThrownBy(() -> mastodon.fetch(ward, CrawlState.FIRST))
                .hasMessage("mastodon @oakfieldward: " + instance
                        + " refuses anonymous access (HTTP 401: This API requires an authenticated user)");
    }

    @Test
    void malformedJsonIsAClearErrorAndNothingIsReturned() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(json("mastodon/lookup.json")));
        wm.stubFor(get(urlPathEqualTo(STATUSES)).willReturn(jsonText(200, "[{\"id\": \"1\", \"content\": ")));
        assertThatThrownBy(() -> mastodon.fetch(ward, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("mastodon @oakfieldward: malformed JSON from " + wm.baseUrl() + STATUSES);
    }

    @Test
    void aTimeoutAfterEveryTryIsAClearError() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertThatThrownBy(() -> mastodon.fetch(ward, CrawlState.FIRST)).isInstanceOf(SourceException.class)
                .hasMessageContaining("/api/v1/accounts/lookup");
    }

    @Test
    void anAccountWithoutInstanceIsAClearError() {
        Account bare = account(Platform.MASTODON, "@someone", null);
        assertThatThrownBy(() -> mastodon.fetch(bare, CrawlState.FIRST)).hasMessageContaining("no instance");
    }

    @Test
    void recheckTakesAStatusLeftOutOfTheBatchAsDeleted() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/statuses")).willReturn(json("mastodon/statuses-page2.json")));
        Map<Long, PostStatus> out = mastodon.recheck(ward, CrawlState.FIRST, List.of(
                new PostRef(1, instance + "/113400000000000000", null), new PostRef(2, instance + "/113512345678901234", null)));
        assertThat(out).containsExactlyInAnyOrderEntriesOf(Map.of(1L, PostStatus.LIVE, 2L, PostStatus.DELETED));
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/statuses"))
                .withQueryParam("id[]", equalTo("113400000000000000")));
    }

    @Test
    void recheckOnAnOlderInstanceAsksStatusByStatus() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/statuses")).willReturn(jsonText(404, "{\"error\":\"Record not found\"}")));
        wm.stubFor(get("/api/v1/statuses/1").willReturn(jsonText(200, "{\"id\":\"1\"}")));
        wm.stubFor(get("/api/v1/statuses/2").willReturn(jsonText(404, "{\"error\":\"Record not found\"}")));
        Map<Long, PostStatus> out = mastodon.recheck(ward, CrawlState.FIRST,
                List.of(new PostRef(10, instance + "/1", null), new PostRef(20, instance + "/2", null)));
        assertThat(out).containsExactlyInAnyOrderEntriesOf(Map.of(10L, PostStatus.LIVE, 20L, PostStatus.DELETED));
    }

    @Test
    void anInstanceThatCannotBeReachedIsNeverADeletion() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/statuses")).willReturn(jsonText(401, "{\"error\":\"This API requires an authenticated user\"}")));
        Map<Long, PostStatus> out = mastodon.recheck(ward, CrawlState.FIRST, List.of(new PostRef(1, instance + "/1", null)));
        assertThat(out).containsExactly(Map.entry(1L, PostStatus.UNREACHABLE));
        wm.stubFor(get(urlPathEqualTo("/api/v1/statuses")).willReturn(aResponse().withStatus(503)));
        assertThat(mastodon.recheck(ward, CrawlState.FIRST, List.of(new PostRef(1, instance + "/1", null))))
                .containsExactly(Map.entry(1L, PostStatus.UNREACHABLE));
    }
}
