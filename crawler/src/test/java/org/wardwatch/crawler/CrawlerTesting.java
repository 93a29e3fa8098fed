package org.wardwatch.crawler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.AccountKind;
import org.wardwatch.core.registry.Platform;
import org.wardwatch.crawler.http.FakeClock;
import org.wardwatch.crawler.http.HttpSettings;

/** Shared test set-up: settings with short timeouts, fixtures from the classpath, accounts. */
public final class CrawlerTesting {
    public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    public static final String UA = "WardWatch/0.1 (patient-privacy monitor; +mailto:ig-team@example.nhs.uk)";

    private CrawlerTesting() {
    }

    /**
     * The fake clock records backoff and rate-limit waits instead of sleeping through them. The read
     * and call timeouts are real: generous here, so a cold server on a busy machine is not taken for a
     * timeout; the timeout tests set their own short ones.
     * <p>
     * The private-address guard is on, as in production: every test platform is WireMock on this
     * machine, reached through the account's own registered host, which the guard trusts.
     */
    public static HttpSettings settings() {
        return new HttpSettings(UA, Duration.ofSeconds(5), 1000.0, 1_000_000, 5, 2,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(30), false);
    }

    /** {@link #settings()}; the guard's own tests say so by name. */
    public static HttpSettings guarded() {
        return settings();
    }

    /**
     * The guard off, for tests of the stack's other concerns that send bare requests (no account,
     * so no trusted host) to a server on this machine.
     */
    public static HttpSettings unguarded() {
        return settings().withAllowPrivateAddresses(true);
    }

    /** One plain request, so the server's first-request start-up is not taken for a slow platform. */
    public static void warmUp(com.github.tomakehurst.wiremock.WireMockServer wm) {
        okhttp3.OkHttpClient c = new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
        try (okhttp3.Response r = c.newCall(new okhttp3.Request.Builder().url(wm.baseUrl() + "/__warm-up").build()).execute()) {
            r.body().bytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            c.connectionPool().evictAll();
            c.dispatcher().executorService().shutdown();
        }
    }

    public static CrawlLimits limits() {
        return new CrawlLimits(30, 200, 1000, 40);
    }

    public static Crawlers crawlers(FakeClock clock) {
        return new Crawlers(settings(), limits(), "test-bearer-token", clock);
    }

    public static String fixture(String path) {
        try (InputStream in = CrawlerTesting.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Account account(Platform platform, String handle, String baseUrl) {
        return new Account(1L, "RXX", handle, AccountKind.TRUST, null, platform, handle, baseUrl, true, null);
    }

    public static Account staff(Platform platform, String handle, String baseUrl, String basis) {
        return new Account(2L, "RXX", handle, AccountKind.STAFF, null, platform, handle, baseUrl, true, basis);
    }
}
