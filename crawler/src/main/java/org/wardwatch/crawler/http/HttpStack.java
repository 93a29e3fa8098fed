package org.wardwatch.crawler.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.SourceException;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The crawler's one HTTP client. Every concern is an interceptor added here, once, in this order
 * (outermost first):
 * <ol>
 * <li>redirects, followed one hop at a time so every hop passes everything below;</li>
 * <li>robots.txt;</li>
 * <li>conditional GET;</li>
 * <li>retries after 5xx and timeouts, while the call timeout and the account's deadline leave time;</li>
 * <li>429 and platform rate-limit headers;</li>
 * <li>the per-host throttle, whose waits the account's deadline bounds;</li>
 * <li>the user agent;</li>
 * <li>the time limit of one exchange (what is left of the call timeout and the deadline), which also
 *     reads the whole body, so a stall or a trickle in the body is bounded and seen by the retries;</li>
 * <li>the size cap;</li>
 * <li>the private-address guard, unless {@code allowPrivateAddresses}: its socket factory refuses a
 *     private address before connecting, and a network interceptor checks the connection each
 *     exchange really uses, a pooled one included.</li>
 * </ol>
 * Sources only build requests (tagged with the account's {@link TrustedHosts} and {@link Deadline})
 * and read {@link Reply}s; they never sleep or retry.
 */
public final class HttpStack implements AutoCloseable {
    private final OkHttpClient client;
    private final HostThrottle throttle;
    private final HttpSettings settings;

    public HttpStack(HttpSettings settings, HttpClock clock) {
        this.settings = settings;
        this.throttle = new HostThrottle(clock, settings.requestsPerSecondPerHost(), settings.maxRateLimitWait());
        long t = settings.timeout().toMillis();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
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
                .addInterceptor(throttle)
                .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
                .addInterceptor(new TimeLimitInterceptor(settings.callTimeout()))
                .addInterceptor(new SizeCapInterceptor(settings.maxResponseBytes()));
        if (!settings.allowPrivateAddresses()) {
            ConnectGuard guard = new ConnectGuard();
            b.addInterceptor(guard).socketFactory(guard).addNetworkInterceptor(new RouteGuard());
        }
        this.client = b.build();
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

    /**
     * Sends the request and reads the whole answer; a failure is one line naming the URL. A request
     * whose {@link Deadline} has passed is not started.
     */
    public Reply send(Request request) throws SourceException {
        Deadline deadline = request.tag(Deadline.class);
        if (deadline != null && deadline.passed()) throw new SourceException(DeadlinePassed.message(request, deadline));
        Request call = request.newBuilder().tag(CallTime.class, new CallTime(settings.callTimeout())).build();
        try (Response r = client.newCall(call).execute()) {
            // the time limit interceptor has already read the body into memory
            return new Reply(r.code(), r.headers(), r.body() == null ? new byte[0] : r.body().bytes(),
                    r.request().url().toString());
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
        if (e instanceof HttpProblem) return e.getMessage();
        if (e instanceof GaveUp g) return describe(request, g.last()) + " (" + g.triesText() + ")";
        String url = request.url().toString();
        if (e instanceof SocketTimeoutException) {
            long ms = settings.timeout().toMillis();
            return "GET " + url + ": timed out after " + (ms % 1000 == 0 ? ms / 1000 + "s" : ms / 1000.0 + "s");
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
