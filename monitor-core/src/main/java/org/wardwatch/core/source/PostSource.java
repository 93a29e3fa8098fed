package org.wardwatch.core.source;

import java.util.List;
import java.util.Map;

import org.wardwatch.core.registry.Account;
import org.wardwatch.core.registry.Platform;

/**
 * Reads the public posts of accounts on one platform. Implementations map the platform's JSON or
 * XML to {@link FetchedPost}; paging, throttling and retries live below them in the HTTP stack.
 */
public interface PostSource {
    Platform platform();

    /**
     * Reads what is new since {@code state}; a first crawl goes back as far as the source is configured
     * to. Past the deadline the source stops with a {@link SourceException} saying so.
     */
    CrawlBatch fetch(Account account, CrawlState state, Deadline deadline) throws SourceException;

    default CrawlBatch fetch(Account account, CrawlState state) throws SourceException {
        return fetch(account, state, Deadline.NONE);
    }

    /**
     * Re-checks whether the given posts are still published. Every post in the input gets an answer;
     * when the platform cannot be reached the answer is {@link PostStatus#UNREACHABLE}.
     */
    Map<Long, PostStatus> recheck(Account account, CrawlState state, List<PostRef> posts);
}
