package org.wardwatch.crawler.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.wardwatch.core.source.Deadline;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * For requests tagged {@link RobotsTxt#CHECK}, reads the host's robots.txt (kept for a day) and
 * refuses URLs it disallows. A missing robots.txt (4xx) allows everything; one the host cannot
 * serve (5xx, unreachable) disallows everything for now, as RFC 9309 asks.
 */
final class RobotsInterceptor implements Interceptor {
    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration RETRY_FAILED = Duration.ofMinutes(10);
    private static final long MAX_ROBOTS_BYTES = 500_000;

    private record Cached(RobotsRules rules, Instant until, String unavailable) {
    }

    private final HttpClock clock;
    private final String productToken;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    RobotsInterceptor(HttpClock clock, String userAgent) {
        this.clock = clock;
        String first = userAgent.split("[/ ]", 2)[0];
        this.productToken = first.isBlank() ? "wardwatch" : first;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.tag(RobotsTxt.class) == null) return chain.proceed(request);
        HttpUrl url = request.url();
        Cached robots = rulesFor(chain, request);
        if (robots.unavailable() != null) {
            throw new HttpProblem("robots.txt of " + url.host() + " unavailable (" + robots.unavailable() + "), not reading " + url);
        }
        String target = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        if (!robots.rules().allows(target)) throw new HttpProblem("robots.txt of " + url.host() + " disallows " + url);
        return chain.proceed(request);
    }

    private Cached rulesFor(Chain chain, Request request) throws IOException {
        HttpUrl url = request.url();
        String key = url.scheme() + "://" + url.host() + ":" + url.port();
        Cached c = cache.get(key);
        Instant now = clock.now();
        if (c != null && c.until().isAfter(now)) return c;
        HttpUrl robotsUrl = url.newBuilder().encodedPath("/robots.txt").query(null).fragment(null).build();
        // the page's own headers and tags (its validators, its credentials) are not robots.txt's, but its
        // host's trust, its deadline and its call's time are: robots.txt is part of reading the page
        Request robots = new Request.Builder().url(robotsUrl).tag(MaxBytes.class, new MaxBytes(MAX_ROBOTS_BYTES))
                .tag(TrustedHosts.class, request.tag(TrustedHosts.class)).tag(Deadline.class, request.tag(Deadline.class))
                .tag(CallTime.class, request.tag(CallTime.class)).build();
        RobotsRules rules;
        Duration keep = KEEP;
        String unavailable = null;
        try (Response r = chain.proceed(robots)) {
            if (r.isSuccessful()) rules = RobotsRules.parse(r.body().string(), productToken);
            else if (r.code() >= 400 && r.code() < 500) rules = RobotsRules.ALLOW_ALL;
            else {
                rules = RobotsRules.DISALLOW_ALL;
                keep = RETRY_FAILED;
                unavailable = "HTTP " + r.code();
            }
        } catch (HttpProblem e) {
            throw e;
        } catch (IOException e) {
            rules = RobotsRules.DISALLOW_ALL;
            keep = RETRY_FAILED;
            IOException last = e instanceof GaveUp g ? g.last() : e;
            unavailable = last.getClass().getSimpleName() + (last.getMessage() == null ? "" : ": " + last.getMessage())
                    + (e instanceof GaveUp g ? ", " + g.triesText() : "");
        }
        Cached fresh = new Cached(rules, now.plus(keep), unavailable);
        cache.put(key, fresh);
        return fresh;
    }
}
