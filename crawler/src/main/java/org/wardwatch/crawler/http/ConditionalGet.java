package org.wardwatch.crawler.http;

/**
 * A request tag asking for a conditional GET with the validators {@code sent}; after the call it
 * holds the validators the server returned, and whether it answered 304 Not Modified.
 */
public final class ConditionalGet {
    private final Validators sent;
    private volatile Validators received = Validators.NONE;
    private volatile boolean notModified;

    public ConditionalGet(Validators sent) {
        this.sent = sent == null ? Validators.NONE : sent;
    }

    public Validators sent() {
        return sent;
    }

    /** What to keep for next time: the new validators, or the old ones when the page did not change. */
    public Validators keep() {
        return notModified ? sent : received;
    }

    public boolean notModified() {
        return notModified;
    }

    void received(Validators v, boolean notModified) {
        this.received = v;
        this.notModified = notModified;
    }
}
