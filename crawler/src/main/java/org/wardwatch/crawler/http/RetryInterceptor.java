package org.wardwatch.crawler.http;

import java.io.IOException;
import java.time.Duration;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tries again after a server error (5xx) or a network failure such as a timeout (while connecting,
 * waiting for the answer or reading its body), waiting longer each time. Failures that another try
 * cannot cure ({@link HttpProblem}) pass straight through. It stops early when no time is left for
 * another try: the call timeout is spent, or the backoff would outlast the account's deadline. Then,
 * as after the last try, the 5xx answer reaches the caller, or the exception with the number of
 * tries actually made ({@link GaveUp}).
 */
final class RetryInterceptor implements Interceptor {
    private final HttpClock clock;
    private final int retries;
    private final Duration base;

    RetryInterceptor(HttpClock clock, int retries, Duration base) {
        this.clock = clock;
        this.retries = Math.max(0, retries);
        this.base = base;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        for (int tries = 1; ; tries++) {
            Duration wait = backoff(tries - 1);
            Response response;
            try {
                response = chain.proceed(request);
            } catch (HttpProblem e) {
                throw e;
            } catch (IOException e) {
                if (tries > retries || chain.call().isCanceled() || !timeForAnother(request, wait)) {
                    throw new GaveUp(e, tries);
                }
                clock.sleep(wait);
                continue;
            }
            if (!retryable(response.code()) || tries > retries || !timeForAnother(request, wait)) return response;
            response.close();
            clock.sleep(wait);
        }
    }

    private static boolean timeForAnother(Request request, Duration wait) {
        CallTime time = request.tag(CallTime.class);
        return (time == null || !time.spent()) && !DeadlinePassed.outlasts(request, wait);
    }

    static boolean retryable(int code) {
        return code == 500 || code == 502 || code == 503 || code == 504;
    }

    Duration backoff(int attempt) {
        return base.multipliedBy(1L << Math.min(attempt, 10));
    }
}
