package org.wardwatch.crawler.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

import org.wardwatch.core.source.SourceException;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The crawler's one HTTP client. Every politeness concern is an interceptor added here, once, in
 * this order (outermost first): redirects, robots.txt, conditional GET, retries after 5xx and
 * timeouts, 429 and rate-limit headers, the size cap, the per-host throttle, the user agent.
 * Sources only build requests and read {@link Reply}s; they never sleep or retry.
 */
public final class HttpStack implements AutoCloseable {
    private final OkHttpClient client;
    private final HostThrottle throttle;
    private final HttpSettings settings;

    public HttpStack(HttpSettings settings, HttpClock clock) {
        this.settings = settings;
        this.throttle = new HostThrottle(clock, settings.requestsPerSecondPerHost(), settings.maxRateLimitWait());
        long t = settings.timeout().toMillis();
        this.client = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(t, TimeUnit.MILLISECONDS)
                .readTimeout(t, TimeUnit.MILLISECONDS)
                .writeTimeout(t, TimeUnit.MILLISECONDS)
                .connectionPool(new ConnectionPool(32, 2, TimeUnit.MINUTES))
                .addInterceptor(new RedirectInterceptor(settings.maxRedirects()))
                .addInterceptor(new RobotsInterceptor(clock, settings.userAgent()))
                .addInterceptor(new ConditionalInterceptor())
                .addInterceptor(new RetryInterceptor(clock, settings.retries(), settings.backoffBase()))
                .addInterceptor(new RateLimitInterceptor(clock, throttle, settings.retries(), settings.backoffBase(),
                        settings.maxRateLimitWait()))
                .addInterceptor(new SizeCapInterceptor(settings.maxResponseBytes()))
                .addInterceptor(throttle)
                .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
                .build();
    }

    public OkHttpClient client() {
        return client;
    }

    public HostThrottle throttle() {
        return throttle;
    }

    public HttpSettings settings() {
        return settings;
    }

    /** Sends the request and reads the whole answer; a network failure is one line naming the URL. */
    public Reply send(Request request) throws SourceException {
        try (Response r = client.newCall(request).execute()) {
            ResponseBody body = r.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            return new Reply(r.code(), r.headers(), bytes, r.request().url().toString());
        } catch (IOException e) {
            throw new SourceException(describe(request, e), e);
        }
    }

    public Reply get(String url) throws SourceException {
        return send(request(url).build());
    }

    /** A GET request builder for the URL; a malformed URL is a {@link SourceException}. */
    public static Request.Builder request(String url) throws SourceException {
        try {
            return new Request.Builder().url(url);
        } catch (IllegalArgumentException e) {
            throw new SourceException("not a valid http(s) URL: " + url);
        }
    }

    String describe(Request request, IOException e) {
        String url = request.url().toString();
        if (e instanceof HttpProblem) return e.getMessage();
        if (e instanceof SocketTimeoutException) {
            long ms = settings.timeout().toMillis();
            String after = ms % 1000 == 0 ? ms / 1000 + "s" : ms / 1000.0 + "s";
            return "GET " + url + ": timed out after " + after + " ("
                    + (settings.retries() + 1) + " tries)";
        }
        if (e instanceof InterruptedIOException) return "GET " + url + ": interrupted";
        if (e instanceof UnknownHostException) return "GET " + url + ": unknown host " + request.url().host();
        if (e instanceof ConnectException) return "GET " + url + ": connection refused";
        String m = e.getMessage();
        return "GET " + url + ": " + (m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m));
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
