package org.wardwatch.core.source;

import org.wardwatch.core.registry.Account;

/** Downloads an image with the crawler's HTTP stack, refusing anything over {@code maxBytes}. */
public interface MediaFetcher {
    /**
     * @param account  the account whose post links the image: its own registered host may be a
     *                 private address (an intranet feed), no other may; null trusts no host
     * @param deadline the account's crawl deadline
     */
    byte[] fetch(Account account, String url, long maxBytes, Deadline deadline) throws SourceException;

    default byte[] fetch(String url, long maxBytes) throws SourceException {
        return fetch(null, url, maxBytes, Deadline.NONE);
    }
}
