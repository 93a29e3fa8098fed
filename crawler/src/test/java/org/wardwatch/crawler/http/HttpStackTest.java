package org.wardwatch.crawler.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.crawler.CrawlerTesting.NOW;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.CrawlerTesting;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import okhttp3.Request;

class HttpStackTest {
    static WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
    FakeClock clock;
    HttpStack http;

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
        http = new HttpStack(CrawlerTesting.unguarded().withTimeout(Duration.ofMillis(700)), clock);
    }

    @AfterEach
    void tearDown() {
        http.close();
    }

    private String url(String path) {
        return wm.baseUrl() + path;
    }

    private void sequence(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... replies) {
        String state = STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = i == replies.length - 1 ? state : "step" + (i + 1);
            wm.stubFor(get(path).inScenario(path).whenScenarioStateIs(state).willReturn(replies[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void everyRequestNamesWardWatchWithAContactAddress() throws Exception {
        wm.stubFor(get("/x").willReturn(aResponse().withBody("ok")));
        http.get(url("/x"));
        wm.verify(getRequestedFor(urlEqualTo("/x")).withHeader("User-Agent", matching("WardWatch/.*mailto:.*@.*")));
    }

    @Test
    void aServerErrorIsRetriedWithGrowingBackoffThenSucceeds() throws Exception {
        sequence("/flaky", aResponse().withStatus(503), aResponse().withStatus(502), aResponse().withBody("fine"));
        Reply r = http.get(url("/flaky"));
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("fine");
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aServerErrorAfterEveryTryReachesTheCaller() throws Exception {
        wm.stubFor(get("/down").willReturn(aResponse().withStatus(500)));
        assertThat(http.get(url("/down")).code()).isEqualTo(500);
        wm.verify(3, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void aTimeoutIsRetriedThenSucceeds() throws Exception {
        sequence("/slow", aResponse().withFixedDelay(1200).withBody("late"), aResponse().withBody("quick"));
        assertThat(http.get(url("/slow")).text()).isEqualTo("quick");
    }

    @Test
    void repeatedTimeoutsAreOneLineNamingTheUrl() {
        wm.stubFor(get("/hang").willReturn(aResponse().withFixedDelay(1200).withBody("never")));
        assertThatThrownBy(() -> http.get(url("/hang"))).isInstanceOf(SourceException.class)
                .hasMessage("GET " + url("/hang") + ": timed out after 0.7s (3 tries)");
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        sequence("/reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withBody("back"));
        assertThat(http.get(url("/reset")).text()).isEqualTo("back");
    }

    @Test
    void mastodon429WaitsUntilTheIsoResetThenSucceeds() throws Exception {
        sequence("/api/v1/accounts/1/statuses",
                aResponse().withStatus(429).withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", "2026-11-23T10:02:30.000000Z").withBody("{\"error\":\"Too many requests\"}"),
                aResponse().withBody("[]"));
        assertThat(http.get(url("/api/v1/accounts/1/statuses")).text()).isEqualTo("[]");
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-23T10:02:30Z"));
    }

    @Test
    void bluesky429WaitsUntilTheEpochReset() throws Exception {
        long reset = NOW.getEpochSecond() + 40;
        sequence("/xrpc/app.bsky.feed.getAuthorFeed",
                aResponse().withStatus(429).withHeader("ratelimit-limit", "3000").withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-reset", String.valueOf(reset)).withHeader("ratelimit-policy", "3000;w=300")
                        .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}"),
                aResponse().withBody("{\"feed\":[]}"));
        assertThat(http.get(url("/xrpc/app.bsky.feed.getAuthorFeed")).code()).isEqualTo(200);
        assertThat(clock.now()).isEqualTo(Instant.ofEpochSecond(reset));
    }

    @Test
    void x429WaitsUntilTheEpochReset() throws Exception {
        long reset = NOW.getEpochSecond() + 90;
        sequence("/2/users/1/tweets",
                aResponse().withStatus(429).withHeader("x-rate-limit-limit", "1500").withHeader("x-rate-limit-remaining", "0")
                        .withHeader("x-rate-limit-reset", String.valueOf(reset)),
                aResponse().withBody("{}"));
        assertThat(http.get(url("/2/users/1/tweets")).code()).isEqualTo(200);
        assertThat(clock.now()).isEqualTo(Instant.ofEpochSecond(reset));
    }

    @Test
    void retryAfterSecondsIsHonoured() throws Exception {
        sequence("/busy", aResponse().withStatus(429).withHeader("Retry-After", "17"), aResponse().withBody("ok"));
        assertThat(http.get(url("/busy")).code()).isEqualTo(200);
        assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void aResetFurtherThanTheLongestWaitFailsWithTheResetTime() {
        wm.stubFor(get("/later").willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Reset", "2026-11-23T11:00:00.000000Z")));
        assertThatThrownBy(() -> http.get(url("/later"))).isInstanceOf(SourceException.class)
                .hasMessageContaining("rate limited (429)").hasMessageContaining("2026-11-23T11:00:00Z");
        assertThat(clock.slept()).isZero();
    }

    @Test
    void aSpentBudgetHoldsTheNextRequestToThatHostUntilTheReset() throws Exception {
        wm.stubFor(get("/a").willReturn(aResponse().withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", "2026-11-23T10:01:00.000Z").withBody("a")));
        wm.stubFor(get("/b").willReturn(aResponse().withBody("b")));
        http.get(url("/a"));
        assertThat(clock.now()).isEqualTo(NOW);
        http.get(url("/b"));
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-23T10:01:00Z"));
    }

    @Test
    void requestsToOneHostAreSpacedByTheConfiguredRate() throws Exception {
        try (HttpStack slow = new HttpStack(CrawlerTesting.unguarded().withRate(2.0), clock)) {
            wm.stubFor(get("/r").willReturn(aResponse().withBody("r")));
            for (int i = 0; i < 4; i++) slow.get(url("/r"));
            // 2 a second, paced a tenth under: the 2nd, 3rd and 4th requests wait for slots 0.556 s apart
            assertThat(clock.now()).isEqualTo(NOW.plusNanos(3 * HostThrottle.spacingNanos(2.0)));
            assertThat(HostThrottle.spacingNanos(2.0)).isBetween(550_000_000L, 560_000_000L);
            assertThat(slow.throttle().requestCount()).isEqualTo(4);
        }
    }

    @Test
    void redirectsAreFollowedWithinTheLimit() throws Exception {
        wm.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        wm.stubFor(get("/new").willReturn(aResponse().withBody("moved")));
        Reply r = http.get(url("/old"));
        assertThat(r.text()).isEqualTo("moved");
        assertThat(r.url()).isEqualTo(url("/new"));
    }

    @Test
    void aRedirectLoopStopsWithAClearError() {
        wm.stubFor(get("/ping").willReturn(aResponse().withStatus(302).withHeader("Location", "/pong")));
        wm.stubFor(get("/pong").willReturn(aResponse().withStatus(302).withHeader("Location", "/ping")));
        assertThatThrownBy(() -> http.get(url("/ping"))).isInstanceOf(SourceException.class)
                .hasMessage("redirect loop at " + url("/ping"));
    }

    @Test
    void aRedirectChainLongerThanTheLimitStops() {
        for (int i = 0; i < 8; i++) {
            wm.stubFor(get("/hop" + i).willReturn(aResponse().withStatus(302).withHeader("Location", "/hop" + (i + 1))));
        }
        assertThatThrownBy(() -> http.get(url("/hop0"))).hasMessage("more than 5 redirects from " + url("/hop0"));
    }

    @Test
    void aBodyOverTheCapIsRefusedByItsDeclaredLength() {
        wm.stubFor(get("/big").willReturn(aResponse().withBody(new byte[1_000_001])));
        assertThatThrownBy(() -> http.get(url("/big"))).isInstanceOf(SourceException.class)
                .hasMessage(url("/big") + " is larger than 1000000 bytes");
    }

    @Test
    void aChunkedBodyOverTheCapIsRefusedWhileReading() {
        wm.stubFor(get("/chunked").willReturn(aResponse().withBody(new byte[1_200_000])
                .withHeader("Transfer-Encoding", "chunked")));
        assertThatThrownBy(() -> http.get(url("/chunked"))).hasMessageContaining("is larger than 1000000 bytes");
        wm.verify(1, getRequestedFor(urlEqualTo("/chunked")));
    }

    @Test
    void conditionalRequestsSendAndRecordValidators() throws Exception {
        wm.stubFor(get("/page").willReturn(aResponse().withHeader("ETag", "\"abc\"")
                .withHeader("Last-Modified", "Sun, 22 Nov 2026 10:00:00 GMT").withBody("v1")));
        ConditionalGet first = new ConditionalGet(Validators.NONE);
        http.send(HttpStack.request(url("/page")).tag(ConditionalGet.class, first).build());
        assertThat(first.keep()).isEqualTo(new Validators("\"abc\"", "Sun, 22 Nov 2026 10:00:00 GMT"));

        wm.stubFor(get("/page").withHeader("If-None-Match", equalTo("\"abc\""))
                .withHeader("If-Modified-Since", equalTo("Sun, 22 Nov 2026 10:00:00 GMT"))
                .willReturn(aResponse().withStatus(304)));
        ConditionalGet second = new ConditionalGet(first.keep());
        Reply r = http.send(HttpStack.request(url("/page")).tag(ConditionalGet.class, second).build());
        assertThat(r.code()).isEqualTo(304);
        assertThat(second.notModified()).isTrue();
        assertThat(second.keep()).isEqualTo(first.keep());
    }

    @Test
    void anUnreachableHostIsOneLine() {
        assertThatThrownBy(() -> http.get("http://127.0.0.1:9/nothing")).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:9/nothing: ");
    }

    @Test
    void robotsTxtIsReadOncePerHostAndHonoured() throws Exception {
        wm.stubFor(get("/robots.txt").willReturn(aResponse().withBody("""
                User-agent: GPTBot
                Disallow: /

                User-agent: *
                Disallow: /media_proxy/
                Allow: /media_proxy/public
                """)));
        wm.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/.*")).atPriority(10)
                .willReturn(aResponse().withBody("page")));
        http.send(HttpStack.request(url("/about")).tag(RobotsTxt.class, RobotsTxt.CHECK).build());
        http.send(HttpStack.request(url("/media_proxy/public/1")).tag(RobotsTxt.class, RobotsTxt.CHECK).build());
        assertThatThrownBy(() -> http.send(HttpStack.request(url("/media_proxy/2")).tag(RobotsTxt.class, RobotsTxt.CHECK).build()))
                .hasMessageContaining("disallows");
        wm.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
    }
    // ---- hostile servers: trickles, stalls and silence end in bounded time, with the tries made

    /** Runs the request against a fresh stack with these settings and returns its one-line failure. */
    private String failure(HttpSettings settings, HttpClock on, Request request) {
        try (HttpStack stack = new HttpStack(settings, on)) {
            stack.send(request);
        } catch (SourceException e) {
            return e.getMessage();
        }
        throw new AssertionError("the request succeeded");
    }

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private static long secondsSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    }

    @Test
    void aBodyTricklingAByteAtATimeIsCutAtTheCallTimeout() throws Exception {
        try (RawServer trickle = new RawServer(RawServer.trickleBody(150))) {
            long start = System.nanoTime();
            String m = failure(CrawlerTesting.unguarded().withCallTimeout(Duration.ofSeconds(1)), clock,
                    HttpStack.request(trickle.url("/feed.xml")).build());
            assertThat(secondsSince(start)).isLessThan(GENEROUS.toSeconds());
            assertThat(m).matches("GET " + java.util.regex.Pattern.quote(trickle.url("/feed.xml"))
                    + ": too slow: \\d{1,2} bytes in 1 s \\(http.callTimeoutSeconds\\)");
            assertThat(trickle.requests()).as("the time is spent: no second try").isEqualTo(1);
        }
    }

    @Test
    void headersTricklingAByteAtATimeAreCutAtTheCallTimeout() throws Exception {
        try (RawServer trickle = new RawServer(RawServer.trickleHeaders(150))) {
            long start = System.nanoTime();
            String m = failure(CrawlerTesting.unguarded().withCallTimeout(Duration.ofSeconds(1)), clock,
                    HttpStack.request(trickle.url("/photo.jpg")).build());
            assertThat(secondsSince(start)).isLessThan(GENEROUS.toSeconds());
            assertThat(m).isEqualTo("GET " + trickle.url("/photo.jpg") + ": too slow: 0 bytes in 1 s (http.callTimeoutSeconds)");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutOnEveryTryAndSaysHowManyWereMade() throws Exception {
        try (RawServer silent = new RawServer(RawServer.silent())) {
            assertThatThrownBy(() -> http.get(silent.url("/hang"))).isInstanceOf(SourceException.class)
                    .hasMessage("GET " + silent.url("/hang") + ": timed out after 0.7s (3 tries)");
            assertThat(silent.accepted()).isEqualTo(3);
        }
    }

    @Test
    void aBodyThatStallsIsRetriedLikeAnyOtherTimeout() throws Exception {
        try (RawServer stall = new RawServer(RawServer.stallBodyThenAnswer(1))) {
            assertThat(http.get(stall.url("/feed")).text()).isEqualTo("whole");
            assertThat(stall.requests()).isEqualTo(2);
            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
        }
    }

    @Test
    void aBodyThatStallsEveryTimeIsTriedAgainAndTheMessageCountsTheTries() throws Exception {
        try (RawServer stall = new RawServer(RawServer.stallBodyThenAnswer(99))) {
            assertThatThrownBy(() -> http.get(stall.url("/feed")))
                    .hasMessage("GET " + stall.url("/feed") + ": timed out after 0.7s (3 tries)");
            assertThat(stall.requests()).isEqualTo(3);
        }
    }

    @Test
    void aTryThatWouldOutlastTheDeadlineIsNotMadeNorCounted() throws Exception {
        try (RawServer silent = new RawServer(RawServer.silent())) {
            // two retries allowed, but the first backoff (10 min) is longer than the whole deadline
            String m = failure(CrawlerTesting.unguarded().withTimeout(Duration.ofMillis(700)).withBackoff(Duration.ofMinutes(10)),
                    clock, HttpStack.request(silent.url("/hang")).tag(Deadline.class, Deadline.in(GENEROUS)).build());
            assertThat(m).isEqualTo("GET " + silent.url("/hang") + ": timed out after 0.7s (1 try)");
            assertThat(silent.accepted()).isEqualTo(1);
            assertThat(clock.sleeps()).isEmpty();
        }
    }

    @Test
    void triesStopWhenTheCallTimeoutIsSpent() throws Exception {
        try (RawServer silent = new RawServer(RawServer.silent())) {
            // each try may wait 0.7 s for an answer, but the call as a whole has 1 s
            String m = failure(CrawlerTesting.unguarded().withTimeout(Duration.ofMillis(700))
                    .withCallTimeout(Duration.ofSeconds(1)), clock, HttpStack.request(silent.url("/hang")).build());
            assertThat(m).isEqualTo("GET " + silent.url("/hang") + ": too slow: 0 bytes in 1 s (http.callTimeoutSeconds)");
            assertThat(silent.accepted()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theAccountDeadlinePassingMidTrickleEndsTheRequest() throws Exception {
        try (RawServer trickle = new RawServer(RawServer.trickleBody(150))) {
            long start = System.nanoTime();
            String m = failure(CrawlerTesting.unguarded(), clock, HttpStack.request(trickle.url("/feed.xml"))
                    .tag(Deadline.class, Deadline.in(Duration.ofSeconds(1))).build());
            assertThat(secondsSince(start)).isLessThan(GENEROUS.toSeconds());
            assertThat(m).isEqualTo("GET " + trickle.url("/feed.xml")
                    + ": the account's deadline of 1 s passed (crawl.accountTimeoutSeconds)");
        }
    }

    @Test
    void aRequestWhoseDeadlineHasPassedIsNotStarted() throws Exception {
        wm.stubFor(get("/x").willReturn(aResponse().withBody("x")));
        Deadline deadline = Deadline.in(Duration.ofSeconds(1));
        for (int i = 0; i < 300 && !deadline.passed(); i++) Thread.sleep(10);
        assertThatThrownBy(() -> http.send(HttpStack.request(url("/x")).tag(Deadline.class, deadline).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("GET " + url("/x") + ": the account's deadline of 1 s passed (crawl.accountTimeoutSeconds)");
        wm.verify(0, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void aRateLimitWaitThatWouldOutlastTheDeadlineFailsAtOnce() {
        wm.stubFor(get("/busy").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
        assertThatThrownBy(() -> http.send(HttpStack.request(url("/busy"))
                .tag(Deadline.class, Deadline.in(Duration.ofSeconds(10))).build()))
                .hasMessage("GET " + url("/busy") + ": the account's deadline of 10 s would pass during a 60 s wait"
                        + " for localhost (crawl.accountTimeoutSeconds)");
        assertThat(clock.slept()).isZero();
        wm.verify(1, getRequestedFor(urlEqualTo("/busy")));
    }

    @Test
    void aServerErrorIsNotRetriedWhenTheBackoffWouldOutlastTheDeadline() throws Exception {
        wm.stubFor(get("/down").willReturn(aResponse().withStatus(503)));
        Reply r = http.send(HttpStack.request(url("/down")).tag(Deadline.class, Deadline.in(Duration.ofMillis(500))).build());
        assertThat(r.code()).isEqualTo(503);
        wm.verify(1, getRequestedFor(urlEqualTo("/down")));
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void politenessWaitsDoNotCountAgainstTheCallTimeout() throws Exception {
        // a real clock: the 2 s Retry-After is really waited, twice the 1 s the exchanges may take
        sequence("/busy", aResponse().withStatus(429).withHeader("Retry-After", "2"), aResponse().withBody("ok"));
        try (HttpStack real = new HttpStack(CrawlerTesting.unguarded().withCallTimeout(Duration.ofSeconds(1)), HttpClock.system())) {
            assertThat(real.get(url("/busy")).text()).isEqualTo("ok");
        }
    }
}
