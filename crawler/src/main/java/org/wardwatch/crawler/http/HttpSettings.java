package org.wardwatch.crawler.http;

import java.time.Duration;
import java.util.Objects;

import org.wardwatch.core.config.WardWatchConfig;

/**
 * How the crawler's HTTP stack behaves.
 *
 * @param timeout               the longest wait for a connection or for the next bytes of an answer
 * @param backoffBase           the first wait after a 5xx or timeout; it doubles with each retry
 * @param maxRateLimitWait      the longest a request waits for a platform's rate-limit reset; a later
 *                              reset fails the request instead of holding a crawl thread for it
 * @param callTimeout           the most time one request may spend talking to servers, all tries and
 *                              redirects together; politeness waits between them do not count
 * @param allowPrivateAddresses true turns off the guard that refuses loopback, private and
 *                              link-local addresses (see {@link AddressGuard})
 */
public record HttpSettings(String userAgent, Duration timeout, double requestsPerSecondPerHost, long maxResponseBytes,
                           int maxRedirects, int retries, Duration backoffBase, Duration maxRateLimitWait,
                           Duration callTimeout, boolean allowPrivateAddresses) {
    public HttpSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        if (requestsPerSecondPerHost <= 0) throw new IllegalArgumentException("requestsPerSecondPerHost must be > 0");
        if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be > 0");
        }
    }

    public static HttpSettings from(WardWatchConfig.Http http) {
        return new HttpSettings(http.userAgent(), Duration.ofSeconds(http.timeoutSeconds()),
                http.requestsPerSecondPerHost(), http.maxResponseBytes(), http.maxRedirects(), http.retries(),
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(http.callTimeoutSeconds()),
                http.allowPrivateAddresses());
    }

    public HttpSettings withTimeout(Duration t) {
        return new HttpSettings(userAgent, t, requestsPerSecondPerHost, maxResponseBytes, maxRedirects, retries,
                backoffBase, maxRateLimitWait, callTimeout, allowPrivateAddresses);
    }

    public HttpSettings withBackoff(Duration base) {
        return new HttpSettings(userAgent, timeout, requestsPerSecondPerHost, maxResponseBytes, maxRedirects, retries,
                base, maxRateLimitWait, callTimeout, allowPrivateAddresses);
    }

    public HttpSettings withRate(double perSecondPerHost) {
        return new HttpSettings(userAgent, timeout, perSecondPerHost, maxResponseBytes, maxRedirects, retries,
                backoffBase, maxRateLimitWait, callTimeout, allowPrivateAddresses);
    }

    public HttpSettings withMaxResponseBytes(long max) {
        return new HttpSettings(userAgent, timeout, requestsPerSecondPerHost, max, maxRedirects, retries,
                backoffBase, maxRateLimitWait, callTimeout, allowPrivateAddresses);
    }

    public HttpSettings withRetries(int n) {
        return new HttpSettings(userAgent, timeout, requestsPerSecondPerHost, maxResponseBytes, maxRedirects, n,
                backoffBase, maxRateLimitWait, callTimeout, allowPrivateAddresses);
    }

    public HttpSettings withCallTimeout(Duration t) {
        return new HttpSettings(userAgent, timeout, requestsPerSecondPerHost, maxResponseBytes, maxRedirects, retries,
                backoffBase, maxRateLimitWait, t, allowPrivateAddresses);
    }

    public HttpSettings withAllowPrivateAddresses(boolean allow) {
        return new HttpSettings(userAgent, timeout, requestsPerSecondPerHost, maxResponseBytes, maxRedirects, retries,
                backoffBase, maxRateLimitWait, callTimeout, allow);
    }
}
