package org.wardwatch.crawler.http;

import java.io.IOException;

/**
 * The failure of a request's last try, with the number of tries actually made, so the message can
 * say it truthfully: a try that was never made (out of time, out of deadline) is not counted.
 */
final class GaveUp extends IOException {
    private final int tries;

    GaveUp(IOException last, int tries) {
        super(last.getMessage(), last);
        this.tries = tries;
    }

    IOException last() {
        return (IOException) getCause();
    }

    int tries() {
        return tries;
    }

    String triesText() {
        return tries == 1 ? "1 try" : tries + " tries";
    }
}
