package org.wardwatch.core.source;

import java.util.Locale;

/** Whether a stored post is still up. Unreachable is not deleted: a platform outage proves nothing. */
public enum PostStatus {
    LIVE, DELETED, UNREACHABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
