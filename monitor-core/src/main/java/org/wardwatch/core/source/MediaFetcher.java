package org.wardwatch.core.source;

/** Downloads an image with the crawler's HTTP stack, refusing anything over {@code maxBytes}. */
public interface MediaFetcher {
    byte[] fetch(String url, long maxBytes) throws SourceException;
}
