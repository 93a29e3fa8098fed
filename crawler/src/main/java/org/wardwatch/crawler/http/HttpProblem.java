package org.wardwatch.crawler.http;

import java.io.IOException;

/**
 * A failure that trying again will not cure (too large, too many redirects, disallowed by robots.txt,
 * rate limited for longer than we wait). The retry interceptor lets these through at once.
 */
public class HttpProblem extends IOException {
    public HttpProblem(String message) {
        super(message);
    }
}
