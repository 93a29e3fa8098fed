package org.wardwatch.crawler.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.wardwatch.core.source.Deadline;

import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.AsyncTimeout;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Bounds one exchange with the server, from connecting to the last byte of the body, by what is
 * left of the call timeout ({@link CallTime}) and of the account's {@link Deadline}. The read
 * timeout alone cannot: a server sending a byte a second never leaves it idle for long. The body is
 * read here, inside the bound and inside the retry interceptor, so a body that stalls is retried
 * like any other timeout. When the bound is reached the call is cancelled (closing its socket) and
 * the request fails with one line; it is not retried, as the time for it is gone.
 */
final class TimeLimitInterceptor implements Interceptor {
    private final Duration callTimeout;

    /** @param callTimeout for requests sent without a {@link CallTime}, each exchange gets the whole of it */
    TimeLimitInterceptor(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** Cancels the call when the exchange's time is up, and remembers that it did. */
    private static final class Watchdog extends AsyncTimeout {
        private final Call call;
        private volatile boolean fired;
        private long received;

        Watchdog(Call call, Duration limit) {
            this.call = call;
            timeout(Math.max(1, limit.toNanos()), TimeUnit.NANOSECONDS);
        }

        @Override
        protected void timedOut() {
            fired = true;
            call.cancel();
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        CallTime time = request.tag(CallTime.class);
        if (time == null) time = new CallTime(callTimeout);
        Deadline deadline = request.tag(Deadline.class);
        if (deadline == null) deadline = Deadline.NONE;
        if (deadline.passed()) throw DeadlinePassed.passed(request, deadline);
        if (time.spent()) throw tooSlow(request, 0, time);
        boolean deadlineFirst = deadline.remaining().compareTo(time.remaining()) < 0;

        Watchdog dog = new Watchdog(chain.call(), deadlineFirst ? deadline.remaining() : time.remaining());
        Response whole = null;
        IOException failure = null;
        long start = System.nanoTime();
        dog.enter();
        try {
            whole = readWhole(chain.proceed(request), dog);
        } catch (IOException e) {
            failure = e;
        } finally {
            dog.exit();
            time.spend(System.nanoTime() - start);
        }
        if (dog.fired) {
            // the call is cancelled now, whatever arrived: nothing more can be sent on it
            if (whole != null) whole.close();
            throw deadlineFirst ? DeadlinePassed.passed(request, deadline) : tooSlow(request, dog.received, time);
        }
        if (failure != null) throw failure;
        return whole;
    }

    private static Response readWhole(Response response, Watchdog dog) throws IOException {
        ResponseBody body = response.body();
        if (body == null) return response;
        Buffer whole = new Buffer();
        try (BufferedSource source = body.source()) {
            for (long n; (n = source.read(whole, 8192)) != -1; ) dog.received += n;
        } catch (IOException e) {
            response.close();
            throw e;
        }
        return response.newBuilder().body(ResponseBody.create(whole, body.contentType(), whole.size())).build();
    }

    private static HttpProblem tooSlow(Request request, long bytes, CallTime time) {
        return new HttpProblem(request.method() + " " + request.url() + ": too slow: "
                + String.format(Locale.ROOT, "%,d", bytes) + " bytes in " + CallTime.seconds(time.limit())
                + " (http.callTimeoutSeconds)");
    }
}
