package org.wardwatch.crawler.http;

import java.time.Duration;

import org.wardwatch.core.source.Deadline;

import okhttp3.Request;

/**
 * The account's crawl deadline ended the request, or would pass during a wait it asked for. Never
 * retried: no later try can finish before a deadline that has already come.
 */
final class DeadlinePassed extends HttpProblem {
    private DeadlinePassed(String message) {
        super(message);
    }

    static String message(Request request, Deadline deadline) {
        return request.method() + " " + request.url() + ": the account's deadline of "
                + CallTime.seconds(deadline.budget()) + " passed (crawl.accountTimeoutSeconds)";
    }

    static DeadlinePassed passed(Request request, Deadline deadline) {
        return new DeadlinePassed(message(request, deadline));
    }

    static DeadlinePassed duringWait(Request request, Duration wait) {
        Deadline deadline = request.tag(Deadline.class);
        return new DeadlinePassed(request.method() + " " + request.url() + ": the account's deadline of "
                + CallTime.seconds(deadline.budget()) + " would pass during a " + CallTime.seconds(wait)
                + " wait for " + request.url().host() + " (crawl.accountTimeoutSeconds)");
    }

    /** True when waiting {@code wait} for the request would outlast its deadline. */
    static boolean outlasts(Request request, Duration wait) {
        Deadline d = request.tag(Deadline.class);
        return d != null && d.budget() != null && !wait.isZero() && wait.compareTo(d.remaining()) >= 0;
    }
}
