package org.wardwatch.crawler.http;

import java.io.IOException;
import java.time.Duration;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Tries again after a server error (5xx) or a network failure such as a timeout, waiting longer each
 * time. Failures that another try cannot cure ({@link HttpProblem}) pass straight through; after the
 * last try the 5xx answer or the exception reaches the caller.
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
        for (int attempt = 0; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (HttpProblem e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= retries || chain.call().isCanceled()) throw e;
                clock.sleep(backoff(attempt));
                continue;
            }
            if (!retryable(response.code()) || attempt >= retries) return response;
            response.close();
            clock.sleep(backoff(attempt));
        }
    }

    static boolean retryable(int code) {
        return code == 500 || code == 502 || code == 503 || code == 504;
    }

    Duration backoff(int attempt) {
        return base.multipliedBy(1L << Math.min(attempt, 10));
    }
}
