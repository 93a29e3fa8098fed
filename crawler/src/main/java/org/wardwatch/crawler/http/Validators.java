package org.wardwatch.crawler.http;

/**
 * The validators of a page or feed as last fetched ({@code ETag}, {@code Last-Modified}). A source
 * keeps them in its crawl cursor, so they are only remembered once the crawl that read the page has
 * been stored: a failed ingest cannot leave a validator that hides unstored posts behind a 304.
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean any() {
        return etag != null || lastModified != null;
    }
}
