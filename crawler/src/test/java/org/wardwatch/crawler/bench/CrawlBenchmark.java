package org.wardwatch.crawler.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.AccountKind;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.core.source.CrawlBatch;
import org.wardwatch.core.source.CrawlState;
import org.wardwatch.core.source.FetchedMedia;
import org.wardwatch.core.source.FetchedPost;
import org.wardwatch.crawler.CrawlLimits;
import org.wardwatch.crawler.Crawlers;
import org.wardwatch.crawler.PlatformStubs;
import org.wardwatch.crawler.http.HttpClock;
import org.wardwatch.crawler.http.HttpSettings;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Crawls 1,000 accounts (a sixth on each of six stubbed platform hosts: feeds, Mastodon, Bluesky,
 * WordPress, public pages, X) through the real crawler stack with a real clock, fetching every
 * image, then prints accounts per minute and the most requests any one host saw in any one second,
 * beside the configured per-host limit. A benchmark, not a test: it asserts nothing about time.
 *
 * <p>Run: {@code mvn -B -o -q verify -pl crawler -am -Dtest=CrawlBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwardwatch.bench=true [-Dbench.accounts=1000 -Dbench.rps=20 -Dbench.parallel=8]}
 */
class CrawlBenchmark {
    @Test
    @EnabledIfSystemProperty(named = "wardwatch.bench", matches = "true")
    void crawlOneThousandAccounts() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 1000);
        double rps = Double.parseDouble(System.getProperty("bench.rps", "20"));
        int parallel = Integer.getInteger("bench.parallel", 8);
        Map<Platform, WireMockServer> hosts = new java.util.EnumMap<>(Platform.class);
        for (Platform p : List.of(Platform.RSS, Platform.MASTODON, Platform.BLUESKY, Platform.WORDPRESS, Platform.HTML, Platform.X)) {
            WireMockServer s = new WireMockServer(options().dynamicPort().containerThreads(32).gzipDisabled(true));
            s.start();
            stub(p, s);
            hosts.put(p, s);
        }
        List<Account> list = new ArrayList<>();
        Platform[] cycle = hosts.keySet().toArray(new Platform[0]);
        for (int i = 0; i < accounts; i++) list.add(account(i, cycle[i % cycle.length], hosts.get(cycle[i % cycle.length]).baseUrl()));

        HttpSettings settings = new HttpSettings("WardWatch-bench/0.1 (+mailto:bench@example.org)", Duration.ofSeconds(20), rps,
                10_000_000, 5, 3, Duration.ofMillis(500), Duration.ofMinutes(5), Duration.ofSeconds(120),
                true /* the benchmark's platforms are WireMock on this machine */);
        AtomicInteger posts = new AtomicInteger();
        AtomicInteger images = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        Instant start = Instant.now();
        try (Crawlers crawlers = new Crawlers(settings, new CrawlLimits(100_000, 200, 1000, 40), "bench-token", HttpClock.system())) {
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            List<Future<?>> done = new ArrayList<>();
            for (Account a : list) {
                done.add(pool.submit(() -> {
                    try {
                        CrawlBatch batch = crawlers.source(a.platform()).fetch(a, CrawlState.FIRST);
                        for (FetchedPost p : batch.posts()) {
                            posts.incrementAndGet();
                            for (FetchedMedia m : p.media()) {
                                bytes.addAndGet(crawlers.mediaFetcher().fetch(m.url(), 20_000_000).length);
                                images.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println(a.platform().id() + " " + a.handle() + ": " + e.getMessage());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            pool.shutdown();
        }
        Duration took = Duration.between(start, Instant.now());
        double minutes = took.toMillis() / 60_000.0;
        System.out.printf("crawl benchmark: %d accounts on %d hosts, %d crawl threads, limit %.1f requests/s per host%n",
                accounts, hosts.size(), parallel, rps);
        System.out.printf("  %d posts, %d images (%d bytes), %d failed accounts, in %.1f s%n",
                posts.get(), images.get(), bytes.get(), failed.get(), took.toMillis() / 1000.0);
        System.out.printf("  accounts per minute: %.0f%n", accounts / minutes);
        int worst = 0;
        long total = 0;
        for (var e : hosts.entrySet()) {
            List<Long> times = new ArrayList<>();
            for (ServeEvent ev : e.getValue().getAllServeEvents()) times.add(ev.getRequest().getLoggedDate().getTime());
            times.sort(null);
            total += times.size();
            int max = maxInAnySecond(times);
            worst = Math.max(worst, max);
            System.out.printf("  host %-9s %5d requests, max %d in any 1 s window, mean %.1f/s%n", e.getKey().id(), times.size(), max,
                    times.size() / Math.max(0.001, (times.get(times.size() - 1) - times.get(0)) / 1000.0));
            e.getValue().stop();
        }
        System.out.printf("  max requests per host per second: %d (limit %.1f); %d requests in all%n", worst, rps, total);
    }

    /** The most timestamps within any window of one second (inclusive of the start, exclusive of the end). */
    static int maxInAnySecond(List<Long> sorted) {
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < sorted.size(); hi++) {
            while (sorted.get(hi) - sorted.get(lo) >= 1000) lo++;
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    static Account account(int i, Platform p, String base) {
        String handle = switch (p) {
            case RSS -> base + "/feeds/" + i + ".rss";
            case MASTODON -> "@user" + i;
            case BLUESKY -> "user" + i + ".bsky.social";
            case WORDPRESS -> base + "/site" + i;
            case HTML -> base + "/pages/" + i + ".html";
            case X -> "user" + i;
            default -> throw new IllegalArgumentException(p.id());
        };
        return new Account((long) i, "RXX", "bench " + i, AccountKind.WARD, null, p, handle,
                p == Platform.RSS || p == Platform.HTML || p == Platform.WORDPRESS ? null : base, true, null);
    }

    /** Three posts with one image each per account, made distinct by the account's number in the request. */
    static void stub(Platform p, WireMockServer s) {
        String b = s.baseUrl();
        s.stubFor(get(urlPathMatching("/img/.*")).willReturn(aResponse().withHeader("Content-Type", "image/jpeg")
                .withBody(PlatformStubs.JPEG)));
        switch (p) {
            case RSS -> s.stubFor(get(urlPathMatching("/feeds/[0-9]+\\.rss")).willReturn(template("application/rss+xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>bench</title><link>B</link><description>d</description>
                    {{#each (array 1 2 3) as |k|}}<item><guid>B/{{request.pathSegments.[1]}}/{{k}}</guid><link>B/p/{{request.pathSegments.[1]}}/{{k}}</link>
                    <pubDate>Sun, 22 Nov 2026 10:00:0{{k}} +0000</pubDate><description>Post {{k}} of the ward</description>
                    <media:content url="B/img/{{request.pathSegments.[1]}}-{{k}}.jpg" type="image/jpeg" medium="image"><media:description type="plain">alt {{k}}</media:description></media:content></item>{{/each}}
                    </channel></rss>""".replace("B", b)).withHeader("ETag", "\"bench\"")));
            case MASTODON -> {
                s.stubFor(get(urlPathMatching("/api/v1/accounts/lookup")).willReturn(template("application/json",
                        "{\"id\":\"{{request.query.acct}}\",\"username\":\"{{request.query.acct}}\",\"discoverable\":true,\"indexable\":true}")));
                s.stubFor(get(urlPathMatching("/api/v1/accounts/[^/]+/statuses")).willReturn(template("application/json", """
                        [{{#each (array 3 2 1) as |k|}}{"id":"{{request.pathSegments.[3]}}-{{k}}","created_at":"2026-11-22T10:00:0{{k}}.000Z",
                        "visibility":"public","url":"B/@{{request.pathSegments.[3]}}/{{k}}","content":"<p>Post {{k}}</p>","reblog":null,
                        "media_attachments":[{"id":"m{{k}}","type":"image","url":"B/img/{{request.pathSegments.[3]}}-{{k}}.jpg","description":"alt {{k}}"}]}
                        {{#unless @last}},{{/unless}}{{/each}}]""".replace("B", b))));
            }
            case BLUESKY -> {
                s.stubFor(get(urlPathMatching("/xrpc/app.bsky.actor.getProfile")).willReturn(template("application/json",
                        "{\"did\":\"did:plc:{{request.query.actor}}\",\"handle\":\"{{request.query.actor}}\",\"labels\":[]}")));
                s.stubFor(get(urlPathMatching("/xrpc/app.bsky.feed.getAuthorFeed")).willReturn(template("application/json", """
                        {"feed":[{{#each (array 3 2 1) as |k|}}{"post":{"uri":"at://{{request.query.actor}}/app.bsky.feed.post/{{k}}",
                        "author":{"did":"{{request.query.actor}}","labels":[]},"record":{"text":"Post {{k}}","createdAt":"2026-11-22T10:00:0{{k}}.000Z"},
                        "indexedAt":"2026-11-22T10:00:0{{k}}.000Z","embed":{"$type":"app.bsky.embed.images#view",
                        "images":[{"thumb":"B/img/t.jpg","fullsize":"B/img/{{k}}-{{request.query.actor}}.jpg","alt":"alt {{k}}"}]}}}
                        {{#unless @last}},{{/unless}}{{/each}}]}""".replace("B", b))));
            }
            case WORDPRESS -> s.stubFor(get(urlPathMatching("/site[0-9]+/wp-json/wp/v2/posts")).willReturn(template("application/json", """
                    [{{#each (array 3 2 1) as |k|}}{"id":{{k}},"guid":{"rendered":"B/{{request.pathSegments.[0]}}/?p={{k}}"},
                    "date_gmt":"2026-11-22T10:00:0{{k}}","modified_gmt":"2026-11-22T10:00:0{{k}}","link":"B/{{request.pathSegments.[0]}}/{{k}}/",
                    "title":{"rendered":"Post {{k}}"},"content":{"rendered":"<p>Post {{k}}</p><img src=\\"B/img/{{request.pathSegments.[0]}}-{{k}}.jpg\\" alt=\\"alt {{k}}\\">"}}
                    {{#unless @last}},{{/unless}}{{/each}}]""".replace("B", b)).withHeader("X-WP-TotalPages", "1")));
            case HTML -> s.stubFor(get(urlPathMatching("/pages/[0-9]+\\.html")).willReturn(template("text/html", """
                    <html><head><title>Page {{request.pathSegments.[1]}}</title><meta property="og:image" content="B/img/og-{{request.pathSegments.[1]}}.jpg"></head>
                    <body><article><p>News</p><img src="B/img/{{request.pathSegments.[1]}}.jpg" alt="alt"></article></body></html>""".replace("B", b))
                    .withHeader("ETag", "\"bench\"")));
            case X -> {
                s.stubFor(get(urlPathMatching("/2/users/by/username/[^/]+")).willReturn(template("application/json",
                        "{\"data\":{\"id\":\"{{request.pathSegments.[4]}}\",\"username\":\"{{request.pathSegments.[4]}}\"}}")));
                s.stubFor(get(urlPathMatching("/2/users/[^/]+/tweets")).willReturn(template("application/json", """
                        {"data":[{{#each (array 3 2 1) as |k|}}{"id":"{{request.pathSegments.[2]}}{{k}}","text":"Post {{k}}",
                        "created_at":"2026-11-22T10:00:0{{k}}.000Z","attachments":{"media_keys":["{{k}}"]}}{{#unless @last}},{{/unless}}{{/each}}],
                        "includes":{"media":[{{#each (array 3 2 1) as |k|}}{"media_key":"{{k}}","type":"photo","url":"B/img/{{request.pathSegments.[2]}}-{{k}}.jpg",
                        "alt_text":"alt {{k}}"}{{#unless @last}},{{/unless}}{{/each}}]},"meta":{"result_count":3}}""".replace("B", b))));
            }
            default -> throw new IllegalArgumentException(p.id());
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder template(String type, String body) {
        return aResponse().withHeader("Content-Type", type).withBody(body).withTransformers("response-template");
    }
}
