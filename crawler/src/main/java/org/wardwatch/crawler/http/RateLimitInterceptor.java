package org.wardwatch.crawler.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Answers 429 by waiting until the reset the platform gives (Retry-After or its own rate-limit
 * header) and trying again, and tells the host throttle when a successful answer says the budget is
 * spent, so the next request waits instead of earning a 429. A reset further away than the longest
 * wait fails the request with the reset time in the message.
 */
final class RateLimitInterceptor implements Interceptor {
    private final HttpClock clock;
    private final HostThrottle throttle;
    private final int attempts;
    private final Duration fallbackWait;
    private final Duration maxWait;

    RateLimitInterceptor(HttpClock clock, HostThrottle throttle, int retries, Duration fallbackWait, Duration maxWait) {
        this.clock = clock;
        this.throttle = throttle;
        this.attempts = Math.max(1, retries + 1);
        this.fallbackWait = fallbackWait;
        this.maxWait = maxWait;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String host = HostThrottle.hostKey(request.url());
        for (int attempt = 1; ; attempt++) {
            Response response = chain.proceed(request);
            Instant now = clock.now();
            if (response.code() != 429) {
                if (RateLimitHeaders.exhausted(response)) {
                    RateLimitHeaders.resetAt(response, now).ifPresent(t -> throttle.blockUntil(host, t));
                }
                return response;
            }
            Instant reset = RateLimitHeaders.resetAt(response, now).orElse(now.plus(fallbackWait.multipliedBy(attempt)));
            if (!reset.isAfter(now)) reset = now.plus(fallbackWait);
            if (attempt >= attempts) return response;
            if (Duration.between(now, reset).compareTo(maxWait) > 0) {
                response.close();
                throw new HttpProblem("rate limited (429) by " + request.url().host() + " until " + reset);
            }
            response.close();
            // the throttle makes this request, and every other one to the host, wait for the reset
            throttle.blockUntil(host, reset);
        }
    }
}
