package org.wardwatch.crawler.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.source.Deadline;
import org.wardwatch.core.source.PostRef;
import org.wardwatch.core.source.PostStatus;
import org.wardwatch.core.source.SourceException;
import org.wardwatch.crawler.http.HttpStack;
import org.wardwatch.crawler.http.Reply;
import org.wardwatch.crawler.http.RobotsTxt;
import org.wardwatch.crawler.http.TrustedHosts;

/**
 * Re-checks posts by their permalink: 404 or 410 means the post is gone, a success means it is up,
 * anything else (5xx, timeout, robots.txt refusal) proves nothing and is unreachable.
 */
public final class Permalinks {
    private Permalinks() {
    }

    public static Map<Long, PostStatus> recheck(HttpStack http, List<PostRef> posts) {
        return recheck(http, null, posts);
    }

    /** @param account whose posts these are: its own registered host may be a private address */
    public static Map<Long, PostStatus> recheck(HttpStack http, Account account, List<PostRef> posts) {
        Map<Long, PostStatus> out = new LinkedHashMap<>();
        for (PostRef p : posts) out.put(p.id(), check(http, account, p.permalink()));
        return out;
    }

    public static PostStatus check(HttpStack http, String permalink) {
        return check(http, null, permalink);
    }

    public static PostStatus check(HttpStack http, Account account, String permalink) {
        if (permalink == null || permalink.isBlank()) return PostStatus.UNREACHABLE;
        try {
            Reply r = http.send(HttpStack.request(permalink).tag(RobotsTxt.class, RobotsTxt.CHECK)
                    .tag(TrustedHosts.class, TrustedHosts.of(account)).tag(Deadline.class, Deadline.NONE).build());
            if (r.code() == 404 || r.code() == 410) return PostStatus.DELETED;
            return r.ok() ? PostStatus.LIVE : PostStatus.UNREACHABLE;
        } catch (SourceException e) {
            return PostStatus.UNREACHABLE;
        }
    }
}
